import { type APIRequestContext } from '@playwright/test';
import { test, expect, request as playwrightRequest } from './api-test';
import { apiSignIn, baseOrigin, E2E_ADMIN } from './helpers';

// Caches that cannot go stale (issue 12): after each kind of change to published data, the
// very next shared response and the next signed-in response show it — both pages having been
// rendered (and kept) just before. No restart, no waiting.
const stamp = Date.now().toString(36);
const CODE = `RCM-FRESH-${stamp}`.toUpperCase().slice(0, 30);

let admin: APIRequestContext;
let anon: APIRequestContext;
let link: { id: number; token: string };

/** The parts of the API's answers this test reads. */
interface Answer {
	id: number;
	version: number | string;
	token: string;
	fields: { field: string; values: { es: string | null } }[];
}

async function ok(
	res: Awaited<ReturnType<APIRequestContext['get']>>,
	status = 200
): Promise<Answer> {
	expect(res.status(), await res.text()).toBe(status);
	return (await res.json()) as Answer;
}

/** Both pages, each requested twice (the second answer comes from the caches). */
async function pages(signedIn: string, shared: string) {
	for (let i = 0; i < 2; i++) {
		const a = await admin.get(signedIn);
		const b = await anon.get(
			`${shared.startsWith('/es/') ? '/es' : ''}/s/${link.token}${shared.replace(/^\/es/, '')}`
		);
		expect(a.status(), signedIn).toBe(200);
		expect(b.status(), shared).toBe(200);
		if (i === 1)
			return { signedIn: await a.text(), shared: await b.text(), etag: b.headers().etag };
	}
	throw new Error('unreachable');
}

test.beforeAll(async () => {
	admin = await playwrightRequest.newContext({
		baseURL: baseOrigin(),
		extraHTTPHeaders: { origin: baseOrigin() }
	});
	await apiSignIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
	anon = await playwrightRequest.newContext({ baseURL: baseOrigin() });
	await ok(
		await admin.post('/api/v1/indicators', {
			data: {
				code: CODE,
				name: `Fresh indicator ${stamp}`,
				unit: 'count',
				direction: 'increase',
				articles: [17]
			}
		}),
		201
	);
	link = await ok(
		await admin.post('/api/v1/share-links', {
			data: { scopeType: 'framework', scopeTarget: 'rcm-gcm', label: `Fresh ${stamp}` }
		}),
		201
	);
});

test.afterAll(async () => {
	await admin.dispose();
	await anon.dispose();
});

test('every kind of published change shows on the next shared and signed-in response', async () => {
	test.setTimeout(120_000);
	// An action (the secretariat's own: validated at once) on article 17.
	const created = await ok(
		await admin.post('/api/v1/actions', {
			data: {
				title: `Fresh action ${stamp}`,
				description: 'Cache test',
				country: null,
				articles: [17],
				leadAgency: 'Secretariat',
				status: 'in_progress',
				percentComplete: 10
			}
		}),
		201
	);
	let before = await pages('/articles/17', '/articles/17');
	expect(before.shared).toContain(`Fresh action ${stamp}`);

	// 1. The action itself.
	await ok(
		await admin.patch(`/api/v1/actions/${created.id}`, {
			data: { version: created.version, title: `Renamed action ${stamp}` }
		})
	);
	let after = await pages('/articles/17', '/articles/17');
	for (const html of [after.signedIn, after.shared]) {
		expect(html).toContain(`Renamed action ${stamp}`);
		expect(html).not.toContain(`Fresh action ${stamp}`);
	}
	expect(after.etag).not.toBe(before.etag);

	// 2. A progress update (its status shows on both pages).
	before = after;
	await ok(
		await admin.post(`/api/v1/actions/${created.id}/updates`, {
			data: {
				date: new Date().toISOString().slice(0, 10),
				note: 'Stalled by the budget',
				status: 'stalled'
			}
		}),
		201
	);
	after = await pages('/articles/17', '/articles/17');
	for (const html of [after.signedIn, after.shared]) expect(html).toMatch(/Stalled/);
	expect(after.etag).not.toBe(before.etag);

	// 3. Evidence on the validated action.
	await ok(
		await admin.post('/api/v1/evidence', {
			data: {
				url: `https://example.org/fresh-${stamp}`,
				title: `Fresh evidence ${stamp}`,
				kind: 'report',
				target: { type: 'action', id: created.id }
			}
		}),
		201
	);
	const evidencePage = await anon.get(`/s/${link.token}/articles/17`);
	expect(await evidencePage.text()).toContain(`Fresh evidence ${stamp}`);
	const actionPage = await admin.get(`/actions/${created.id}`);
	expect(await actionPage.text()).toContain(`Fresh evidence ${stamp}`);

	// 4. An indicator value.
	before = await pages(`/indicators/${CODE}`, `/indicators/${CODE}`);
	expect(before.shared).not.toContain('data-period="2019"');
	await ok(
		await admin.post(`/api/v1/indicators/${CODE}/observations`, {
			data: { observations: [{ country: 'BLZ', period: '2019', value: 4321 }] }
		}),
		201
	);
	after = await pages(`/indicators/${CODE}`, `/indicators/${CODE}`);
	for (const html of [after.signedIn, after.shared]) expect(html).toContain('2019');
	expect(after.etag).not.toBe(before.etag);

	// 5. The indicator's own fields.
	const ind = await ok(await admin.get(`/api/v1/indicators/${CODE}`));
	await ok(
		await admin.patch(`/api/v1/indicators/${CODE}`, {
			data: { version: ind.version, name: `Renamed indicator ${stamp}` }
		})
	);
	after = await pages(`/indicators/${CODE}`, `/indicators/${CODE}`);
	for (const html of [after.signedIn, after.shared])
		expect(html).toContain(`Renamed indicator ${stamp}`);

	// 6. Translations: the indicator's Spanish name, article 17's Spanish title.
	before = await pages(`/es/indicators/${CODE}`, `/es/indicators/${CODE}`);
	const tr = await ok(await admin.get(`/api/v1/translations/indicators/${CODE}`));
	await ok(
		await admin.patch(`/api/v1/translations/indicators/${CODE}`, {
			data: { version: tr.version, values: { es: { name: `Indicador renombrado ${stamp}` } } }
		})
	);
	after = await pages(`/es/indicators/${CODE}`, `/es/indicators/${CODE}`);
	for (const html of [after.signedIn, after.shared])
		expect(html).toContain(`Indicador renombrado ${stamp}`);

	const art = await ok(await admin.get('/api/v1/translations/articles/17'));
	const oldTitle = art.fields.find((f) => f.field === 'title')?.values.es ?? null;
	await pages('/es/articles/17', '/es/articles/17');
	const saved = await ok(
		await admin.patch('/api/v1/translations/articles/17', {
			data: { version: art.version, values: { es: { title: `Título nuevo ${stamp}` } } }
		})
	);
	after = await pages('/es/articles/17', '/es/articles/17');
	for (const html of [after.signedIn, after.shared])
		expect(html).toContain(`Título nuevo ${stamp}`);
	await ok(
		await admin.patch('/api/v1/translations/articles/17', {
			data: { version: saved.version, values: { es: { title: oldTitle } } }
		})
	);

	// 7. Revoking the link: the very next request is a 404, and nothing tells a proxy to keep
	// the page (revalidated with the ETag every time).
	const kept = await anon.get(`/s/${link.token}/articles/17`);
	expect(kept.headers()['cache-control']).toBe('private, no-cache');
	expect(kept.headers()['cache-control']).not.toContain('s-maxage');
	expect((await admin.delete(`/api/v1/share-links/${link.id}`)).status()).toBe(204);
	expect((await anon.get(`/s/${link.token}/articles/17`)).status()).toBe(404);
	expect(
		(
			await anon.get(`/s/${link.token}/articles/17`, {
				headers: { 'if-none-match': kept.headers().etag }
			})
		).status()
	).toBe(404);
});
