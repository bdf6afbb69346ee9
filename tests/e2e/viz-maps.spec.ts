import { type APIRequestContext, type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { readFileSync } from 'node:fs';
import { apiSignIn, baseOrigin, expectAccessible } from './helpers';
import { sharedFile } from '../helpers/shared-data';

// Issue 19: the region map on the shared indicator and country pages, in embeds and in the
// printed report — a server-rendered SVG (it needs no JavaScript) with a table alternative.

const RPW = sharedFile('worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv');
const MEMBERS = ['BLZ', 'CAN', 'CRI', 'DOM', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'SLV', 'USA'];
const stamp = Date.now().toString(36);

async function link(request: APIRequestContext, scopeType: string, scopeTarget: string) {
	const res = await request.post('/api/v1/share-links', {
		data: { scopeType, scopeTarget, label: `viz ${scopeType} ${stamp}` },
		headers: { origin: baseOrigin() }
	});
	expect(res.status(), await res.text()).toBe(201);
	// The link's base (its path may open on the scope's page).
	return ((await res.json()) as { path: string }).path.match(/^\/s\/[^/?]+/)![0];
}

async function expectMap(page: Page, id: string) {
	const svg = page.getByTestId(`${id}-svg`);
	await expect(svg).toBeVisible();
	const codes = await svg
		.locator('path[data-iso3]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
	expect(codes.sort()).toEqual(MEMBERS);
	// The table alternative lists what the map shows.
	await expect(page.getByTestId(id).locator('table')).toHaveCount(1);
	return svg;
}

let framework = '';
let country = '';
let indicator = '';
test.beforeAll(async ({ request }) => {
	await apiSignIn(request);
	const res = await request.post('/api/v1/imports?fileName=rpw.csv', {
		headers: { origin: baseOrigin(), 'content-type': 'text/csv' },
		data: readFileSync(RPW)
	});
	expect(res.status(), await res.text()).toBe(201);
	framework = await link(request, 'framework', 'rcm-gcm');
	country = await link(request, 'country', 'MEX');
	indicator = await link(request, 'indicator', '10.c.1');
});

test('shared indicator and country pages carry the region map, in en, es and fr', async ({
	page
}) => {
	for (const lang of ['', '/es', '/fr']) {
		await page.goto(`${lang}${framework}/indicators/10.c.1`);
		const svg = await expectMap(page, 'shared-indicator-map');
		await expect(svg.locator('path[data-iso3="MEX"]')).toHaveAttribute('data-status', /.+/);
		await page.goto(`${lang}${framework}/countries/GTM`);
		const c = await expectMap(page, 'shared-country-map');
		await expect(c.locator('path.highlight')).toHaveAttribute('data-iso3', 'GTM');
	}
	await expectAccessible(page);
	await page.goto(`${framework}/indicators/10.c.1`);
	await expectAccessible(page);
});

test('a country link maps only its own state’s figures', async ({ page }) => {
	await page.goto(`${country}/countries/MEX`);
	const svg = await expectMap(page, 'shared-country-map');
	await expect(svg.locator('path[data-iso3="MEX"]')).toHaveAttribute('aria-label', /^Mexico · /);
	const rows = page.getByTestId('shared-country-map').locator('tbody tr');
	await expect(rows.filter({ hasText: 'Mexico' })).toHaveCount(1);
	await expect(rows.filter({ hasText: 'Guatemala' })).toHaveCount(0);
});

test('an embed shows the map with ?view=map; without JavaScript too', async ({ browser, page }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const noJs = await context.newPage();
	await noJs.goto(`${indicator}/embed/indicators/10.c.1?view=map`);
	await expectMap(noJs, 'embed-map');
	await expect(noJs.getByTestId('series-chart')).toHaveCount(0);
	await context.close();
	// axe runs scripts: it checks the same page with JavaScript on.
	await page.goto(`${indicator}/embed/indicators/10.c.1?view=map`);
	await expectMap(page, 'embed-map');
	await expectAccessible(page);
});

test('the report carries the map of its scope', async ({ page }) => {
	await page.goto(`${framework}/report`);
	await expectMap(page, 'report-map');
	await expectAccessible(page);
	await page.goto(`${indicator}/report`);
	const svg = await expectMap(page, 'report-map');
	await expect(svg.locator('path[data-iso3="MEX"]')).toHaveAttribute('data-status', /.+/);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('report-map-svg')).toBeVisible();
});

test('every method colours the map by its own verdicts: a verdict never looks like "no verdict"', async ({
	page
}) => {
	await apiSignIn(page.request);
	const none = ['', 'insufficient_data', 'not_computable'];
	for (const method of ['anticipated-progress', 'sdsn-trend', 'eurostat']) {
		await page.goto(`/indicators/10.c.1?method=${method}`);
		const looks = await page
			.getByTestId('indicator-map-svg')
			.locator('path[data-iso3]')
			.evaluateAll((els) =>
				els.map((e) => ({
					iso3: e.getAttribute('data-iso3'),
					status: e.getAttribute('data-status') ?? '',
					value: e.getAttribute('data-value') ?? '',
					fill: e.getAttribute('fill')
				}))
			);
		const judged = looks.filter((l) => l.value !== '' && !none.includes(l.status));
		expect(judged.length, method).toBeGreaterThan(0);
		for (const l of judged) {
			expect(l.fill, `${method}: ${l.iso3} ${l.status}`).not.toBe('url(#indicator-map-neutral)');
		}
	}
});
