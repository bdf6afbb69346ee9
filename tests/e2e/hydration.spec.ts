// Typing before the page's script has loaded (a slow connection, a fast typist) is kept:
// hydration used to write the server-rendered values back over what was typed, so a search
// came back unfiltered and an update was dated today instead of the day typed.
import { test, expect, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** Holds the app's scripts back until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

test('a search typed before hydration is kept and applied', async ({ page }) => {
	await signIn(page);
	const release = await holdScripts(page);
	await page.goto('/actions?status=planned', { waitUntil: 'commit' });
	const search = page.getByLabel('Search');
	await search.fill('consular');
	await page.getByLabel('Status').selectOption('');
	await expect(page.locator('html[data-ready]')).toHaveCount(0); // not hydrated yet
	release();
	await expect(page.locator('html[data-ready]')).toHaveCount(1);
	await expect(search).toHaveValue('consular');
	await expect(page.getByLabel('Status')).toHaveValue('');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/[?&]q=consular/);
	await expect(page).not.toHaveURL(/status=planned/);
});

test('a description, a date and a ticked box typed before hydration are kept', async ({ page }) => {
	await signIn(page);
	const release = await holdScripts(page);
	await page.goto('/actions/new', { waitUntil: 'commit' });
	await page.getByLabel('Description').fill('Typed while the page was loading.');
	await page.getByLabel('Start date').fill('2025-03-01');
	await page.getByRole('checkbox', { name: /^2\. / }).check();
	release();
	await expect(page.locator('html[data-ready]')).toHaveCount(1);
	await expect(page.getByLabel('Description')).toHaveValue('Typed while the page was loading.');
	await expect(page.getByLabel('Start date')).toHaveValue('2025-03-01');
	await expect(page.getByRole('checkbox', { name: /^2\. / })).toBeChecked();
});
