import { type Locator, type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { readFileSync } from 'node:fs';
import { apiSignIn, baseOrigin, expectAccessible } from './helpers';
import { sharedFile } from '../helpers/shared-data';

const RPW = sharedFile('worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv');

/** Pixels of a canvas that are painted with something other than white. */
async function paintedPixels(canvas: Locator): Promise<number> {
	return canvas.evaluate((el: HTMLCanvasElement) => {
		const ctx = el.getContext('2d');
		if (!ctx || el.width === 0 || el.height === 0) return 0;
		const data = ctx.getImageData(0, 0, el.width, el.height).data;
		let n = 0;
		for (let i = 0; i < data.length; i += 4) {
			if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) n++;
		}
		return n;
	});
}

async function importRpw(page: Page) {
	await apiSignIn(page.request);
	const res = await page.request.post('/api/v1/imports?fileName=rpw.csv', {
		headers: { origin: baseOrigin(), 'content-type': 'text/csv' },
		data: readFileSync(RPW)
	});
	expect(res.status()).toBe(201);
}

test.describe('charts', () => {
	test.beforeEach(async ({ page }) => {
		// Signs the browser context in (page.request shares its cookies) and imports the file.
		await importRpw(page);
	});

	test('10.c.1 for Mexico: the USA>MEX corridor drawn with target and ceiling, its table and verdict match the data', async ({
		page
	}) => {
		await page.goto('/indicators/10.c.1?country=MEX');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Remittance costs as a proportion of the amount remitted'
		);
		const chart = page.getByTestId('series-chart');
		const canvas = chart.locator('canvas');
		await expect(canvas).toHaveAttribute('data-points', '35');
		await expect(canvas).toHaveAttribute('data-series', '1');
		expect(await paintedPixels(canvas)).toBeGreaterThan(2000);
		await expect(chart.getByText('Target: 3% by 2030').first()).toBeVisible();
		await expect(chart.getByText(/^Ceiling: 5%/).first()).toBeVisible();
		await expect(chart.getByRole('checkbox', { name: 'USA>MEX' })).toBeChecked();

		// The table holds the same 35 values as the chart and the API.
		const table = chart.getByTestId('chart-table');
		await expect(table.locator('thead th').nth(1)).toHaveText('USA>MEX');
		const rows = table.locator('tbody tr');
		await expect(rows).toHaveCount(35);
		const api = await (
			await page.request.get('/api/v1/indicators/10.c.1/observations?country=MEX&limit=1000')
		).json();
		const values = api.items.filter(
			(o: { disaggregation: { corridor?: string } }) => o.disaggregation.corridor === 'USA>MEX'
		);
		expect(values).toHaveLength(35);
		for (const o of values as { period: string; value: number }[]) {
			const cell = table.locator(`td[data-period="${o.period}"]`);
			const shown = Number(((await cell.textContent()) ?? '').replace(/[^\d.-]/g, ''));
			expect(shown).toBeCloseTo(o.value, 3);
		}

		// The verdict opens to its numbers, which match the API (and DESIGN §6's example).
		const verdict = page.getByTestId('verdict').first();
		await expect(verdict.locator('summary')).toContainText('On track');
		await verdict.locator('summary').click();
		await expect(verdict.getByTestId('base')).toHaveText(/2015: 5\.0669/);
		await expect(verdict.getByTestId('latest')).toHaveText(/2020: 4\.1451/);
		await expect(verdict.getByTestId('cagr-observed')).toHaveText(/^[−-]3\.94%$/);
		await expect(verdict.getByTestId('cagr-required')).toHaveText(/^[−-]3\.43%$/);
		await expect(verdict.getByTestId('ratio')).toHaveText('1.146');
		await expect(verdict.getByTestId('formula')).toContainText('R = CAGR_o / CAGR_r');
		await expect(page.getByTestId('series-used')).toContainText('mean of its disaggregates');
		const progress = await (
			await page.request.get('/api/v1/indicators/10.c.1/progress?country=MEX&method=cagr-ratio')
		).json();
		expect(progress.components.ratio.toFixed(3)).toBe('1.146');
		await expectAccessible(page);

		// Toggling the series off in the legend hides it from the chart.
		await chart.getByRole('checkbox', { name: 'USA>MEX' }).uncheck();
		await expect(canvas).toHaveAttribute('data-series', '0');
		await chart.getByRole('checkbox', { name: 'USA>MEX' }).check();
		await expect(canvas).toHaveAttribute('data-series', '1');

		// The method switch works as a link.
		await page.getByRole('link', { name: 'Progress chart (UNSD)' }).click();
		await expect(page).toHaveURL(/method=progress-chart/);
		await page.getByTestId('verdict').first().locator('summary').click();
		await expect(page.getByTestId('verdict').first().getByTestId('q')).toBeVisible();
	});

	test('10.c.1 across member states: one line per member, and the corridor ranking flags those above 5%', async ({
		page
	}) => {
		await page.goto('/indicators/10.c.1');
		const canvas = page.getByTestId('series-chart').locator('canvas');
		await expect(canvas).toHaveAttribute('data-series', /^[1-9]\d*$/);
		expect(await paintedPixels(canvas)).toBeGreaterThan(2000);
		const series = Number(await canvas.getAttribute('data-series'));
		await expect(page.getByTestId('chart-table').locator('thead th')).toHaveCount(series + 1);
		const ranking = page.getByTestId('ranking-table');
		await expect(ranking.locator('tbody tr').first()).toContainText('Above 5%');
		await expect(ranking.locator('tbody tr', { hasText: 'USA>MEX' })).not.toContainText('Above 5%');
		await expect(page.getByTestId('member-verdicts')).toContainText('Mexico');
		await expectAccessible(page);
	});

	test('an article page draws progress over time from the update history; the indicator lists its actions', async ({
		page
	}) => {
		const headers = { origin: baseOrigin() };
		const title = `E2E cheaper remittances ${Date.now()}`;
		const created = await page.request.post('/api/v1/actions', {
			headers,
			data: {
				title,
				country: 'MEX',
				articles: [2],
				status: 'planned',
				indicators: ['10.c.1']
			}
		});
		expect(created.status()).toBe(201);
		const action = await created.json();
		const update = await page.request.post(`/api/v1/actions/${action.id}/updates`, {
			headers,
			data: {
				date: '2025-03-01',
				note: 'Work started.',
				status: 'in_progress',
				percentComplete: 20
			}
		});
		expect(update.status()).toBe(201);

		await page.goto('/articles/2');
		await expect(page.getByTestId('indicator-verdicts')).toContainText('10.c.1');
		const figure = page.getByTestId('status-history-chart');
		const canvas = figure.locator('canvas');
		// The chart is drawn after the page text (Chart.js loads after it): wait for it.
		await expect(canvas).toHaveAttribute('data-series', '6');
		expect(await paintedPixels(canvas)).toBeGreaterThan(500);
		const rows = figure.getByTestId('status-history-table').locator('tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		// Six datasets (five statuses and the share completed), one point per month each.
		await expect(canvas).toHaveAttribute('data-series', '6');
		expect(Number(await canvas.getAttribute('data-points'))).toBe((await rows.count()) * 6);
		await expectAccessible(page);

		await page.goto('/indicators/10.c.1');
		await expect(page.getByTestId('linked-actions')).toContainText(title);
	});

	test('the overview shows the member-state × article matrix and the off-track or stale indicators', async ({
		page
	}) => {
		await page.goto('/');
		const matrix = page.getByTestId('article-matrix');
		await expect(matrix.locator('tbody tr')).toHaveCount(12);
		await expect(matrix.locator('thead th')).toHaveCount(19);
		await expect(matrix.locator('tbody tr', { hasText: 'Mexico' })).toBeVisible();
		await expect(page.getByTestId('indicator-alerts')).toContainText('10.c.1');
		await expectAccessible(page);
	});
});
