import { test, expect } from './api-test';
import { readFileSync } from 'node:fs';
import { apiSignIn, baseOrigin, expectAccessible, signIn, confirmFlagged } from './helpers';
import { SHARED_DATA } from '../helpers/shared-data';

const DATA = SHARED_DATA + '/';
const RPW = 'worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv';
const MEXICO = 'mexico-opensdg__indicator_17-3-2.csv';
const DDF_1073 = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';

test.describe('imports', () => {
	test('the real RPW file imports through the page: upload, dry-run report, then commit', async ({
		page
	}) => {
		await signIn(page);
		await page.goto('/imports');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import indicator data');
		await expectAccessible(page);

		await page.getByLabel('File', { exact: true }).setInputFiles(DATA + RPW);
		await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
		const report = page.getByTestId('import-report');
		await expect(report).toBeVisible({ timeout: 30_000 });
		await expect(report.getByTestId('report-format')).toHaveText('databank');
		await expect(report.getByTestId('rows-read')).toHaveText('5,328');
		await expect(report.getByTestId('rows-skipped')).toHaveText('4,951');
		await expect(report.getByTestId('rows-rejected')).toHaveText('0');
		// Earlier runs may have imported it already: new + unchanged + updated = 10,417 values.
		const count = async (id: string) =>
			Number(((await report.getByTestId(id).textContent()) ?? '').replace(/\D/g, ''));
		expect(await count('rows-imported')).toBeLessThanOrEqual(10_417);
		await expect(report.getByText('No problems: every row can be imported.')).toBeVisible();
		await expectAccessible(page);

		await confirmFlagged(page);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page).toHaveURL(/\/imports\?done=\d+/);
		const done = page.getByTestId('import-done');
		await expect(done).toContainText(`Imported ${RPW}`);
		await expect(page.getByTestId('import-runs').locator('tbody tr').first()).toContainText(RPW);
		await done.getByRole('link', { name: 'See indicator 10.c.1' }).click();
		await expect(page).toHaveURL(/\/indicators\/10\.c\.1$/);
	});

	test('a malformed file gets a row-by-row report and writes nothing', async ({
		page,
		request
	}) => {
		await apiSignIn(request);
		const marker = `e2e-malformed-${Date.now()}`;
		const csv = [
			'indicator,country,period,disaggregation,value,status,source,note',
			`16.2.2,GTM,1907,,1.5,final,${marker},`,
			`16.2.2,GTM,1908,,text instead of a number,final,${marker},`,
			`16.2.2,Atlantis,1909,,2,final,${marker},`
		].join('\n');
		await signIn(page);
		await page.goto('/imports');
		await page.getByLabel('File', { exact: true }).setInputFiles({
			name: 'malformed.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(csv)
		});
		await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
		const errors = page.getByTestId('import-errors');
		await expect(errors).toBeVisible({ timeout: 30_000 });
		const rows = errors.locator('tbody tr');
		await expect(rows).toHaveCount(2);
		await expect(rows.nth(0)).toContainText('3');
		await expect(rows.nth(0)).toContainText('value');
		await expect(rows.nth(0)).toContainText("'text instead of a number' is not a number.");
		await expect(rows.nth(1)).toContainText('4');
		await expect(rows.nth(1)).toContainText('country');
		await expect(rows.nth(1)).toContainText("Unknown country 'Atlantis'.");
		await expectAccessible(page);

		// Import without "valid rows only": refused, nothing written.
		await confirmFlagged(page);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByTestId('import-message')).toContainText('Nothing was imported');
		const res = await request.get('/api/v1/indicators/16.2.2/observations?country=GTM');
		const { items } = await res.json();
		expect(items.filter((o: { source: string | null }) => o.source === marker)).toEqual([]);

		// A file with the wrong columns: one problem on line 1, nothing to import.
		await page.goto('/imports');
		await page.getByLabel('File', { exact: true }).setInputFiles({
			name: 'wrong-columns.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('name,amount\nfoo,1\n')
		});
		await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
		await expect(page.getByTestId('import-errors')).toContainText('not recognised', {
			timeout: 30_000
		});
		await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
	});

	test('the API imports the RPW file (multipart and text/csv), DDF and Mexican files', async ({
		request
	}) => {
		await apiSignIn(request);
		const headers = { origin: baseOrigin() };
		const dry = await request.post('/api/v1/imports?dryRun=true', {
			headers,
			multipart: {
				file: { name: RPW, mimeType: 'text/csv', buffer: readFileSync(DATA + RPW) }
			}
		});
		expect(dry.status()).toBe(200);
		const report = await dry.json();
		expect(report).toMatchObject({
			format: 'databank',
			dryRun: true,
			rowsRead: 5328,
			rowsSkipped: 4951,
			errors: []
		});
		expect(report.rowsImported + report.rowsUpdated + report.rowsUnchanged).toBe(10417);

		const commit = await request.post(`/api/v1/imports?fileName=${encodeURIComponent(RPW)}`, {
			headers: { ...headers, 'content-type': 'text/csv' },
			data: readFileSync(DATA + RPW)
		});
		expect(commit.status()).toBe(201);
		expect(await commit.json()).toMatchObject({ committed: true, dryRun: false, errors: [] });

		const ddf = await request.post('/api/v1/imports', {
			headers: { ...headers, 'content-type': 'text/csv' },
			data: readFileSync(DATA + DDF_1073)
		});
		expect(ddf.status()).toBe(201);
		const ddfReport = await ddf.json();
		// 10.7.3 is regional: its M49 regions are regional series; only the Channel Islands (830) skip.
		expect(ddfReport).toMatchObject({ format: 'sdg-ddf', rowsSkipped: 6, errors: [] });
		expect(ddfReport.skipped[0].reason).toMatch(/^regional aggregate/);

		const mex = await request.post('/api/v1/imports?country=MEX', {
			headers,
			multipart: {
				file: { name: MEXICO, mimeType: 'text/csv', buffer: readFileSync(DATA + MEXICO) }
			}
		});
		expect(mex.status()).toBe(201);
		expect(await mex.json()).toMatchObject({ format: 'opensdg', rowsRead: 109, errors: [] });
		const values = await (
			await request.get('/api/v1/indicators/17.3.2/observations?country=MEX&from=2022&to=2022')
		).json();
		expect(values.items.find((o: { period: string }) => o.period === '2022-Q1')).toMatchObject({
			status: 'provisional',
			value: 3.787550255
		});

		const bad = await request.post('/api/v1/imports', {
			headers: { ...headers, 'content-type': 'application/json' },
			data: { file: 'x' }
		});
		expect(bad.status()).toBe(415);
		const rejected = await request.post('/api/v1/imports', {
			headers: { ...headers, 'content-type': 'text/csv' },
			data: 'indicator,country,period,value\n10.c.1,Atlantis,2020,4\n'
		});
		expect(rejected.status()).toBe(422);
		const body = await rejected.json();
		expect(body.error.code).toBe('import_rejected');
		expect(body.error.details.errors).toEqual([
			{ line: 2, column: 'country', message: "Unknown country 'Atlantis'." }
		]);
	});
});
