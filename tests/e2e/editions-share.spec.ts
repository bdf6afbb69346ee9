// Issue 18: a share link to an edition shows the frozen snapshot under /s/{token}/edition/…
// (banner, article, country and indicator pages, canonical data), never live data; the app's
// article and indicator pages of an edition.
import { createHash } from 'node:crypto';
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, expectAccessible } from './helpers';

test('a share link to an edition serves the frozen edition, not live data', async ({ page }) => {
	// Editions hold every value the earlier specs imported: their pages are large, and axe is slow
	// on them when the machine is busy.
	test.setTimeout(240_000);
	await apiSignIn(page.request);
	const headers = { origin: baseOrigin() };
	// Mexico has values of its own in the edition, whatever ran before this test.
	const values = await page.request.post('/api/v1/indicators/10.c.1/observations', {
		headers,
		data: {
			observations: [
				{ country: 'MEX', period: '2016', value: 5.5 },
				{ country: 'MEX', period: '2021', value: 4.25 }
			]
		}
	});
	expect(values.status(), await values.text()).toBeLessThan(300);
	const e = await (
		await page.request.post('/api/v1/editions', {
			headers,
			data: { name: `E2E shared edition ${Date.now()}` }
		})
	).json();
	const made = await page.request.post('/api/v1/share-links', {
		headers,
		data: {
			scopeType: 'framework',
			scopeTarget: 'rcm-gcm',
			label: 'Edition link',
			edition: e.slug
		}
	});
	expect(made.status()).toBe(201);
	const link = await made.json();
	expect(link.edition).toBe(e.slug);
	const bad = await page.request.post('/api/v1/share-links', {
		headers,
		data: { scopeType: 'country', scopeTarget: 'MEX', label: 'x', edition: 'no-such-edition' }
	});
	expect(bad.status()).toBe(422);

	// A change after the edition never shows on the edition's shared pages.
	const title = `After the shared edition ${Date.now()}`;
	expect(
		(
			await page.request.post('/api/v1/actions', {
				headers,
				data: { title, country: 'MEX', articles: [2] }
			})
		).status()
	).toBe(201);

	const base = `/s/${link.token}`;
	await page.goto(`${base}?lang=en`);
	await expect(page).toHaveURL(new RegExp(`${base}/edition`));
	await expect(page.getByTestId('edition-banner')).toContainText(e.name);
	await expect(page.getByTestId('edition-articles').locator('tbody tr')).toHaveCount(18);
	await expectAccessible(page);

	const data = await page.request.get(`${base}/edition/data.json`);
	expect(
		createHash('sha256')
			.update(await data.body())
			.digest('hex')
	).toBe(e.hash);
	expect((await page.request.get(`${base}/data.csv`)).status()).toBe(404);

	await page.goto(`${base}/edition/articles/2`);
	await expect(page.getByTestId('edition-article-title')).toContainText('2');
	await expect(page.getByTestId('edition-banner')).toBeVisible();
	await expect(page.locator('main')).not.toContainText(title);
	await expectAccessible(page);

	await page.goto(`/es${base}/edition/countries/MEX`);
	await expect(page.getByTestId('edition-banner')).toContainText('Datos al');
	await expect(page.locator('main')).not.toContainText(title);
	const annex = await page.request.get(
		(await page.getByTestId('annex-docx').getAttribute('href')) ?? ''
	);
	expect(annex.status()).toBe(200);
	expect((await annex.body()).subarray(0, 2).toString()).toBe('PK');

	const code = await page
		.getByTestId('edition-indicators')
		.locator('tbody a')
		.first()
		.textContent();
	await page.getByTestId('edition-indicators').locator('tbody a').first().click();
	await expect(page.getByTestId('edition-indicator-title')).toContainText(
		(code ?? '').split(' · ')[0]
	);
	await expectAccessible(page);

	// The app's own article and indicator pages of the edition.
	await page.goto(`/editions/${e.slug}/articles/2`);
	await expect(page.getByTestId('edition-banner')).toContainText(e.name);
	await expect(page.locator('main')).not.toContainText(title);
	await expectAccessible(page);
	await page.getByTestId('edition-indicators').locator('tbody a').first().click();
	await expect(page.getByTestId('edition-verdicts')).toBeVisible();
	await expectAccessible(page);
});

test('the share-links form offers the editions: a link made there opens the frozen edition', async ({
	page
}) => {
	await apiSignIn(page.request);
	const name = `E2E form edition ${Date.now()}`;
	const e = await (
		await page.request.post('/api/v1/editions', {
			headers: { origin: baseOrigin() },
			data: { name }
		})
	).json();
	await page.goto('/share-links');
	await page
		.getByLabel('What the link shows')
		.selectOption({ label: 'The whole declaration (all articles)' });
	await page.getByLabel('Label', { exact: true }).fill(`Edition by form ${e.slug}`);
	const picker = page.getByLabel('Edition (optional)');
	await expect(picker.locator('option').first()).toHaveText('Live validated data');
	await picker.selectOption(e.slug);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Create link' }).click();
	const url = await page.locator('#created-url').inputValue();
	expect(url).toMatch(/\/s\/[\w-]+/);
	await expect(page.getByText(`edition ${e.slug}`)).toBeVisible();
	await page.goto(url);
	await expect(page).toHaveURL(/\/edition(\?|\/|$)/);
	await expect(page.getByText(name).first()).toBeVisible();
});
