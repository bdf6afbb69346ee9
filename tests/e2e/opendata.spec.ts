import { type APIRequestContext } from '@playwright/test';
import { test, expect } from './api-test';
import {
	adminContext,
	apiContext,
	createAction,
	createLink,
	csvRecords,
	expireLink,
	parseCsv,
	postObservations,
	revokeLink,
	stamp,
	type Link
} from './opendata-fixtures';

// Open data of a share link: data.csv, data.json and Open SDG CSV per indicator, validated data
// of the link's scope only, with licence and source, cacheable (ETag → 304).

const TRICKY = `=HYPERLINK("http://evil.example","Fees, "capped"") ${stamp}`;
const GTM_TITLE = `Guatemala pathway ${stamp}`;
const TAG = `od${stamp}`.toLowerCase();

let admin: APIRequestContext;
let anon: APIRequestContext;
let article2: Link;
let gtm: Link;
let framework: Link;

test.beforeAll(async () => {
	admin = await adminContext();
	anon = await apiContext();
	await createAction(admin, {
		title: TRICKY,
		description: 'Line one\nline two, with a comma',
		country: 'MEX',
		articles: [2],
		leadAgency: '-Banco de México',
		indicators: ['10.c.1']
	});
	await createAction(admin, { title: GTM_TITLE, country: 'GTM', articles: [3] });
	// Validated values (an admin's are validated at once), with a disaggregation of our own.
	await postObservations(admin, '10.c.1', [
		{ country: 'MEX', period: '2001-Q1', disaggregation: { e2e: TAG }, value: 6.5 },
		{ country: 'MEX', period: '2002-Q3', disaggregation: { e2e: TAG }, value: 5.25 },
		{
			country: 'GTM',
			period: '2001',
			disaggregation: { e2e: TAG },
			value: 4,
			status: 'provisional'
		}
	]);
	article2 = await createLink(admin, 'article', '2');
	gtm = await createLink(admin, 'country', 'GTM');
	framework = await createLink(admin, 'framework', 'rcm-gcm');
});

test.afterAll(async () => {
	await admin.dispose();
	await anon.dispose();
});

test('data.csv: a CSV download with the licence in its headers, escaped and formula-safe', async () => {
	const res = await anon.get(`/s/${article2.token}/data.csv`);
	expect(res.status()).toBe(200);
	const h = res.headers();
	expect(h['content-type']).toBe('text/csv; charset=utf-8');
	expect(h['content-disposition']).toBe('attachment; filename="avance-article-2.csv"');
	expect(h['x-licence']).toBe('CC-BY-4.0');
	expect(h['link']).toContain('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
	const text = await res.text();
	expect(text.charCodeAt(0)).not.toBe(0xfeff);
	const rows = csvRecords(text);
	expect(Object.keys(rows[0])[0]).toBe('record');
	const mine = rows.find((r) => r.title.includes(stamp) && r.record === 'action')!;
	// The formula is defused with a leading apostrophe; commas, quotes and newlines survive.
	expect(mine.title).toBe(`'${TRICKY}`);
	expect(mine.description).toBe('Line one\nline two, with a comma');
	expect(mine.lead_agency).toBe("'-Banco de México");
	expect(mine.articles.split(';')).toContain('2');
	// Only article 2: every action row serves article 2; Guatemala's article-3 action is absent.
	expect(
		rows.filter((r) => r.record === 'action').every((r) => r.articles.split(';').includes('2'))
	).toBe(true);
	expect(text).not.toContain(GTM_TITLE);
	const values = rows.filter(
		(r) => r.record === 'observation' && r.disaggregation === `e2e=${TAG}`
	);
	expect(values.map((r) => [r.country, r.period, r.value, r.observation_status]).sort()).toEqual([
		['GTM', '2001', '4', 'provisional'],
		['MEX', '2001-Q1', '6.5', 'final'],
		['MEX', '2002-Q3', '5.25', 'final']
	]);
	// One table at a time.
	const actions = parseCsv(
		await (await anon.get(`/s/${article2.token}/data.csv?table=actions`)).text()
	);
	expect(actions[0][0]).toBe('action_id');
	const obs = await anon.get(`/s/${article2.token}/data.csv?table=observations`);
	expect(obs.headers()['content-disposition']).toContain('avance-article-2-observations.csv');
	expect(parseCsv(await obs.text())[0]).toEqual([
		'indicator',
		'country',
		'period',
		'disaggregation',
		'value',
		'unit',
		'observation_status',
		'source',
		'note'
	]);
});

test('data.csv answers 304 to a matching If-None-Match', async () => {
	const path = `/s/${article2.token}/data.csv`;
	const first = await anon.get(path);
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
	const again = await anon.get(path, { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);
	expect(await again.text()).toBe('');
	const other = await anon.get(path, { headers: { 'if-none-match': '"something-else"' } });
	expect(other.status()).toBe(200);
});

test('data.json: licence, source, generatedAt, dataVersion, and the scope only', async () => {
	const res = await anon.get(`/s/${article2.token}/data.json`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toMatch(/^application\/json/);
	expect(res.headers()['content-disposition']).toBe('attachment; filename="avance-article-2.json"');
	const ds = await res.json();
	expect(ds.licence).toMatchObject({
		id: 'CC-BY-4.0',
		url: 'https://creativecommons.org/licenses/by/4.0/'
	});
	expect(ds.source).toMatch(/Regional Conference on Migration/);
	expect(new Date(ds.generatedAt).toString()).not.toBe('Invalid Date');
	expect(ds.dataVersion).toMatch(/^\d+$/);
	expect(ds.scope).toMatchObject({ type: 'article', target: '2' });
	expect(ds.actions.length).toBeGreaterThan(0);
	for (const a of ds.actions) expect(a.articles).toContain(2);
	expect(ds.indicators.map((i: { code: string }) => i.code).sort()).toEqual(['10.c.1', '17.3.2']);
	// Only the values of article 2's indicators (other specs may have imported 17.3.2 too).
	const observed = new Set(ds.observations.map((o: { indicator: string }) => o.indicator));
	expect(observed.has('10.c.1')).toBe(true);
	for (const code of observed) expect(['10.c.1', '17.3.2']).toContain(code);
	// No people, no review internals.
	const text = JSON.stringify(ds);
	expect(text).not.toMatch(/@example\.org|reviewComment|reviewState|createdBy|updatedBy/);
});

test('a country link gives that country only', async () => {
	const ds = await (await anon.get(`/s/${gtm.token}/data.json`)).json();
	expect(ds.actions.map((a: { title: string }) => a.title)).toContain(GTM_TITLE);
	expect(ds.actions.every((a: { country: string }) => a.country === 'GTM')).toBe(true);
	expect(ds.observations.length).toBeGreaterThan(0);
	expect(ds.observations.every((o: { country: string }) => o.country === 'GTM')).toBe(true);
	// Its Open SDG file holds Guatemala's values only.
	const res = await anon.get(`/s/${gtm.token}/indicators/10.c.1/opensdg.csv`);
	expect(res.status()).toBe(200);
	const rows = csvRecords(await res.text());
	expect(rows.length).toBeGreaterThan(0);
	expect(rows.every((r) => r.GeoCode === 'GTM')).toBe(true);
});

test('Open SDG CSV: Year first, GeoCode before Value, Value last; quarters as 2001/I', async () => {
	const res = await anon.get(`/s/${article2.token}/indicators/10.c.1/opensdg.csv`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(res.headers()['content-disposition']).toBe('attachment; filename="indicator_10-c-1.csv"');
	expect(res.headers()['link']).toContain('rel="license"');
	const [header, ...rows] = parseCsv(await res.text());
	expect(header[0]).toBe('Year');
	expect(header.at(-1)).toBe('Value');
	expect(header.at(-2)).toBe('GeoCode');
	expect(header).toEqual(expect.arrayContaining(['Units', 'Series', 'Observation status', 'e2e']));
	const col = (name: string) => header.indexOf(name);
	const mine = rows.filter((r) => r[col('e2e')] === TAG);
	expect(mine.map((r) => [r[col('Year')], r[col('GeoCode')], r[col('Value')]]).sort()).toEqual([
		['2001', 'GTM', '4'],
		['2001/I', 'MEX', '6.5'],
		['2002/III', 'MEX', '5.25']
	]);
	expect(mine.find((r) => r[col('GeoCode')] === 'GTM')![col('Observation status')]).toBe(
		'Provisional value'
	);
	expect(mine.every((r) => r[col('Units')] === 'percent')).toBe(true);
	// An indicator outside the article-2 link: the shared 404.
	expect((await anon.get(`/s/${article2.token}/indicators/10.7.2/opensdg.csv`)).status()).toBe(404);
	expect((await anon.get(`/s/${framework.token}/indicators/10.7.2/opensdg.csv`)).status()).toBe(
		200
	);
	expect((await anon.get(`/s/${framework.token}/indicators/nope/opensdg.csv`)).status()).toBe(404);
});

test('unknown, revoked and expired links: 404 for every download', async () => {
	const revoked = await createLink(admin, 'article', '2');
	const expired = await createLink(admin, 'article', '2');
	expect((await anon.get(`/s/${revoked.token}/data.csv`)).status()).toBe(200);
	await revokeLink(admin, revoked.id);
	expireLink(expired.id);
	for (const token of [revoked.token, expired.token, 'A'.repeat(43), 'made-up']) {
		for (const path of ['data.csv', 'data.json', 'indicators/10.c.1/opensdg.csv']) {
			const res = await anon.get(`/s/${token}/${path}`);
			expect(res.status(), `${token} ${path}`).toBe(404);
			expect(await res.text()).not.toContain(stamp);
		}
	}
});

test('the report offers the downloads, and they work', async ({ page }) => {
	await page.goto(`/s/${article2.token}/report`);
	const block = page.getByTestId('open-data');
	await expect(block.getByRole('heading', { name: 'Open data' })).toBeVisible();
	await expect(block).toContainText('CC BY 4.0');
	const hrefs = await block.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(hrefs).toEqual([
		`/s/${article2.token}/data.csv`,
		`/s/${article2.token}/data.csv?table=actions`,
		`/s/${article2.token}/data.csv?table=observations`,
		`/s/${article2.token}/data.xlsx`,
		`/s/${article2.token}/data.json`,
		`/s/${article2.token}/indicators/10.c.1/opensdg.csv`,
		`/s/${article2.token}/indicators/10.c.1/sdmx.csv`,
		`/s/${article2.token}/indicators/17.3.2/opensdg.csv`,
		`/s/${article2.token}/indicators/17.3.2/sdmx.csv`
	]);
	for (const href of hrefs) expect((await anon.get(href!)).status(), href!).toBe(200);
});
