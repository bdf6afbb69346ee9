// Issue 12's done-when, in a browser: a national template import of the UK's 10.7.3 deaths, then
// the UN's 10.7.3 file over it. The preview lists each old → new value, the indicator page shows
// the value's history on demand (keyboard), and the imports page undoes the UN import after a
// confirmation step, which brings the national values back.
import { test, expect } from './api-test';
import { apiSignIn, expectAccessible, signIn, confirmFlagged } from './helpers';
import { SHARED_DATA } from '../helpers/shared-data';

const UN_FILE = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';
const NATIONAL = [17, 31, 22, 8, 11, 50];
const UN = [3, 5, 2, 1, 1, 41];

test('a re-import is previewed old → new, kept in the history and undone', async ({
	page,
	request
}) => {
	test.setTimeout(180_000); // a 1,600-line file previewed and imported on a busy machine
	await apiSignIn(request);
	const national = [
		'indicator,country,period,disaggregation,value,status,source,note',
		...NATIONAL.map((v, i) => `10.7.3,GBR,${2014 + i},,${v},final,ONS e2e,`)
	].join('\n');
	const first = await request.post('/api/v1/imports?format=template', {
		headers: { 'content-type': 'text/csv' },
		data: national
	});
	expect(first.status()).toBe(201);

	await signIn(page);
	await page.goto('/imports');
	await page.getByLabel('File', { exact: true }).setInputFiles(`${SHARED_DATA}/${UN_FILE}`);
	await page.getByLabel('Indicator').selectOption('10.7.3');
	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	const changes = page.getByTestId('import-changes');
	await expect(changes).toBeVisible({ timeout: 30_000 });
	const valueRows = changes.locator('tbody tr').filter({ hasText: 'Value' });
	await expect(valueRows).toHaveCount(6);
	await expect(valueRows.first()).toContainText('GBR');
	await expect(valueRows.first()).toContainText('17');
	await expect(valueRows.first()).toContainText('3');
	await expect(page.getByTestId('rows-updated')).toHaveText('6');
	await expectAccessible(page);
	await confirmFlagged(page);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page).toHaveURL(/\/imports\?done=\d+/);
	const runId = Number(new URL(page.url()).searchParams.get('done'));

	// the indicator page: the 2014 value and its history, opened with the keyboard
	await page.goto('/indicators/10.7.3?country=GBR');
	const table = page.getByTestId('observation-table');
	const row2014 = table.locator('tbody tr').filter({ hasText: '2014' }).first();
	await expect(row2014).toContainText('3');
	const button = row2014.getByTestId('history-button');
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	const history = page.getByTestId('value-history');
	// This run's version, then the national office's; older versions follow when an earlier
	// spec imported the same UN file into the shared database.
	await expect(history.locator('tbody tr').nth(1)).toBeVisible();
	await expect(history.locator('tbody tr').nth(0)).toContainText(`Import #${runId}`);
	await expect(history.locator('tbody tr').nth(1)).toContainText('17');
	await expectAccessible(page);

	// undo, after the confirmation step
	await page.goto('/imports');
	const run = page.getByTestId('import-runs').locator('tbody > tr').first();
	await expect(run).toContainText(UN_FILE);
	await run.locator('summary').click();
	await expectAccessible(page);
	await run.getByRole('button', { name: `Yes, undo import #${runId}` }).click();
	await expect(page.getByTestId('import-undone')).toContainText(`Import #${runId} undone`);
	await expect(page.getByTestId('import-runs').locator('tbody > tr').first()).toContainText(
		'Undone'
	);

	const res = await request.get('/api/v1/indicators/10.7.3/observations?country=GBR');
	const items = ((await res.json()) as { items: { period: string; value: number }[] }).items;
	expect(items.map((o) => o.value)).toEqual(NATIONAL);
	expect(UN).not.toEqual(NATIONAL);
});
