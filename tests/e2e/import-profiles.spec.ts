// Issue 15 §4 through the API and the import page: a profile saved with
// `POST /api/v1/import-profiles` is offered on /imports; the IOM incident records, checked with
// it, give a `profile` dry run; then the profile is deleted (404 after).
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, expectAccessible, signIn } from './helpers';
import { SHARED_DATA } from '../helpers/shared-data';

const IOM = 'iom-mmp-kaggle__global-missing-migrants.csv';

test('a saved profile reads the IOM records on the import page', async ({ page, request }) => {
	await apiSignIn(request);
	const name = `IOM by origin e2e ${Date.now()}`;
	const res = await request.post('/api/v1/import-profiles', {
		headers: { origin: baseOrigin() },
		data: {
			name,
			indicator: '10.7.3',
			period: { column: 'Incident year', pattern: '{yyyy}' },
			geography: { column: 'Country of Origin', kind: 'name' },
			value: { column: 'Total Number of Dead and Missing' },
			aggregate: 'sum'
		}
	});
	expect(res.status(), await res.text()).toBe(201);
	const { id, version } = await res.json();
	expect(version).toBe(1);

	await signIn(page);
	await page.goto('/imports', { waitUntil: 'networkidle' });
	await page.getByLabel('File', { exact: true }).setInputFiles(`${SHARED_DATA}/${IOM}`);
	await page.getByLabel('Import profile', { exact: true }).selectOption(String(id));
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible({ timeout: 30_000 });
	await expect(report.getByTestId('report-format')).toHaveText('profile');
	await expect(report.getByTestId('rows-rejected')).toHaveText('0');

	const del = await request.delete(`/api/v1/import-profiles/${id}`, {
		headers: { origin: baseOrigin() }
	});
	expect(del.status()).toBe(204);
	expect((await request.get(`/api/v1/import-profiles/${id}`)).status()).toBe(404);
});
