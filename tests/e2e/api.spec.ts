import { test, expect } from './api-test';
import { readFileSync } from 'node:fs';
import { apiSignIn } from './helpers';

const seed = readFileSync('seed/rcm-special-declaration-gcm.txt', 'utf8').replace(/\r\n/g, '\n');

test('health answers without a session', async ({ request }) => {
	const res = await request.get('/api/v1/health');
	expect(res.status()).toBe(200);
	const body = await res.json();
	expect(body).toMatchObject({ status: 'ok', db: 'ok' });
	expect(typeof body.version).toBe('string');
});

test('reads need a session: 401 with the error shape', async ({ request }) => {
	const res = await request.get('/api/v1/articles');
	expect(res.status()).toBe(401);
	expect(await res.json()).toEqual({
		error: { code: 'unauthorized', message: 'Sign in to continue.', issues: [] }
	});
});

test.describe('signed in', () => {
	test.beforeEach(async ({ request }) => {
		await apiSignIn(request);
	});

	test('GET /articles returns the 18 articles with texts matching the declaration', async ({
		request
	}) => {
		const res = await request.get('/api/v1/articles');
		expect(res.status()).toBe(200);
		const { items } = await res.json();
		expect(items).toHaveLength(18);
		items.forEach((a: { number: number }, i: number) => expect(a.number).toBe(i + 1));
		for (const a of items) {
			expect(seed).toContain(a.text);
			expect(a.text).not.toMatch(/bookmark/);
			expect(a.title.length).toBeGreaterThan(3);
			// Other specs (run earlier, same database) may have recorded actions: counts, not zeros.
			expect(a.progress.actionsByStatus).toEqual({
				planned: expect.any(Number),
				in_progress: expect.any(Number),
				completed: expect.any(Number),
				stalled: expect.any(Number),
				cancelled: expect.any(Number)
			});
			expect(a.references.gcm.length).toBeGreaterThan(0);
		}
		expect(items[1].references.sdg.map((r: { code: string }) => r.code)).toEqual(
			expect.arrayContaining(['10.c', '10.c.1', '17.3.2'])
		);
		expect(items[1].indicators.map((i: { code: string }) => i.code)).toEqual(['10.c.1', '17.3.2']);
	});

	test('GET /articles/{n}: the article, 404 for an unknown one, 400 for a bad one', async ({
		request
	}) => {
		const ok = await request.get('/api/v1/articles/2');
		expect(ok.status()).toBe(200);
		const a = await ok.json();
		expect(a.number).toBe(2);
		expect(a.text).toBe(
			'We recognize the positive economic, social, and cultural contributions migrants make to their countries of origin and destination.'
		);
		expect(a.references.gcm.map((r: { code: string }) => r.code)).toEqual(['19', '20']);

		const missing = await request.get('/api/v1/articles/19');
		expect(missing.status()).toBe(404);
		expect((await missing.json()).error.code).toBe('not_found');

		const bad = await request.get('/api/v1/articles/two');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).error.issues[0].path).toBe('n');

		const badLang = await request.get('/api/v1/articles/2?lang=de');
		expect(badLang.status()).toBe(400);
	});

	test('GET /countries?member=true lists the 11 member states with ISO3 and M49', async ({
		request
	}) => {
		const res = await request.get('/api/v1/countries?member=true');
		expect(res.status()).toBe(200);
		const { items } = await res.json();
		expect(items.map((c: { iso3: string }) => c.iso3).sort()).toEqual(
			['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA'].sort()
		);
		expect(items.find((c: { iso3: string }) => c.iso3 === 'MEX')).toEqual({
			iso3: 'MEX',
			m49: 484,
			name: 'Mexico',
			member: true
		});
		const all = await (await request.get('/api/v1/countries')).json();
		expect(all.items.length).toBeGreaterThan(240);
		expect(all.items.find((c: { iso3: string }) => c.iso3 === 'HTI').member).toBe(false);
		const bad = await request.get('/api/v1/countries?member=perhaps');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).error.issues[0].path).toBe('member');
	});

	test('an unknown endpoint answers a JSON 404', async ({ request }) => {
		const res = await request.get('/api/v1/nothing-here');
		expect(res.status()).toBe(404);
		expect((await res.json()).error.code).toBe('not_found');
	});
});
