import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, expectAccessible, signIn } from './helpers';

test.describe('indicator catalogue and values', () => {
	test('the catalogue lists the starter indicators', async ({ page }) => {
		await signIn(page);
		await page.goto('/indicators');
		const list = page.getByTestId('indicator-list');
		for (const code of [
			'10.c.1',
			'10.7.3',
			'10.7.2',
			'10.7.4',
			'8.8.1',
			'8.8.2',
			'17.3.2',
			'16.2.2'
		]) {
			await expect(list.getByRole('link', { name: code, exact: true })).toBeVisible();
		}
		await expectAccessible(page);
	});

	test('an admin creates an indicator (errors beside the fields), edits it, and enters a value that re-entering updates', async ({
		page,
		request
	}) => {
		const code = `RCM-${Date.now() % 100000}.1`;
		await signIn(page);
		// Hydrated first: a value typed before hydration may be reset by it.
		await page.goto('/indicators/new', { waitUntil: 'networkidle' });
		await page.getByLabel('Code').fill(code);
		await page.getByRole('button', { name: 'Create the indicator' }).click();
		await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('Enter a name.')).toBeVisible();
		await expect(page.getByLabel('Code')).toHaveValue(code);
		await expectAccessible(page);

		await page.getByLabel('Name', { exact: true }).fill('E2E: labour inspections of recruiters');
		await page.getByLabel('Unit').selectOption('count');
		await page.getByLabel('Higher is better').check();
		await page.getByLabel('Target value').fill('40');
		await page.getByLabel('Target year').fill('2030');
		await page.getByLabel('Article 11').check();
		await page.getByRole('button', { name: 'Create the indicator' }).click();
		await expect(page).toHaveURL(/\/indicators\?created=/);
		await expect(page.getByRole('status')).toContainText(`Indicator ${code} created.`);

		await page.goto(`/indicators/${code}/edit`);
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue(
			'E2E: labour inspections of recruiters'
		);
		await expectAccessible(page);
		await page.getByLabel('Target value').fill('45');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page).toHaveURL(new RegExp(`/indicators/${code.replace('.', '\\.')}\\?saved=1`));
		await expect(page.getByText('Changes saved.')).toBeVisible();

		await page.goto(`/indicators/${code}/observations?country=GTM`);
		await expectAccessible(page);
		await page.getByLabel('Period', { exact: true }).fill('2024');
		await page.getByLabel('Value', { exact: true }).fill('12');
		await page.getByRole('button', { name: 'Save the value' }).click();
		await expect(page).toHaveURL(/country=GTM/);
		const values = page.getByTestId('observation-table');
		await expect(values.locator('tbody tr')).toHaveCount(1);
		await expect(values).toContainText('12');
		await expect(values).toContainText('Validated');

		// Re-entering the same key updates, never duplicates.
		await page.goto(`/indicators/${code}/observations?country=GTM`);
		await page.getByLabel('Period', { exact: true }).fill('2024');
		await page.getByLabel('Value', { exact: true }).fill('14');
		await page.getByRole('button', { name: 'Save the value' }).click();
		await expect(page.getByTestId('observation-table').locator('tbody tr')).toHaveCount(1);
		await expect(page.getByTestId('observation-table')).toContainText('14');

		// The table form: one bad row keeps everything as typed and writes nothing.
		await page.goto(`/indicators/${code}/observations?country=GTM`);
		await page.getByLabel('Row 1: Period').fill('2025');
		await page.getByLabel('Row 1: Value').fill('15');
		await page.getByLabel('Row 2: Period').fill('not a period');
		await page.getByLabel('Row 2: Value').fill('16');
		await page.getByRole('button', { name: 'Save the table' }).click();
		await expect(page.getByLabel('Row 2: Period')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Row 1: Value')).toHaveValue('15');
		await page.goto('/review');
		await expect(
			page.getByRole('heading', { name: 'Indicator values awaiting validation' })
		).toBeVisible();
		await expectAccessible(page);

		await apiSignIn(request);
		const stored = await (
			await request.get(`/api/v1/indicators/${code}/observations?country=GTM`)
		).json();
		expect(stored.items.map((o: { period: string; value: number }) => [o.period, o.value])).toEqual(
			[['2024', 14]]
		);
	});

	test('the API reads and upserts observations and answers the verdict with every component', async ({
		request
	}) => {
		await apiSignIn(request);
		const headers = { origin: baseOrigin() };
		const period = String(1950 + (Date.now() % 40));
		const post = (value: number) =>
			request.post('/api/v1/indicators/10.7.3/observations', {
				headers,
				data: { observations: [{ country: 'BLZ', period, value, source: 'e2e' }] }
			});
		const first = await post(7);
		expect([200, 201]).toContain(first.status());
		const second = await post(8);
		expect(second.status()).toBe(200);
		expect(await second.json()).toMatchObject({ created: 0, updated: 1 });
		const list = await (
			await request.get(
				`/api/v1/indicators/10.7.3/observations?country=BLZ&from=${period}&to=${period}`
			)
		).json();
		expect(list.items).toHaveLength(1);
		expect(list.items[0]).toMatchObject({ value: 8, reviewState: 'validated' });

		const invalid = await request.post('/api/v1/indicators/10.7.3/observations', {
			headers,
			data: { observations: [{ country: 'BLZ', period: 'soon', value: 'x' }] }
		});
		expect(invalid.status()).toBe(422);
		expect((await invalid.json()).error.issues.map((i: { path: string }) => i.path)).toEqual([
			'observations.0.period',
			'observations.0.value'
		]);

		const verdict = await request.get(
			'/api/v1/indicators/10.7.3/progress?country=BLZ&method=progress-chart'
		);
		expect(verdict.status()).toBe(200);
		const v = await verdict.json();
		expect(v).toMatchObject({ indicator: '10.7.3', country: 'BLZ', method: 'progress-chart' });
		for (const key of [
			'baseYear',
			'baseValue',
			'latestYear',
			'latestValue',
			'targetYear',
			'targetValue',
			'cagrObserved',
			'cagrRequired',
			'ratio',
			'projectedValue',
			'q',
			'thresholds'
		]) {
			expect(v.components).toHaveProperty(key);
		}
		expect(v.ceiling).toBeNull();
		const bad = await request.get('/api/v1/indicators/10.7.3/progress?method=magic');
		expect(bad.status()).toBe(400);
		const missing = await request.get('/api/v1/indicators/99.9.9/progress?country=MEX');
		expect(missing.status()).toBe(404);
	});
});
