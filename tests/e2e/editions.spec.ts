// Issue 18: editions — made through the API, frozen (same bytes and hash after a change),
// compared, and read on pages that carry the "Data as of …, edition …" banner.
import { createHash } from 'node:crypto';
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, expectAccessible } from './helpers';

test('an edition is frozen, its hash is the SHA-256 of data.json, and its pages say so', async ({
	page
}) => {
	// Editions hold every value the earlier specs imported: their pages are large, and axe is slow
	// on them when the machine is busy.
	test.setTimeout(240_000);
	await apiSignIn(page.request);
	const headers = { origin: baseOrigin() };
	const made = await page.request.post('/api/v1/editions', {
		headers,
		data: { name: `E2E edition ${Date.now()}` }
	});
	expect(made.status()).toBe(201);
	const e = await made.json();
	expect(Object.keys(e).sort()).toEqual(['asOf', 'createdAt', 'hash', 'name', 'slug']);
	const data = await page.request.get(`/api/v1/editions/${e.slug}/data.json`);
	expect(data.status()).toBe(200);
	const bytes = await data.body();
	expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.hash);

	// A change to the live data after the edition: the edition's bytes stay the same.
	const created = await page.request.post('/api/v1/actions', {
		headers,
		data: { title: 'After the edition', country: 'MEX', articles: [2] }
	});
	expect(created.status()).toBe(201);
	const again = await page.request.get(`/api/v1/editions/${e.slug}/data.json`);
	expect(Buffer.compare(await again.body(), bytes)).toBe(0);
	expect((await (await page.request.get(`/api/v1/editions/${e.slug}`)).json()).hash).toBe(e.hash);

	// A second edition and the diff between them: the new action is listed as added.
	const later = await (
		await page.request.post('/api/v1/editions', { headers, data: { name: `${e.name} b` } })
	).json();
	const diff = await (
		await page.request.get(`/api/v1/editions/${e.slug}/diff/${later.slug}`)
	).json();
	expect(diff.actions.added.map((a: { title: string }) => a.title)).toContain('After the edition');

	await page.goto(`/editions/${e.slug}`);
	await expect(page.getByTestId('edition-banner')).toContainText(e.name);
	await expect(page.getByTestId('edition-articles').locator('tbody tr')).toHaveCount(18);
	const report = await page.request.get(
		(await page.getByTestId('report-docx').getAttribute('href')) ?? ''
	);
	expect(report.status()).toBe(200);
	expect((await report.body()).subarray(0, 2).toString()).toBe('PK');
	await expectAccessible(page);

	await page.goto(`/es/editions/${e.slug}/countries/MEX`);
	await expect(page.getByTestId('edition-banner')).toContainText('Datos al');
	const annex = await page.request.get(
		(await page.getByTestId('annex-docx').getAttribute('href')) ?? ''
	);
	expect(annex.status()).toBe(200);
	expect(annex.headers()['content-type']).toContain('wordprocessingml');
	expect((await annex.body()).subarray(0, 2).toString()).toBe('PK');
	const live = await page.request.get('/annex/MEX.docx?lang=fr');
	expect(live.status()).toBe(200);
	expect((await page.request.get('/annex/XXX.docx')).status()).toBe(404);
	await expectAccessible(page);

	await page.goto(`/editions/${e.slug}/diff/${later.slug}`);
	await expect(page.getByTestId('diff-added')).toContainText('After the edition (Mexico)');
	await expectAccessible(page);
	// Member states by name in the page's language, not ISO3 codes.
	await page.goto(`/es/editions/${e.slug}/diff/${later.slug}`);
	await expect(page.getByTestId('diff-added')).toContainText('After the edition (México)');

	await page.goto('/editions');
	await expect(page.getByTestId('editions-table')).toContainText(e.name);
	await expectAccessible(page);
});
