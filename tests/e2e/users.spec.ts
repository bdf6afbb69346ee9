// Accounts: an admin creates and edits users in the users page; deactivating signs the
// person out at once; everyone changes their own password on "My account".
import { type Browser } from '@playwright/test';
import { test, expect } from './api-test';
import { createUser, expectAccessible, signIn } from './helpers';

const run = Date.now().toString(36);

async function newPage(browser: Browser) {
	const context = await browser.newContext();
	return context.newPage();
}

test('an admin creates a coordinator through the form, then deactivates it: sessions end', async ({
	browser
}) => {
	const admin = await newPage(browser);
	await signIn(admin);
	await admin.goto('/users');
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Users');
	await expectAccessible(admin);

	const email = `honduras-${run}@example.org`;
	await admin.getByLabel('Name').fill('Helena Honduras');
	await admin.getByLabel('Email address').fill(email);
	await admin.getByLabel('Initial password').fill('honduras-password-1');
	await admin.getByLabel('Role').selectOption('coordinator');
	await admin.getByRole('button', { name: 'Create the account' }).click();
	// A coordinator needs a country: the error is next to the field, the values are kept.
	await expect(admin.locator('#u-countries-error')).toHaveText(
		'Choose at least one member state for a coordinator.'
	);
	await expect(admin.getByLabel('Email address')).toHaveValue(email);
	await expectAccessible(admin);
	await admin.getByLabel('Initial password').fill('honduras-password-1');
	await admin.getByRole('checkbox', { name: 'Honduras' }).check();
	await admin.getByRole('button', { name: 'Create the account' }).click();
	await expect(admin.getByRole('status')).toHaveText('The account was created.');
	const row = admin.getByRole('row', { name: /Helena Honduras/ });
	await expect(row).toContainText('Country coordinator');
	await expect(row).toContainText('Honduras');

	// She signs in and works.
	const helena = await newPage(browser);
	await signIn(helena, email, 'honduras-password-1');
	await helena.goto('/actions/new');
	await expect(helena.getByLabel('Country').locator('option:not([disabled])')).toHaveText([
		'Regional (RCM-wide)',
		'Honduras'
	]);

	// Deactivated: her very next request is signed out.
	await row.getByRole('link', { name: /Helena Honduras/ }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(
		'Edit the account of Helena Honduras'
	);
	await expectAccessible(admin);
	await admin.getByLabel('Active: may sign in').uncheck();
	await admin.getByRole('button', { name: 'Save the account' }).click();
	await expect(admin.getByRole('status')).toHaveText('The account was saved.');
	await expect(admin.getByRole('row', { name: /Helena Honduras/ })).toContainText('Deactivated');

	await helena.goto('/actions');
	await expect(helena).toHaveURL(/\/signin/);
	await helena.getByLabel('Email address').fill(email);
	await helena.getByLabel('Password').fill('honduras-password-1');
	await helena.getByRole('button', { name: 'Sign in' }).click();
	await expect(helena.getByRole('alert')).toContainText(
		'The email address or password is not right'
	);
	await admin.context().close();
	await helena.context().close();
});

test('the users API: admins list, create and edit; others get 403; no one else sees emails', async ({
	page,
	request
}) => {
	const viewer = await createUser(request, {
		email: `reader-${run}@example.org`,
		name: 'Rita Reader',
		password: 'reader-password-1',
		role: 'viewer'
	});
	expect(viewer).toMatchObject({ role: 'viewer', countries: [] });
	await signIn(page, `reader-${run}@example.org`, 'reader-password-1');
	expect((await page.request.get('/api/v1/users')).status()).toBe(403);
	expect(
		(
			await page.request.patch(`/api/v1/users/${viewer.id}`, {
				data: { version: 1, role: 'admin' }
			})
		).status()
	).toBe(403);
	const usersPage = await page.goto('/users');
	expect(usersPage?.status()).toBe(403);
});

test('changing one’s own password', async ({ page, request }) => {
	const email = `own-${run}@example.org`;
	await createUser(request, {
		email,
		name: 'Omar Own',
		password: 'first-password-1',
		role: 'coordinator',
		countries: ['PAN']
	});
	await signIn(page, email, 'first-password-1');
	await page.getByRole('link', { name: 'My account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
	await expect(page.getByText('Panama')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Current password').fill('not-the-password');
	await page.getByLabel('New password', { exact: true }).fill('second-password-2');
	await page.getByLabel('Repeat the new password').fill('second-password-2');
	await page.getByRole('button', { name: 'Change the password' }).click();
	await expect(page.locator('#currentPassword-error')).toHaveText(
		'The current password is not right.'
	);
	await page.getByLabel('Current password').fill('first-password-1');
	await page.getByLabel('New password', { exact: true }).fill('second-password-2');
	await page.getByLabel('Repeat the new password').fill('second-password-3');
	await page.getByRole('button', { name: 'Change the password' }).click();
	await expect(page.locator('#confirmPassword-error')).toHaveText(
		'The two new passwords are not the same.'
	);
	await page.getByLabel('Current password').fill('first-password-1');
	await page.getByLabel('New password', { exact: true }).fill('second-password-2');
	await page.getByLabel('Repeat the new password').fill('second-password-2');
	await page.getByRole('button', { name: 'Change the password' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Your password was changed. Your other sessions were signed out.'
	);
	// Still signed in here; the new password works, the old one no longer does.
	await page.goto('/actions');
	await expect(page).toHaveURL(/\/actions/);
	const fresh = await page.context().browser()!.newContext();
	const other = await fresh.newPage();
	await signIn(other, email, 'second-password-2');
	await other.getByRole('button', { name: 'Sign out' }).click();
	await other.goto('/signin');
	await other.getByLabel('Email address').fill(email);
	await other.getByLabel('Password').fill('first-password-1');
	await other.getByRole('button', { name: 'Sign in' }).click();
	await expect(other.getByRole('alert')).toBeVisible();
	await expect(other).toHaveURL(/\/signin/);
	await fresh.close();
});
