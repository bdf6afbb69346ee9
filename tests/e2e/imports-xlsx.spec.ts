// Issue 15 §7, §9 through the import page: an Excel workbook with two sheets gets a sheet
// chooser; the chosen sheet's preview flags a value far from its series with the reason in
// words and shows the file's first rows; the commit needs the flagged values confirmed.
import ExcelJS from 'exceljs';
import { test, expect } from './api-test';
import { apiSignIn, confirmFlagged, expectAccessible, signIn } from './helpers';

async function workbook(marker: string): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const notes = wb.addWorksheet('Notes');
	notes.addRow(['About this workbook']);
	notes.addRow(['Deaths of migrants, checked by the statistics office']);
	const values = wb.addWorksheet('Values');
	values.addRow(['indicator', 'country', 'period', 'disaggregation', 'value', 'status', 'source']);
	[10, 12, 11, 13, 40].forEach((v, i) =>
		values.addRow(['10.7.3', 'CRI', 2015 + i, `route=${marker}`, v, 'final', 'e2e workbook'])
	);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an .xlsx with two sheets: choose a sheet, see the outlier flag, confirm, import', async ({
	page,
	request
}) => {
	const marker = `x${Date.now()}`;
	await signIn(page);
	await page.goto('/imports', { waitUntil: 'networkidle' });
	await page.getByLabel('File', { exact: true }).setInputFiles({
		name: 'deaths.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: await workbook(marker)
	});
	const sheet = page.getByLabel('Sheet', { exact: true });
	await expect(sheet).toBeVisible({ timeout: 15_000 });
	await expect(sheet.locator('option')).toHaveText(['Notes', 'Values']);
	await sheet.selectOption('Values');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible({ timeout: 30_000 });
	await expect(report.getByTestId('report-sheet')).toHaveText('Sheet read: Values');
	await expect(report.getByTestId('report-format')).toHaveText('template');
	await expect(report.getByTestId('rows-imported')).toHaveText('5');
	const outliers = report.getByTestId('import-outliers');
	await expect(outliers).toContainText('Flagged for a second look: 1');
	const row = outliers.locator('tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('2019');
	await expect(row).toContainText('28 MADs from the series median 12');
	await expect(row).toContainText('jump of 208% from 2018');
	// the file's first rows, as read from the sheet
	const sample = report.getByTestId('import-sample');
	await expect(sample.locator('thead th')).toContainText(['indicator', 'country', 'period']);
	await expect(sample.locator('tbody tr')).toHaveCount(5);
	await expectAccessible(page);

	// Without confirming the flagged value: refused, the preview stays.
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByTestId('import-message')).toContainText('flagged as possible outliers');
	await expect(page.getByTestId('import-outliers')).toBeVisible();

	await confirmFlagged(page);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page).toHaveURL(/\/imports\?done=\d+/);

	await apiSignIn(request);
	const res = await request.get('/api/v1/indicators/10.7.3/observations?country=CRI&limit=500');
	const { items } = (await res.json()) as {
		items: { period: string; value: number; disaggregation: Record<string, string> }[];
	};
	const mine = items.filter((o) => o.disaggregation.route === marker);
	expect(mine.map((o) => [o.period, o.value]).sort()).toEqual([
		['2015', 10],
		['2016', 12],
		['2017', 11],
		['2018', 13],
		['2019', 40]
	]);
});

test('the API answers 422 naming the sheets when the sheet asked for is not there', async ({
	request
}) => {
	await apiSignIn(request);
	const res = await request.post('/api/v1/imports?dryRun=true&sheet=Datos', {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		},
		data: await workbook('api')
	});
	expect(res.status()).toBe(422);
	const body = await res.json();
	expect(body.error.message).toBe(
		'The workbook has no sheet "Datos"; its sheets are "Notes", "Values".'
	);
});
