// Only the better-auth endpoints Avance uses answer (sign-in, sign-out, the session): the others
// — update-user above all, which let anyone rename themselves to anything, unaudited — are closed.
// Account changes go through Avance's own routes (users.ts: its rules, an audit entry).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { setDb } from '../db';
import { createUserRecord } from '../accounts/users';
import { user } from '../db/schema';

let t: TestDb;
let getAuth: typeof import('./index').getAuth;
let CLIENT_IP_HEADER: string;
let cookie = '';
beforeAll(async () => {
	t = freshDb();
	setDb(t.db);
	process.env.BETTER_AUTH_SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuv';
	({ getAuth, CLIENT_IP_HEADER } = await import('./index'));
	await createUserRecord(t.db, null, {
		email: 'plain@example.org',
		name: 'Plain Person',
		password: 'plain-person-password-1',
		role: 'viewer'
	});
	const res = await call('/sign-in/email', {
		email: 'plain@example.org',
		password: 'plain-person-password-1'
	});
	expect(res.status).toBe(200);
	cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	expect(cookie).toContain('session_token');
});
afterAll(() => {
	setDb(undefined);
	t.close();
});

function call(path: string, body?: unknown, method = 'POST') {
	return getAuth().handler(
		new Request(`http://localhost/api/auth${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				origin: 'http://localhost',
				cookie,
				[CLIENT_IP_HEADER]: '10.9.0.1'
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		})
	);
}

describe('better-auth endpoints Avance does not use', () => {
	it('POST /api/auth/update-user is closed: no rename, no audit-less change', async () => {
		const before = snapshot(t.db);
		for (const name of ['Administrator', '', 'x'.repeat(100_000)]) {
			const res = await call('/update-user', { name });
			expect(res.status).toBe(404);
		}
		expect(snapshot(t.db)).toEqual(before);
		const row = t.db.select().from(user).where(eq(user.email, 'plain@example.org')).get();
		expect(row?.name).toBe('Plain Person');
	});

	it.each([
		['/change-password', { currentPassword: 'plain-person-password-1', newPassword: 'x' }],
		['/change-email', { newEmail: 'other@example.org' }],
		['/delete-user', {}],
		[
			'/sign-up/email',
			{ email: 'new@example.org', password: 'plain-person-password-2', name: 'N' }
		],
		['/revoke-sessions', {}],
		['/request-password-reset', { email: 'plain@example.org' }],
		['/set-password', { newPassword: 'plain-person-password-3' }]
	])('POST %s answers 404', async (path, body) => {
		expect((await call(path, body)).status).toBe(404);
	});

	it.each(['/list-sessions', '/list-accounts', '/ok'])('GET %s answers 404', async (path) => {
		expect((await call(path, undefined, 'GET')).status).toBe(404);
	});

	it('the endpoints Avance uses still work', async () => {
		const session = await call('/get-session', undefined, 'GET');
		expect(session.status).toBe(200);
		expect((await session.json())?.user?.email).toBe('plain@example.org');
		expect((await call('/sign-out', {})).status).toBe(200);
	});
});
