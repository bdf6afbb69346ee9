import { type APIRequestContext } from '@playwright/test';
import { test, expect, request as playwrightRequest } from './api-test';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { apiSignIn, baseOrigin, expectAccessible, E2E_ADMIN } from './helpers';

// Shared pages: validated data only, one scope per link, the same 404 for everything else.
const stamp = Date.now().toString(36);
const COORD = { email: `share.coord.${stamp}@example.org`, password: 'coordinator-pass-123' };

async function context(email?: string, password?: string): Promise<APIRequestContext> {
	const ctx = await playwrightRequest.newContext({ baseURL: baseOrigin() });
	if (email) await apiSignIn(ctx, email, password);
	return ctx;
}

async function createLink(
	admin: APIRequestContext,
	scopeType: string,
	scopeTarget: string,
	extra = {}
) {
	const res = await admin.post('/api/v1/share-links', {
		data: { scopeType, scopeTarget, label: `${scopeType} ${scopeTarget} ${stamp}`, ...extra },
		headers: { origin: baseOrigin() }
	});
	expect(res.status(), await res.text()).toBe(201);
	return (await res.json()) as { id: number; token: string; path: string; url: string };
}

async function createAction(
	ctx: APIRequestContext,
	title: string,
	country: string | null,
	articles: number[]
) {
	const res = await ctx.post('/api/v1/actions', {
		data: {
			title,
			description: 'Shared page test',
			country,
			articles,
			leadAgency: 'Test agency',
			status: 'in_progress',
			percentComplete: 40
		},
		headers: { origin: baseOrigin() }
	});
	expect(res.status(), await res.text()).toBe(201);
	return (await res.json()) as { id: number; version: number };
}

let admin: APIRequestContext;
let anon: APIRequestContext;
let article2: { token: string; path: string; id: number };

test.beforeAll(async () => {
	admin = await context(E2E_ADMIN.email, E2E_ADMIN.password);
	anon = await context();
	const u = await admin.post('/api/v1/users', {
		data: {
			email: COORD.email,
			name: 'Share Coordinator',
			password: COORD.password,
			role: 'coordinator',
			countries: ['MEX']
		},
		headers: { origin: baseOrigin() }
	});
	expect(u.status(), await u.text()).toBe(201);
	article2 = await createLink(admin, 'article', '2');
});

test.afterAll(async () => {
	await admin.dispose();
	await anon.dispose();
});

test('an article link shows validated actions only; a draft appears once validated', async ({
	page
}) => {
	const visible = `Validated remittance action ${stamp}`;
	const draft = `Draft remittance action ${stamp}`;
	await createAction(admin, visible, 'MEX', [2]); // an admin's own action is validated at once
	const coord = await context(COORD.email, COORD.password);
	const d = await createAction(coord, draft, 'MEX', [2]);

	await page.goto(article2.path);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Migrants’ contributions');
	await expect(page.getByText(visible)).toBeVisible();
	await expect(page.getByText(draft)).toHaveCount(0);
	// No edit control, no form that writes, no email address.
	await expect(page.locator('form[method="POST" i], form[method="post"]')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /edit|delete|save|submit/i })).toHaveCount(0);
	expect(await page.content()).not.toContain('@example.org');
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Article 2/);
	await expectAccessible(page);

	// Submit, validate: the draft now appears (the cached page is replaced: the data version changed).
	expect(
		(
			await coord.post(`/api/v1/actions/${d.id}/submit`, { headers: { origin: baseOrigin() } })
		).status()
	).toBe(200);
	expect(
		(
			await admin.post(`/api/v1/actions/${d.id}/validate`, { headers: { origin: baseOrigin() } })
		).status()
	).toBe(200);
	await page.goto(article2.path);
	await expect(page.getByText(draft)).toBeVisible();
	await coord.dispose();
});

test('out of scope, unknown, revoked and expired all answer the same 404', async () => {
	const base = `/s/${article2.token}`;
	const notFound = async (path: string) => {
		const res = await anon.get(path);
		expect(res.status(), path).toBe(404);
		// The same page: only the address it was asked for (in the language links) differs.
		const html = await res.text();
		return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
	};
	const reference = await notFound(`${base}/articles/3`);
	expect(await notFound(`${base}/countries/MEX`)).toBe(reference);
	expect(await notFound(`${base}/indicators/10.7.3`)).toBe(reference); // 10.7.3 serves articles 1 and 4
	expect(await notFound(`/s/${'A'.repeat(43)}/articles/2`)).toBe(reference);
	expect(await notFound('/s/made-up/articles/2')).toBe(reference);
	// The article's own indicator is in scope.
	expect((await anon.get(`${base}/indicators/10.c.1`)).status()).toBe(200);

	const revoked = await createLink(admin, 'article', '2');
	expect((await anon.get(revoked.path)).status()).toBe(200);
	expect(
		(
			await admin.delete(`/api/v1/share-links/${revoked.id}`, { headers: { origin: baseOrigin() } })
		).status()
	).toBe(204);
	expect(await notFound(`/s/${revoked.token}/articles/2`)).toBe(reference);

	const expiring = await createLink(admin, 'article', '2', { expiresOn: '2999-01-01' });
	expect((await anon.get(expiring.path)).status()).toBe(200);
	const db = new Database(resolve('tests/.tmp/app.db'));
	db.prepare('update share_link set expires_at = ? where id = ?').run(
		Date.now() - 1000,
		expiring.id
	);
	db.close();
	expect(await notFound(`/s/${expiring.token}/articles/2`)).toBe(reference);
});

test('each kind of scope opens only its own pages', async () => {
	const fw = await createLink(admin, 'framework', 'rcm-gcm');
	for (const p of ['', '/articles/9', '/countries/GTM', '/indicators/10.7.3']) {
		expect((await anon.get(`/s/${fw.token}${p}`)).status(), `framework ${p}`).toBe(200);
	}
	const country = await createLink(admin, 'country', 'GTM');
	expect((await anon.get(`/s/${country.token}/countries/GTM`)).status()).toBe(200);
	for (const p of ['/countries/MEX', '/articles/2', '/indicators/10.c.1']) {
		expect((await anon.get(`/s/${country.token}${p}`)).status(), `country ${p}`).toBe(404);
	}
	const indicator = await createLink(admin, 'indicator', '10.7.3');
	expect((await anon.get(`/s/${indicator.token}/indicators/10.7.3`)).status()).toBe(200);
	for (const p of ['/indicators/10.c.1', '/articles/1', '/countries/MEX']) {
		expect((await anon.get(`/s/${indicator.token}${p}`)).status(), `indicator ${p}`).toBe(404);
	}
	// A scoped link's root leads to its page.
	const root = await anon.get(`/s/${country.token}`, { maxRedirects: 0 });
	expect(root.status()).toBe(307);
	expect(root.headers().location).toContain(`/s/${country.token}/countries/GTM`);
});

test('shared pages refuse writes, carry ETags and answer 304', async () => {
	const path = `/s/${article2.token}/articles/2`;
	for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
		const res = await anon.fetch(path, { method, headers: { origin: baseOrigin() }, data: 'x=1' });
		expect(res.status(), method).toBe(405);
	}
	const first = await anon.get(path);
	const etag = first.headers().etag;
	expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
	expect(first.headers()['cache-control']).toBe('private, no-cache');
	const again = await anon.get(path, { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);
	// A validated change gives a new ETag.
	await createAction(admin, `ETag changer ${stamp}`, null, [2]);
	const changed = await anon.get(path, { headers: { 'if-none-match': etag } });
	expect(changed.status()).toBe(200);
	expect(changed.headers().etag).not.toBe(etag);
	expect(await changed.text()).toContain(`ETag changer ${stamp}`);
});

test('security headers on shared and signed-in pages', async () => {
	const shared = await anon.get(`/s/${article2.token}/articles/2`);
	const h = shared.headers();
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).toMatch(/script-src 'self'/);
	expect(h['content-security-policy']).not.toContain('unsafe-eval');
	expect(h['x-frame-options']).toBe('DENY');
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(h['x-robots-tag']).toContain('noindex');
	const signedIn = await admin.get('/');
	expect(signedIn.headers()['cache-control']).toBe('private, no-store');
	expect(signedIn.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('an article page shows one page of actions, says how many, and links to the rest', async ({
	page
}) => {
	test.setTimeout(120_000);
	// 26 new actions: the newest 25 fill the first page, the first of them opens the second.
	const titles: string[] = [];
	for (let i = 0; i < 26; i++) {
		const title = `Paged action ${stamp} n${String(i).padStart(2, '0')}`;
		await createAction(admin, title, 'GTM', [2]);
		titles.push(title);
	}
	await page.goto(article2.path);
	await expect(page.getByText(titles[25], { exact: true })).toBeVisible();
	await expect(page.getByText(titles[1], { exact: true })).toBeVisible();
	await expect(page.getByText(titles[0], { exact: true })).toHaveCount(0);
	await expect(page.getByTestId('actions-range')).toContainText(/Showing 1–25 of \d+ actions/);
	await expect(
		page.getByRole('link', { name: /All \d+ actions.*open data downloads/ })
	).toBeVisible();
	const pager = page.getByRole('navigation', { name: 'Pages of actions' });
	await expect(pager.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expectAccessible(page);

	await pager.getByRole('link', { name: 'Next' }).click();
	await expect(page).toHaveURL(/[?&]actions=2(&|#|$)/);
	expect(new URL(page.url()).pathname).toBe(`/s/${article2.token}/articles/2`);
	await expect(page.getByText(titles[0], { exact: true })).toBeVisible();
	await expect(page.getByText(titles[25], { exact: true })).toHaveCount(0);
	await expect(page.getByTestId('actions-range')).toContainText(/Showing 26–\d+ of \d+ actions/);

	// Without JavaScript too: the page links are plain links with the page in the query.
	const html = await (await anon.get(`/s/${article2.token}/articles/2?actions=2`)).text();
	expect(html).toContain(titles[0]);
	expect(html).toContain(`href="/s/${article2.token}/articles/2#actions-list"`); // page 1

	// Page numbers out of range or malformed fall back to the first or the last page.
	for (const q of ['actions=0', 'actions=-1', 'actions=abc', 'actions=2.5', 'evidence=x']) {
		const res = await anon.get(`/s/${article2.token}/articles/2?${q}`);
		expect(res.status(), q).toBe(200);
		expect(await res.text(), q).toContain(titles[25]);
	}
	for (const q of ['actions=9999', 'evidence=9999']) {
		expect((await anon.get(`/s/${article2.token}/articles/2?${q}`)).status(), q).toBe(200);
	}
});
