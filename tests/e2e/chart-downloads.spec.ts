// Issue 19 §4: charts people reuse. The PNG (2× and print) and SVG downloads carry the title,
// the legend, the source line, the date of the data and the Avance credit; without JavaScript
// there is no empty chart box, the table shows.
import { readFileSync } from 'node:fs';
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin } from './helpers';
import { sharedFile } from '../helpers/shared-data';

const RPW = sharedFile('worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv');

test.beforeEach(async ({ page }) => {
	await apiSignIn(page.request);
	const res = await page.request.post('/api/v1/imports?fileName=rpw.csv', {
		headers: { origin: baseOrigin(), 'content-type': 'text/csv' },
		data: readFileSync(RPW)
	});
	expect(res.status()).toBe(201);
});

/** PNG width and height from its IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
	expect(buf.subarray(1, 4).toString()).toBe('PNG');
	return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test('SVG and PNG downloads carry title, legend, source, data date and credit', async ({
	page
}) => {
	await page.goto('/indicators/10.c.1?country=MEX');
	const chart = page.getByTestId('series-chart').first();
	await expect(chart.locator('canvas')).toBeVisible();

	const [svgDownload] = await Promise.all([
		page.waitForEvent('download'),
		chart.getByRole('button', { name: 'Image (SVG)' }).click()
	]);
	expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
	const svg = readFileSync(await svgDownload.path()).toString();
	expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(svg).toContain('10.c.1');
	expect(svg).toContain('USA&gt;MEX'); // the legend
	expect(svg).toMatch(/Source: [^<]*Remittance Prices Worldwide/);
	expect(svg).toMatch(/Data to [^<]*2020/);
	expect(svg).toContain('Avance — Regional Conference on Migration');
	expect(svg).toContain('Target: 3%');
	expect(svg).toContain('Ceiling 5');

	const [png] = await Promise.all([
		page.waitForEvent('download'),
		chart.getByRole('button', { name: 'Download image (PNG)' }).click()
	]);
	const size = pngSize(readFileSync(await png.path()));
	expect(size.width).toBe(1920); // 2× the 960 px drawing
	const [print] = await Promise.all([
		page.waitForEvent('download'),
		chart.getByRole('button', { name: /Image for print/ }).click()
	]);
	expect(print.suggestedFilename()).toMatch(/-print\.png$/);
	expect(pngSize(readFileSync(await print.path())).width).toBe(3000);
});

test('without JavaScript: no empty chart box, the table shows', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseOrigin() });
	const page = await context.newPage();
	await apiSignIn(page.request);
	await page.goto('/indicators/10.c.1?country=MEX');
	const chart = page.getByTestId('series-chart').first();
	await expect(chart.getByTestId('chart-table')).toBeVisible();
	await expect(chart.locator('.canvas-box')).toHaveCount(0);
	await context.close();
});
