// Harmonised dimensions and regional series (issue 15 §2, §5): an admin adds and deletes a
// dimension mapping on the imports page (the API lists it), and the UN's 10.7.3 file gives the
// indicator page a regional series for Central America (M49 013), under its own name.
import { test, expect } from './api-test';
import { readFileSync } from 'node:fs';
import { apiSignIn, baseOrigin, expectAccessible, signIn } from './helpers';
import { SHARED_DATA } from '../helpers/shared-data';

const DDF_1073 = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';

test('an admin adds a dimension mapping on the imports page, then deletes it', async ({
	page,
	request
}) => {
	const word = `Varones${Date.now()}`;
	await signIn(page);
	await page.goto('/imports');
	const section = page.getByTestId('dimension-mappings');
	await expect(section.getByRole('heading', { name: 'Dimension mappings' })).toBeVisible();
	await expectAccessible(page);

	// A bad code is refused next to its field, keeping what was typed.
	const form = section.getByTestId('mapping-form');
	await form.getByLabel('What it maps').selectOption('value');
	await form.getByLabel('Text in the file').fill(word);
	await form.getByLabel('Canonical code').fill('Not a code!');
	await form.getByLabel('Dimension (values only)').fill('sex');
	await form.getByRole('button', { name: 'Add mapping' }).click();
	await expect(form.getByText('Use lower-case letters, digits and _ (e.g. male).')).toBeVisible();
	await expect(form.getByLabel('Text in the file')).toHaveValue(word);

	await form.getByLabel('Canonical code').fill('male');
	await form.getByRole('button', { name: 'Add mapping' }).click();
	await expect(section.getByTestId('mapping-added')).toContainText(`${word} → male`);
	const row = section.locator('tr', { hasText: word });
	await expect(row).toContainText('male');
	await expect(row).toContainText('sex');
	await expectAccessible(page);

	await apiSignIn(request);
	const listed = (await (await request.get('/api/v1/dimension-mappings')).json()) as {
		items: { id: number; from: string; to: string; builtin: boolean }[];
	};
	const item = listed.items.find((i) => i.from === word);
	expect(item).toMatchObject({ to: 'male', builtin: false });
	// Adding it again through the API is a 409.
	const dup = await request.post('/api/v1/dimension-mappings', {
		data: { kind: 'value', from: word.toUpperCase(), to: 'male', dimension: 'sex' },
		headers: { origin: baseOrigin() }
	});
	expect(dup.status()).toBe(409);

	// Delete: a confirmation step first.
	await row.getByText('Delete…').click();
	await row.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(section.getByText('Mapping deleted.')).toBeVisible();
	await expect(section.locator('tr', { hasText: word })).toHaveCount(0);
});

test('the UN 10.7.3 file gives the indicator page a regional series for Central America', async ({
	page,
	request
}) => {
	await apiSignIn(request);
	const res = await request.post(`/api/v1/imports?fileName=${encodeURIComponent(DDF_1073)}`, {
		headers: { origin: baseOrigin(), 'content-type': 'text/csv' },
		data: readFileSync(`${SHARED_DATA}/${DDF_1073}`)
	});
	expect(res.status()).toBe(201);
	const central = (await (
		await request.get('/api/v1/indicators/10.7.3/observations?country=013')
	).json()) as { items: { period: string; value: number; region: string | null }[] };
	expect(central.items.map((o) => [o.period, o.value])).toEqual([
		['2014', 134],
		['2015', 148],
		['2016', 258],
		['2017', 163],
		['2018', 146],
		['2019', 206]
	]);

	await signIn(page);
	await page.goto('/indicators/10.7.3');
	const regions = page.getByTestId('regional-series');
	await expect(regions.getByRole('heading', { name: 'Regional series' })).toBeVisible();
	await expect(regions.getByRole('link', { name: 'Central America' })).toBeVisible();
	// Not among the member states.
	await expect(page.getByTestId('member-verdicts')).not.toContainText('Central America');
	await expectAccessible(page);

	await regions.getByRole('link', { name: 'Central America' }).click();
	await expect(page).toHaveURL(/country=013/);
	await expect(
		page.getByRole('heading', { level: 2, name: /Central America/ }).first()
	).toBeVisible();
	await expectAccessible(page);

	await page.goto('/es/indicators/10.7.3');
	await expect(page.getByTestId('regional-series')).toContainText('Centroamérica');
	await page.goto('/fr/indicators/10.7.3?country=013');
	await expect(page.locator('main')).toContainText('Amérique centrale');
});
