// Shared pieces of the API permission tests (permissions*.test.ts): a caller of API handlers as
// a given actor, the expected status of each role, and a fresh action of a country or of the
// region (the database and roles: roles-test-setup.ts).
import { callApi, type CallOptions } from '../../../../tests/helpers/api';
import type { Actor } from './authz';
import { t, who, type Role } from './roles-test-setup';
import { createAction } from '../actions';

export type { Handler } from '../../../../tests/helpers/api';

/** Calls an API handler as `actor`; a POST unless `opts.method` says otherwise. */
export const call = (handler: unknown, actor: Actor | null, opts: CallOptions = {}) =>
	callApi(handler, actor, { method: 'POST', ...opts });

/** Expected status for each role, for a record of Mexico and for a regional one. */
export const EDIT_MEX: Record<Role, number> = {
	anonymous: 401,
	viewer: 403,
	mex: 0,
	gtm: 403,
	focal: 403,
	admin: 0
};
export const EDIT_REGIONAL: Record<Role, number> = {
	anonymous: 401,
	viewer: 403,
	mex: 0,
	gtm: 0,
	focal: 403,
	admin: 0
};
export const SUBMIT_MEX = EDIT_MEX;
export const SUBMIT_REGIONAL: Record<Role, number> = {
	anonymous: 401,
	viewer: 403,
	mex: 403,
	gtm: 403,
	focal: 403,
	admin: 0
};
export const ADMIN_ONLY: Record<Role, number> = {
	anonymous: 401,
	viewer: 403,
	mex: 403,
	gtm: 403,
	focal: 403,
	admin: 0
};

export const newAction = (country: string | null) =>
	createAction(t.db, who.admin, {
		title: `Action of ${country ?? 'the region'}`,
		description: '',
		country,
		articles: [2],
		leadAgency: '',
		status: 'planned',
		percentComplete: 0,
		indicators: []
	});

export interface Case {
	name: string;
	/** Prepares a fresh record and returns the request to send. */
	run: (scope: string | null, actor: Actor | null) => Promise<Response>;
	ok: number;
	table: [Record<Role, number>, Record<Role, number>];
}
