// Issue 15 §4 and §6 on the pages: the secretariat maps the IOM incident records on
// /imports/profiles/new while seeing the file's first rows, previews the series (Guatemala 46,
// 15, 23 for 2014–2016) before anything is saved, saves the profile, uses it on the import page
// and deletes it after a confirmation; and the import page's choice for stored values
// (`existing=keep`) leaves a stored value unchanged.
import { test, expect } from './api-test';
import { apiSignIn, confirmFlagged, expectAccessible, signIn } from './helpers';
import { SHARED_DATA } from '../helpers/shared-data';

const IOM = 'iom-mmp-kaggle__global-missing-migrants.csv';

test('a layout mapped on the page: first rows, preview, save, use, delete', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page);
	await page.goto('/imports', { waitUntil: 'networkidle' });
	await page.getByRole('link', { name: 'Map a new layout' }).first().click();
	await expect(page).toHaveURL(/\/imports\/profiles\/new$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Map a file's layout");
	await expectAccessible(page);

	const fileStep = page.getByTestId('profile-file');
	await fileStep.getByLabel('Indicator', { exact: true }).selectOption('10.7.3');
	await fileStep.getByLabel('File', { exact: true }).setInputFiles(`${SHARED_DATA}/${IOM}`);
	await fileStep.getByRole('button', { name: "Show the file's first rows" }).click();
	const sample = page.getByTestId('import-sample');
	await expect(sample).toBeVisible({ timeout: 30_000 });
	await expect(sample.locator('thead')).toContainText('Incident year');
	await expect(sample.locator('thead')).toContainText('Total Number of Dead and Missing');
	await expect(sample.locator('tbody tr')).toHaveCount(10);

	const mapping = page.getByTestId('profile-form');
	await expect(mapping.getByLabel('Indicator', { exact: true })).toHaveValue('10.7.3');
	await mapping.getByLabel('Period column', { exact: true }).selectOption('Incident year');
	await mapping.getByLabel('Period pattern', { exact: true }).selectOption('{yyyy}');
	await mapping.getByLabel('A column of the file').check();
	await mapping
		.getByLabel('Column with the geography', { exact: true })
		.selectOption('Country of Origin');
	await mapping.getByLabel('The column holds', { exact: true }).selectOption('name');
	await mapping
		.getByLabel('Value column', { exact: true })
		.selectOption('Total Number of Dead and Missing');
	await mapping.getByLabel('Aggregation', { exact: true }).selectOption('sum');
	await mapping.getByRole('button', { name: 'Preview', exact: true }).click();

	const preview = page.getByTestId('profile-preview');
	await expect(preview).toBeVisible({ timeout: 30_000 });
	await expect(preview).toContainText('nothing has been saved or written');
	const gtm = preview.getByTestId('profile-series').locator('tbody tr', { hasText: 'Guatemala' });
	await expect(gtm).toHaveCount(3);
	for (const [i, [year, value]] of [
		['2014', '46'],
		['2015', '15'],
		['2016', '23']
	].entries()) {
		await expect(gtm.nth(i).locator('td').nth(0)).toHaveText(year);
		await expect(gtm.nth(i).locator('td').nth(2)).toHaveText(value);
	}
	await expect(preview.getByTestId('rows-rejected')).toHaveText('0');
	await preview.getByText(/Rows skipped on purpose/).click();
	await expect(preview.getByTestId('import-skipped')).toContainText(
		"unknown geography 'Unknown' in Country of Origin"
	);
	await expectAccessible(page);

	// A column the file does not have: named, nothing saved.
	const name = `IOM by origin (page) ${Date.now()}`;
	await mapping.getByLabel('Profile name', { exact: true }).fill(name);
	await mapping.getByLabel('Value column', { exact: true }).selectOption('Cause of Death');
	await mapping.getByRole('button', { name: 'Preview', exact: true }).click();
	await expect(page.getByTestId('import-errors')).toContainText('Cause of Death', {
		timeout: 30_000
	});
	await expect(page.getByTestId('import-errors')).toContainText('cannot be aggregated (sum)');
	await page
		.getByTestId('profile-form')
		.getByLabel('Value column', { exact: true })
		.selectOption('Total Number of Dead and Missing');

	await page.getByTestId('profile-form').getByRole('button', { name: 'Save profile' }).click();
	await expect(page).toHaveURL(/\/imports\/profiles\?saved=\d+$/, { timeout: 30_000 });
	const id = new URL(page.url()).searchParams.get('saved')!;
	await expect(page.getByTestId('profile-saved')).toContainText(name);
	await expect(page.getByTestId('profiles-list')).toContainText(name);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Import a file with this profile' }).click();
	await expect(page).toHaveURL(new RegExp(`/imports\\?profile=${id}$`));
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Import profile', { exact: true })).toHaveValue(id);
	await page.getByLabel('File', { exact: true }).setInputFiles(`${SHARED_DATA}/${IOM}`);
	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible({ timeout: 30_000 });
	await expect(report.getByTestId('report-format')).toHaveText('profile');
	await expect(report.getByTestId('rows-rejected')).toHaveText('0');

	await page.goto('/imports/profiles', { waitUntil: 'networkidle' });
	const row = page.getByTestId('profiles-list').locator('li', { hasText: name });
	await row.locator('summary', { hasText: 'Delete' }).click();
	await expectAccessible(page);
	await row.getByRole('button', { name: 'Yes, delete it' }).click();
	await expect(page.getByText(`Profile “${name}” deleted.`)).toBeVisible();
	await expect(page.getByTestId('profiles-list').locator('li', { hasText: name })).toHaveCount(0);
});

test('the import page keeps stored values when asked (existing=keep)', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	await apiSignIn(request);
	const year = 1910 + (Date.now() % 60);
	const marker = `e2e-existing-${Date.now()}`;
	const header = 'indicator,country,period,disaggregation,value,status,source,note';
	const upload = async (csv: string, existing?: string) => {
		await page.goto('/imports', { waitUntil: 'networkidle' });
		await page.getByLabel('File', { exact: true }).setInputFiles({
			name: `${marker}.csv`,
			mimeType: 'text/csv',
			buffer: Buffer.from(csv)
		});
		if (existing) await page.getByLabel(existing).check();
		await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
		await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
	};
	const commit = async () => {
		await confirmFlagged(page);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page).toHaveURL(/\/imports\?done=\d+/);
	};
	const stored = async (period: number) => {
		const res = await request.get(
			`/api/v1/indicators/16.2.2/observations?country=GTM&from=${period}&to=${period}`
		);
		const { items } = await res.json();
		return items.find((o: { period: string }) => o.period === String(period))?.value;
	};

	await signIn(page);
	await upload(`${header}\n16.2.2,GTM,${year},,1.5,final,${marker},\n`);
	await commit();
	expect(await stored(year)).toBe(1.5);

	await upload(
		`${header}\n16.2.2,GTM,${year},,2.5,final,${marker},\n16.2.2,GTM,${year + 1},,1.6,final,${marker},\n`,
		'Keep stored values'
	);
	const report = page.getByTestId('import-report');
	await expect(report.getByTestId('report-existing')).toHaveText(
		'Values already stored: Keep stored values'
	);
	await expect(report.getByTestId('rows-updated')).toHaveText('0');
	await report.getByText(/Rows skipped on purpose/).click();
	await expect(report.getByTestId('import-skipped')).toContainText('kept the stored value');
	await expectAccessible(page);
	await commit();
	expect(await stored(year)).toBe(1.5);
	expect(await stored(year + 1)).toBe(1.6);

	// The default (prefer the better-ranked source; none is ranked): the value is updated.
	await upload(`${header}\n16.2.2,GTM,${year},,2.5,final,${marker},\n`);
	await expect(page.getByTestId('report-existing')).toContainText('Prefer the better-ranked');
	await expect(page.getByTestId('rows-updated')).toHaveText('1');
});
