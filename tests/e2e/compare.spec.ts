// Issue 19 §2: member states compared on one indicator — small multiples on a common scale, a
// ranked table of latest values and verdicts, and 10.c.1's corridors by sending country.
import { readFileSync } from 'node:fs';
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, expectAccessible } from './helpers';
import { sharedFile } from '../helpers/shared-data';

const RPW = sharedFile('worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv');

test.beforeEach(async ({ page }) => {
	await apiSignIn(page.request);
	// The World Bank's remittance prices (re-importing unchanged values changes nothing).
	const res = await page.request.post('/api/v1/imports?fileName=rpw.csv', {
		headers: { origin: baseOrigin(), 'content-type': 'text/csv' },
		data: readFileSync(RPW)
	});
	expect(res.status()).toBe(201);
});

test('three member states side by side on 10.c.1: small multiples, ranked table, corridors', async ({
	page
}) => {
	await page.goto('/compare?indicator=10.c.1&countries=MEX,GTM,HND');
	const charts = page.getByTestId('small-multiple');
	await expect(charts).toHaveCount(3);
	for (const iso3 of ['MEX', 'GTM', 'HND']) {
		const chart = page.locator(`[data-testid="small-multiple"][data-iso3="${iso3}"]`);
		await expect(chart.locator('svg')).toBeVisible();
		await expect(chart.locator('svg path.line')).toHaveCount(1);
	}
	// One common scale: the target (3%) and ceiling (5%) lines sit at the same height everywhere.
	const heights = await charts.evaluateAll((els) =>
		els.map((el) => [...el.querySelectorAll('line.ref')].map((l) => l.getAttribute('y1')))
	);
	expect(new Set(heights.map((h) => h.join(','))).size).toBe(1);
	expect(heights[0]).toHaveLength(2);

	const rows = page.getByTestId('compare-table').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	// Ranked best first: lower costs are better, so the first row's value is the smallest.
	const values = await rows.evaluateAll((trs) =>
		trs.map((tr) => parseFloat((tr.children[3].textContent ?? '').replace(',', '.')))
	);
	expect(values).toEqual([...values].sort((a, b) => a - b));
	await expect(rows.first().locator('td').first()).toHaveText('1');
	// The ceiling part of each verdict is spelled out, not hidden.
	await expect(page.getByTestId('compare-table').locator('.ceiling').first()).toBeVisible();

	// 10.c.1: the chosen member states' corridors, grouped by sending country (USA>MEX under USA).
	const groups = page.getByTestId('corridor-group');
	expect(await groups.count()).toBeGreaterThan(0);
	await expect(page.getByTestId('corridor-group').filter({ hasText: 'USA>MEX' })).toHaveCount(1);
	await expectAccessible(page);
});

test('the form chooses the member states by keyboard; 360 px wide has no sideways scroll', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/es/compare?indicator=10.c.1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comparar Estados miembros');
	// No choice: all eleven member states.
	await expect(page.getByTestId('small-multiple')).toHaveCount(11);
	await page.getByRole('checkbox', { name: 'México' }).check();
	await page.getByRole('checkbox', { name: 'Guatemala' }).focus();
	await page.keyboard.press('Space');
	await page.getByRole('button', { name: 'Comparar' }).press('Enter');
	await expect(page).toHaveURL(/countries=GTM/);
	await expect(page.getByTestId('small-multiple')).toHaveCount(2);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(page);
});
