import { test, expect } from './api-test';
import { E2E_ADMIN, expectAccessible } from './helpers';

test('anonymous visitors are sent to sign-in, and come back where they were going', async ({
	page
}) => {
	await page.goto('/articles/5');
	await expect(page).toHaveURL(/\/signin\?redirectTo=%2Farticles%2F5/);
	await expectAccessible(page);
	await page.getByLabel('Email address').fill(E2E_ADMIN.email);
	await page.getByLabel('Password').fill('wrong-password-123');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'The email address or password is not right. Check them and try again.'
	);
	// The email typed is kept; the password is not.
	await expect(page.getByLabel('Email address')).toHaveValue(E2E_ADMIN.email);
	await page.getByLabel('Password').fill(E2E_ADMIN.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/articles\/5$/);
	await expect(page.getByText(`Signed in as ${E2E_ADMIN.name}`)).toBeVisible();
});

test('sign-out ends the session on the server', async ({ page, context }) => {
	await page.goto('/signin', { waitUntil: 'networkidle' });
	await page.getByLabel('Email address').fill(E2E_ADMIN.email);
	await page.getByLabel('Password').fill(E2E_ADMIN.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/work$/);
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name.includes('session_token'));
	expect(session?.httpOnly).toBe(true);
	expect(session?.sameSite).toBe('Lax');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/signin/);
	// Replaying the old cookie does not bring the session back.
	await context.addCookies([session!]);
	const res = await page.request.get('/api/v1/articles');
	expect(res.status()).toBe(401);
});

test('the first-run page is gone once a user exists', async ({ page }) => {
	await page.goto('/setup');
	await expect(page).toHaveURL(/\/signin/);
});
