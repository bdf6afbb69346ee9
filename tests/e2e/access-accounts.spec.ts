// Access (issue 8 §5), accounts and what each reader may see:
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
import { E2E_ADMIN, baseOrigin, createUser, signIn } from './helpers';
import { EMAIL, newClient, RUN } from './access-setup';

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
