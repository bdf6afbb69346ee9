// Access (issue 8 §5): nobody in who should not be, nothing shown to whom it is not for.
// - sign-in is rate limited per client address (on a server of its own, at the default 5 a
//   minute), and a client cannot pick its own address with a header;
// - every sign-in makes a new session; a cookie planted before sign-in is never adopted;
// - sign-out ends the session on the server;
// - a form POST from another origin is refused, and so is a cross-site "simple" JSON POST;
// (deactivated accounts and what each reader may see: access-accounts.spec.ts)
import { test, expect } from './api-test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, buildSource, copyBuild, startServer } from '../load/server.js';
import { signIn as fetchSignIn } from '../load/client.js';
import { E2E_ADMIN, baseOrigin, signIn } from './helpers';
import { newClient, RUN, sessionOf } from './access-setup';

test.describe('sign-in rate limit (own server, default limit)', () => {
	test('the sixth attempt in a minute is refused, whatever address header the client sends', async ({
		browser
	}) => {
		test.setTimeout(120_000);
		const tmp = mkdtempSync(join(tmpdir(), 'avance-access-'));
		const build = copyBuild(buildSource());
		const server = await startServer({
			buildDir: build.dir,
			dbFile: join(tmp, 'rate.db'),
			env: { AUTH_SIGNIN_RATE_LIMIT: undefined }
		});
		try {
			const attempt = (password: string, i: number) =>
				fetch(`${server.origin}/api/auth/sign-in/email`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						origin: server.origin,
						// A client choosing its own address must not get a fresh allowance.
						'x-avance-client-ip': `10.0.0.${i}`,
						'x-forwarded-for': `10.1.0.${i}`,
						'x-real-ip': `10.2.0.${i}`
					},
					body: JSON.stringify({ email: ADMIN.email, password })
				});
			for (let i = 1; i <= 5; i++) {
				expect((await attempt('wrong-password-00', i)).status).toBe(401);
			}
			// The right password, too late: refused, and no session is made.
			const sixth = await attempt(ADMIN.password, 6);
			expect(sixth.status).toBe(429);
			expect(sessionOf(sixth.headers.get('set-cookie') ?? undefined)).toBeUndefined();

			// The sign-in page says so in words.
			const context = await browser.newContext({ baseURL: server.origin });
			const page = await context.newPage();
			await page.goto('/signin', { waitUntil: 'networkidle' });
			await page.getByLabel('Email address').fill(ADMIN.email);
			await page.getByLabel('Password').fill(ADMIN.password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('alert')).toHaveText(
				'Too many attempts. Wait a minute and try again.'
			);
			await expect(page).toHaveURL(/\/signin/);
			await context.close();
		} finally {
			await server.stop();
			build.cleanup();
			rmSync(tmp, { recursive: true, force: true });
		}
	});
});

test.describe('sessions', () => {
	test('every sign-in makes a new session; a cookie planted beforehand is not adopted', async () => {
		const origin = baseOrigin();
		const planted = 'planted-by-someone-else.0123456789abcdef';
		const tokens: string[] = [];
		for (let i = 0; i < 3; i++) {
			const ctx = await newClient();
			const res = await ctx.post('/api/auth/sign-in/email', {
				data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
				headers: { origin, cookie: `better-auth.session_token=${planted}` }
			});
			expect(res.status()).toBe(200);
			const token = sessionOf(res.headers()['set-cookie']);
			expect(token).toBeTruthy();
			expect(token).not.toContain(planted);
			tokens.push(token!);
			await ctx.dispose();
		}
		expect(new Set(tokens).size).toBe(3);
		// The planted value opens nothing.
		const stranger = await newClient();
		const res = await stranger.get('/api/v1/articles', {
			headers: { cookie: `better-auth.session_token=${planted}` }
		});
		expect(res.status()).toBe(401);
		await stranger.dispose();
	});

	test('a page sign-in replaces the session cookie the browser had', async ({ page, context }) => {
		await signIn(page);
		const first = (await context.cookies()).find((c) => c.name.includes('session_token'))?.value;
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/signin/);
		await signIn(page);
		const second = (await context.cookies()).find((c) => c.name.includes('session_token'))?.value;
		expect(first && second).toBeTruthy();
		expect(second).not.toBe(first);
	});

	test('sign-out through the API ends the session on the server', async () => {
		const ctx = await newClient(E2E_ADMIN.email, E2E_ADMIN.password);
		const { cookies } = await ctx.storageState();
		const token = cookies.find((c) => c.name.includes('session_token'))!;
		expect((await ctx.get('/api/v1/articles')).status()).toBe(200);
		const out = await ctx.post('/api/auth/sign-out', { headers: { origin: baseOrigin() } });
		expect(out.status()).toBe(200);
		// Replaying the old cookie from elsewhere does not bring it back.
		const replay = await newClient();
		const res = await replay.get('/api/v1/articles', {
			headers: { cookie: `${token.name}=${token.value}` }
		});
		expect(res.status()).toBe(401);
		await replay.dispose();
		await ctx.dispose();
	});
});

test.describe('cross-site requests', () => {
	const evil = 'http://evil.example';

	test('a form POST from another origin is refused and changes nothing', async () => {
		const admin = await newClient(E2E_ADMIN.email, E2E_ADMIN.password);
		const title = `Cross-site ${RUN}`;
		const form = {
			title,
			country: 'MEX',
			articles: '2',
			status: 'planned',
			percentComplete: '0',
			language: 'en'
		};
		for (const path of ['/actions/new', '/signout', '/users?/create', '/share-links?/create']) {
			const res = await admin.post(path, { form, headers: { origin: evil } });
			expect(res.status(), path).toBe(403);
		}
		// A sign-in form posted from elsewhere makes no session either.
		const anon = await newClient();
		const signin = await anon.post('/signin', {
			form: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
			headers: { origin: evil }
		});
		expect(signin.status()).toBe(403);
		expect(sessionOf(signin.headers()['set-cookie'])).toBeUndefined();
		const direct = await anon.post('/api/auth/sign-in/email', {
			data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
			headers: { origin: evil }
		});
		expect(direct.status()).toBe(403);
		// A "simple" cross-site POST (text/plain, no preflight) to the JSON API is refused too
		// (SvelteKit's origin check, and the API takes application/json only).
		const simple = await admin.post('/api/v1/actions', {
			data: JSON.stringify({ title, country: 'MEX', articles: [2] }),
			headers: { origin: evil, 'content-type': 'text/plain' }
		});
		expect([403, 415]).toContain(simple.status());
		// Still signed in (the sign-out was refused), and nothing was created.
		const found = await admin.get(`/api/v1/actions?q=${encodeURIComponent(`"${title}"`)}`);
		expect(found.status()).toBe(200);
		expect((await found.json()).items.filter((a: { title: string }) => a.title === title)).toEqual(
			[]
		);
		await anon.dispose();
		await admin.dispose();
	});
});

test.describe('scripts that send no Origin', () => {
	test('a multipart import from a script with a session cookie works; a browser cross-site one does not', async () => {
		const cookie = await fetchSignIn(baseOrigin(), E2E_ADMIN.email, E2E_ADMIN.password);
		const csv =
			'indicator,country,period,disaggregation,value,status,source,note\n10.c.1,MEX,2019,,3.1,final,Script,\n';
		const post = (headers: Record<string, string>) => {
			const form = new FormData();
			form.set('file', new Blob([csv], { type: 'text/csv' }), 'script.csv');
			form.set('dryRun', 'true');
			return fetch(`${baseOrigin()}/api/v1/imports`, {
				method: 'POST',
				headers: { cookie, ...headers },
				body: form
			});
		};
		// As curl or a scheduled job sends it: no Origin, no Sec-Fetch-Site.
		const script = await post({});
		expect(script.status, await script.clone().text()).toBe(200);
		expect((await script.json()).dryRun).toBe(true);
		// What a browser on another site sends.
		expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
		expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
		// A plain form post from a script (no Origin) to a page action goes through the same way.
		const signout = await fetch(`${baseOrigin()}/signout`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: '',
			redirect: 'manual'
		});
		expect(signout.status).not.toBe(403);
	});
});
