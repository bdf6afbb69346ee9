// Shared pieces of the form-action permission tests (form-permissions*.test.ts): running a form
// action as SvelteKit runs it (a FormData request), the expected status of each role, and fresh
// actions and their form fields (the database and roles: roles-test-setup.ts).
import { isRedirect, isActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from './authz';
import { createAction } from '../actions';
import { t, who, type Role } from './roles-test-setup';

export type FormAction = (event: RequestEvent) => unknown;

/** Runs a form action; answers 303 (redirect after success) or the failure's status. */
export async function submit(
	action: unknown,
	actor: Actor | null,
	fields: Record<string, string | string[]>,
	params: Record<string, string> = {}
): Promise<{ status: number; location?: string; data?: Record<string, unknown> }> {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) {
		for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	}
	const url = new URL('http://localhost/actions');
	const event = {
		request: new Request(url, { method: 'POST', body: form }),
		url,
		params,
		locals: { actor, sessionId: null }
	} as unknown as RequestEvent;
	try {
		const result = await (action as FormAction)(event);
		if (isActionFailure(result)) return { status: result.status, data: result.data as never };
		return { status: 200 };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		throw e;
	}
}

// 0 = allowed (the form redirects with 303); anonymous are sent to the sign-in page (303 too).
export const EDIT_MEX: Record<Role, number> = {
	anonymous: 303,
	viewer: 403,
	mex: 0,
	gtm: 403,
	focal: 403,
	admin: 0
};
export const EDIT_REGIONAL: Record<Role, number> = {
	anonymous: 303,
	viewer: 403,
	mex: 0,
	gtm: 0,
	focal: 403,
	admin: 0
};
export const SUBMIT_REGIONAL: Record<Role, number> = {
	anonymous: 303,
	viewer: 403,
	mex: 403,
	gtm: 403,
	focal: 403,
	admin: 0
};
export const ADMIN_ONLY: Record<Role, number> = {
	anonymous: 303,
	viewer: 403,
	mex: 403,
	gtm: 403,
	focal: 403,
	admin: 0
};

export const seedAction = (country: string | null) =>
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
export const setReview = (id: number, state: string) =>
	t.db.$client.prepare('update action set review_state = ? where id = ?').run(state, id);

export interface Case {
	name: string;
	table: [Record<Role, number>, Record<Role, number>];
	run: (country: string | null, actor: Actor | null) => ReturnType<typeof submit>;
}

export const actionFields = (country: string | null) => ({
	title: 'Through the form',
	description: '',
	country: country ?? 'regional',
	articles: ['2'],
	leadAgency: '',
	status: 'planned',
	percentComplete: '0',
	startDate: '',
	dueDate: '',
	completedOn: '',
	language: 'en'
});
