import { test, expect } from './api-test';
import { signIn, expectAccessible } from './helpers';
import { readFileSync } from 'node:fs';

const seedText = readFileSync('seed/rcm-special-declaration-gcm.txt', 'utf8');

test.describe('overview and article pages', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page);
	});

	test('overview shows the declaration, 18 article cards with live counts, and the 11 member states', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'SPECIAL DECLARATION OF THE REGIONAL CONFERENCE ON MIGRATION'
		);
		const cards = page.locator('.article-card');
		await expect(cards).toHaveCount(18);
		await expect(cards.first()).toContainText('Article 1');
		await expect(cards.first()).toContainText('Rights-based border management');
		// Article 2 has the starter indicators 10.c.1 and 17.3.2: a live count, not a placeholder.
		await expect(cards.nth(1).getByTestId('indicators-count')).toHaveText('2 indicators');
		await expect(cards.nth(9).getByTestId('actions-count')).toHaveText('0 actions');
		const members = page.getByRole('region', { name: 'Member states' }).getByRole('link');
		await expect(members).toHaveCount(11);
		for (const name of ['Belize', 'Canada', 'Mexico', 'Panama', 'United States of America']) {
			await expect(members.filter({ hasText: name })).toHaveCount(1);
		}
		await expectAccessible(page);
	});

	test('an article page shows the full text, its GCM objectives and SDG references', async ({
		page
	}) => {
		await page.goto('/');
		await page
			.locator('.article-card')
			.getByRole('link', { name: 'Due process and access to justice' })
			.click();
		await expect(page).toHaveURL(/\/articles\/17$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Due process and access to justice'
		);
		const text = page.locator('.article-text blockquote');
		await expect(text).toHaveText(
			'We reaffirm that all migrants have the right to fair and equal process before competent authorities in accordance with the law, including in any judicial proceeding before a competent court.'
		);
		await expect(text).not.toContainText('bookmark');
		expect(seedText).toContain((await text.textContent()) ?? 'missing');
		const gcm = page.getByRole('region', { name: 'Global Compact objectives' });
		await expect(gcm.getByText('Objective 12')).toBeVisible();
		await expect(gcm.getByText('Objective 13')).toBeVisible();
		await expect(gcm.getByText('Objective 14')).toBeVisible();
		await expect(page.getByRole('region', { name: 'SDG targets and indicators' })).toContainText(
			'SDG 16.3'
		);
		await expectAccessible(page);
	});

	test('a country page and the 404 page', async ({ page }) => {
		await page.goto('/countries/MEX');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mexico');
		await expect(page.getByText('RCM member state')).toBeVisible();
		await expectAccessible(page);
		const res = await page.goto('/countries/XXX');
		expect(res?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		const missing = await page.goto('/articles/19');
		expect(missing?.status()).toBe(404);
	});

	test('works at 360 px wide without horizontal scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		for (const path of ['/', '/articles/2', '/countries/GTM']) {
			await page.goto(path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
	});
});
