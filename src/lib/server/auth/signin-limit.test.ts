// Failed sign-ins are rate limited per client address (better-auth's limiter, configured
// in auth.ts); a deactivated account cannot sign in at all, and is told so only as a wrong
// password is.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { setDb } from '../db';
import { createUserRecord } from '../accounts/users';
import { user } from '../db/schema';

let t: TestDb;
let getAuth: typeof import('./index').getAuth;
let CLIENT_IP_HEADER: string;
beforeAll(async () => {
	t = freshDb();
	setDb(t.db);
	process.env.BETTER_AUTH_SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuv';
	process.env.AUTH_SIGNIN_RATE_LIMIT = '3';
	({ getAuth, CLIENT_IP_HEADER } = await import('./index'));
	await createUserRecord(t.db, null, {
		email: 'limit@example.org',
		name: 'Lim',
		password: 'right-password-1',
		role: 'viewer'
	});
});
afterAll(() => {
	setDb(undefined);
	t.close();
	delete process.env.AUTH_SIGNIN_RATE_LIMIT;
});

function signIn(password: string, ip: string, email = 'limit@example.org') {
	return getAuth().handler(
		new Request('http://localhost/api/auth/sign-in/email', {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: 'http://localhost',
				[CLIENT_IP_HEADER]: ip
			},
			body: JSON.stringify({ email, password })
		})
	);
}

describe('sign-in limits', () => {
	it('after 3 attempts a minute from one address, the next is refused with 429', async () => {
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await signIn('wrong-password', '10.0.0.1')).status);
		expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
		expect(statuses[3]).toBe(429);
		// Even the right password waits; another address is not affected.
		expect((await signIn('right-password-1', '10.0.0.1')).status).toBe(429);
		expect((await signIn('right-password-1', '10.0.0.2')).status).toBe(200);
	});

	it('a deactivated account is refused as a wrong password is: same answer, similar time', async () => {
		await createUserRecord(t.db, null, {
			email: 'other@example.org',
			name: 'Other',
			password: 'other-password-77',
			role: 'viewer'
		});
		t.db.update(user).set({ active: false }).where(eq(user.email, 'limit@example.org')).run();
		// Each attempt from its own address, so the limiter stays out of the way.
		let n = 0;
		const attempt = async (email: string, password: string) => {
			const start = performance.now();
			const res = await signIn(password, `10.1.0.${++n}`, email);
			return { status: res.status, body: await res.text(), ms: performance.now() - start };
		};
		const deactivated = await attempt('limit@example.org', 'right-password-1');
		const wrong = await attempt('other@example.org', 'not-the-password');
		expect(deactivated.status).toBe(401);
		expect(deactivated.body).toBe(wrong.body);
		expect(deactivated.body).not.toMatch(/deactivat/i);
		// Timing: the deactivated answer does the password work too (medians of a few runs).
		const median = async (email: string, password: string) => {
			const times = [];
			for (let i = 0; i < 5; i++) times.push((await attempt(email, password)).ms);
			return times.sort((a, b) => a - b)[2];
		};
		const slow = await median('other@example.org', 'not-the-password');
		const fast = await median('limit@example.org', 'wrong-password-too');
		expect(fast).toBeGreaterThan(slow * 0.5);
	});
});
