import { test, expect } from '@playwright/test';
import { expectAccessible } from './helpers';

test('first run: /setup creates the first admin, then disappears', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await expectAccessible(page);
	await page.getByLabel('Your name').fill('First Admin');
	await page.getByLabel('Email address').fill('not-an-email');
	await page.getByLabel('Password').fill('short');
	// Browser validation is bypassed so the server's own messages are tested.
	await page.evaluate(() => document.querySelector('form')?.setAttribute('novalidate', ''));
	await page.getByRole('button', { name: 'Create administrator' }).click();
	await expect(page.getByText('Enter a valid email address.')).toBeVisible();
	await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
	await expect(page.getByLabel('Your name')).toHaveValue('First Admin');
	await page.getByLabel('Email address').fill('first.admin@example.org');
	await page.getByLabel('Password').fill('a-long-enough-password');
	await page.getByRole('button', { name: 'Create administrator' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByText('Signed in as First Admin')).toBeVisible();
	await page.goto('/setup');
	await expect(page).not.toHaveURL(/\/setup/);
});
