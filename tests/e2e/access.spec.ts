// Access (issue 8 §5): nobody in who should not be, nothing shown to whom it is not for.
// - sign-in is rate limited per client address (on a server of its own, at the default 5 a
//   minute), and a client cannot pick its own address with a header;
// - every sign-in makes a new session; a cookie planted before sign-in is never adopted;
// - sign-out ends the session on the server;
// - a form POST from another origin is refused, and so is a cross-site "simple" JSON POST;
// - deactivating an account ends its sessions at once and refuses its sign-in (Avance has no
//   API keys: sessions are the only credential);
// - a coordinator never receives another country's drafts from any list, and no endpoint or
//   page gives anyone but an admin another person's email address.
import { type APIRequestContext } from '@playwright/test';
import { test, expect, request as newRequest } from './api-test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, buildSource, copyBuild, startServer } from '../load/server.js';
import { signIn as fetchSignIn } from '../load/client.js';
import { E2E_ADMIN, apiSignIn, baseOrigin, createUser, signIn } from './helpers';

const RUN = Date.now().toString(36);
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const SESSION = /session_token=([^;]+)/;

function sessionOf(setCookie: string | undefined): string | undefined {
	return setCookie ? SESSION.exec(setCookie)?.[1] : undefined;
}

async function newClient(email?: string, password?: string): Promise<APIRequestContext> {
	const baseURL = test.info().project.use.baseURL;
	const ctx = await newRequest.newContext({ baseURL });
	if (email) await apiSignIn(ctx, email, password);
	return ctx;
}

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

test.describe('deactivated accounts', () => {
	test('deactivating an account ends its sessions at once and refuses its next sign-in', async ({
		browser
	}) => {
		const password = 'coordinator-pass-1';
		const person = await createUser(await newClient(), {
			email: `deactivated.${RUN}@example.org`,
			name: `Deactivated ${RUN}`,
			password,
			role: 'coordinator',
			countries: ['MEX']
		});
		const api = await newClient(person.email, password);
		expect((await api.get('/api/v1/actions')).status()).toBe(200);
		const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
		const page = await context.newPage();
		await signIn(page, person.email, password);

		const admin = await newClient(E2E_ADMIN.email, E2E_ADMIN.password);
		const current = await (await admin.get(`/api/v1/users/${person.id}`)).json();
		const res = await admin.patch(`/api/v1/users/${person.id}`, {
			data: { active: false, version: current.version }
		});
		expect(res.status(), await res.text()).toBe(200);

		// The very next request of each session is refused.
		expect((await api.get('/api/v1/actions')).status()).toBe(401);
		const created = await api.post('/api/v1/actions', {
			data: { title: `After deactivation ${RUN}`, country: 'MEX', articles: [1] }
		});
		expect(created.status()).toBe(401);
		await page.goto('/actions');
		await expect(page).toHaveURL(/\/signin/);
		// And signing in again is refused.
		const again = await newClient();
		const signin = await again.post('/api/auth/sign-in/email', {
			data: { email: person.email, password },
			headers: { origin: baseOrigin() }
		});
		// As a wrong password: nothing tells that the account exists.
		expect(signin.status()).toBe(401);
		await Promise.all([api.dispose(), admin.dispose(), again.dispose(), context.close()]);
	});
});

test.describe('what a coordinator and a viewer may not see', () => {
	const secret = {
		title: `GTM draft ${RUN}`,
		note: `GTM internal note ${RUN}`,
		evidence: `GTM draft evidence ${RUN}`,
		value: 987654.321
	};
	let draftId = 0;
	let mex: APIRequestContext;
	let viewer: APIRequestContext;
	let mexEmail = '';
	let viewerEmail = '';
	let gtmEmail = '';
	let gtmId = '';

	// On a server and database of its own: the drafts made here never reach other specs.
	let own: Awaited<ReturnType<typeof startServer>>;
	let ownBuild: ReturnType<typeof copyBuild>;
	let ownTmp = '';
	const client = async (email?: string, password?: string) => {
		const ctx = await newRequest.newContext({ baseURL: own.origin });
		if (email) {
			const res = await ctx.post('/api/auth/sign-in/email', {
				data: { email, password },
				headers: { origin: own.origin }
			});
			expect(res.status(), await res.text()).toBe(200);
		}
		return ctx;
	};
	const makeUser = async (u: {
		email: string;
		name: string;
		password: string;
		role: string;
		countries?: string[];
	}) => {
		const admin = await client(ADMIN.email, ADMIN.password);
		const res = await admin.post('/api/v1/users', { data: { countries: [], ...u } });
		expect(res.status(), await res.text()).toBe(201);
		const made = (await res.json()) as { id: string; email: string };
		await admin.dispose();
		return made;
	};

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		ownTmp = mkdtempSync(join(tmpdir(), 'avance-access-'));
		ownBuild = copyBuild(buildSource());
		own = await startServer({
			buildDir: ownBuild.dir,
			dbFile: join(ownTmp, 'drafts.db')
		});
		const password = 'access-pass-123';
		const gtmUser = await makeUser({
			email: `gtm.${RUN}@example.org`,
			name: `Coordinator GTM ${RUN}`,
			password,
			role: 'coordinator',
			countries: ['GTM']
		});
		const mexUser = await makeUser({
			email: `mex.${RUN}@example.org`,
			name: `Coordinator MEX ${RUN}`,
			password,
			role: 'coordinator',
			countries: ['MEX']
		});
		const viewerUser = await makeUser({
			email: `viewer.${RUN}@example.org`,
			name: `Viewer ${RUN}`,
			password,
			role: 'viewer'
		});
		gtmEmail = gtmUser.email;
		gtmId = gtmUser.id;
		mexEmail = mexUser.email;
		viewerEmail = viewerUser.email;

		// Guatemala's working data: a draft action with an update and evidence, a draft value.
		const gtm = await client(gtmEmail, password);
		const action = await gtm.post('/api/v1/actions', {
			data: { title: secret.title, country: 'GTM', articles: [3], description: secret.note }
		});
		expect(action.status()).toBe(201);
		draftId = (await action.json()).id;
		expect(
			(
				await gtm.post(`/api/v1/actions/${draftId}/updates`, {
					data: { date: '2025-01-02', note: secret.note }
				})
			).status()
		).toBe(201);
		expect(
			(
				await gtm.post('/api/v1/evidence', {
					data: {
						url: `https://example.org/gtm/${RUN}`,
						title: secret.evidence,
						kind: 'report',
						target: { type: 'action', id: draftId }
					}
				})
			).status()
		).toBe(201);
		expect(
			(
				await gtm.post('/api/v1/indicators/10.7.3/observations', {
					data: {
						observations: [
							{ country: 'GTM', period: '2024', value: secret.value, note: secret.note }
						]
					}
				})
			).status()
		).toBeLessThan(300);
		await gtm.dispose();
		mex = await client(mexEmail, password);
		viewer = await client(viewerEmail, password);
	});
	test.afterAll(async () => {
		await mex?.dispose();
		await viewer?.dispose();
		await own?.stop();
		ownBuild?.cleanup();
		if (ownTmp) rmSync(ownTmp, { recursive: true, force: true });
	});

	const leaks = (text: string) =>
		[secret.title, secret.note, secret.evidence, String(secret.value)].filter((s) =>
			text.includes(s)
		);

	test("no list endpoint or page gives a coordinator another country's drafts", async () => {
		const q = encodeURIComponent(RUN);
		for (const path of [
			'/api/v1/actions?limit=200',
			'/api/v1/actions?country=GTM&limit=200',
			'/api/v1/actions?review=draft&limit=200',
			`/api/v1/actions?q=${q}`,
			'/api/v1/evidence?limit=200',
			'/api/v1/evidence?country=GTM',
			`/api/v1/evidence?q=${q}`,
			'/api/v1/indicators/10.7.3/observations?country=GTM',
			'/api/v1/indicators/10.7.3/observations?review=draft',
			'/api/v1/indicators/10.7.3/observations?country=GTM&format=csv',
			'/api/v1/indicators/10.7.3/progress?country=GTM',
			'/api/v1/indicators/10.7.3/progress',
			'/api/v1/articles/3',
			'/api/v1/imports',
			'/actions?country=GTM',
			`/actions?q=${q}`,
			'/evidence',
			'/review',
			'/indicators/10.7.3?country=GTM',
			'/articles/3',
			'/countries/GTM',
			'/'
		]) {
			const res = await mex.get(path);
			expect(res.status(), path).toBeLessThan(500);
			expect(leaks(await res.text()), path).toEqual([]);
		}
		// The record itself, its updates and the audit log are closed to them.
		for (const path of [
			`/api/v1/actions/${draftId}`,
			`/api/v1/actions/${draftId}/updates`,
			'/api/v1/audit',
			`/api/v1/audit?entity=action&id=${draftId}`,
			`/actions/${draftId}`
		]) {
			const res = await mex.get(path);
			expect(leaks(await res.text()), path).toEqual([]);
		}
		expect((await mex.get('/api/v1/audit')).status()).toBe(403);

		// The same requests do show them to whom they belong (so the checks above can fail).
		const admin = await client(ADMIN.email, ADMIN.password);
		for (const path of [
			`/api/v1/actions?q=${q}`,
			'/api/v1/evidence?country=GTM',
			'/api/v1/indicators/10.7.3/observations?country=GTM',
			`/api/v1/actions/${draftId}/updates`
		]) {
			expect(leaks(await (await admin.get(path)).text()), path).not.toEqual([]);
		}
		await admin.dispose();
	});

	test('no endpoint or page gives anyone but an admin the email of another person', async () => {
		for (const [who, client, own] of [
			['coordinator', mex, mexEmail],
			['viewer', viewer, viewerEmail]
		] as const) {
			expect((await client.get('/api/v1/users')).status(), who).toBe(403);
			expect((await client.get(`/api/v1/users/${gtmId}`)).status(), who).toBe(403);
			for (const path of [
				'/api/v1/actions?limit=200',
				`/api/v1/actions/${draftId}`,
				`/api/v1/actions/${draftId}/updates`,
				'/api/v1/evidence?limit=200',
				'/api/v1/indicators/10.7.3/observations',
				'/api/v1/share-links',
				'/api/v1/imports',
				'/api/v1/audit',
				'/actions',
				`/actions/${draftId}`,
				'/evidence',
				'/review',
				'/share-links',
				'/account',
				'/'
			]) {
				const res = await client.get(path);
				const emails = [...new Set((await res.text()).match(EMAIL) ?? [])].filter(
					(e) => e.toLowerCase() !== own
				);
				expect(emails, `${who} ${path}`).toEqual([]);
			}
		}
	});
});
