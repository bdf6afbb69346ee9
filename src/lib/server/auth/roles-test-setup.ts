// Shared setup of the permission tests of this folder (permissions*.test.ts,
// form-permissions*.test.ts): a fresh database (also the one the handlers use) and cast of people
// for every test (with a focal point of Mexico), and the roles tried against each request.
import { beforeEach, afterEach } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast, insertActor } from '../../../../tests/helpers/cast';
import { setDb } from '../db';
import type { Actor } from './authz';

export let t: TestDb;
export let who: ReturnType<typeof cast> & { focal: Actor };

/** Gives every test of the calling file a fresh database (`t`, the handlers' too) and its people. */
export function freshDbPerTest() {
	beforeEach(() => {
		t = freshDb();
		setDb(t.db);
		// the cast of DESIGN §3 and a focal point of Mexico (issue 17 §6)
		who = { ...cast(t.db), focal: insertActor(t.db, 'focal_point', ['MEX'], 'Fabiola Focal') };
	});
	afterEach(() => {
		setDb(undefined);
		t.close();
	});
}

export type Role = 'anonymous' | 'viewer' | 'mex' | 'gtm' | 'focal' | 'admin';
export const ROLES: Role[] = ['anonymous', 'viewer', 'mex', 'gtm', 'focal', 'admin'];
export const actorOf = (r: Role): Actor | null => (r === 'anonymous' ? null : who[r]);
