import { test, expect } from './api-test';
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

// The README's `npm start` sets no ORIGIN: the server behind this project is started the same
// way (tests/e2e/serve.js), so these run over plain http with the origin the browser used.
test('without ORIGIN: sign out and in again over http, by localhost and by 127.0.0.1', async ({
	page,
	baseURL
}) => {
	for (const origin of [baseURL!, baseURL!.replace('localhost', '127.0.0.1')]) {
		await page.goto(`${origin}/signin`);
		if (await page.getByRole('button', { name: 'Sign out' }).count()) {
			await page.getByRole('button', { name: 'Sign out' }).click();
			await page.goto(`${origin}/signin`);
		}
		await page.getByLabel('Email address').fill('first.admin@example.org');
		await page.getByLabel('Password').fill('a-long-enough-password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByText('Signed in as First Admin')).toBeVisible();
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/signin/);
	}
});

test('without ORIGIN: the JSON sign-in answers same-origin, a cross-site post is refused', async ({
	request,
	baseURL
}) => {
	const ok = await request.post('/api/auth/sign-in/email', {
		headers: { origin: baseURL! },
		data: { email: 'first.admin@example.org', password: 'a-long-enough-password' }
	});
	expect(ok.status()).toBe(200);
	const crossSite = await request.post('/signin', {
		headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=first.admin%40example.org&password=a-long-enough-password'
	});
	expect(crossSite.status()).toBe(403);
	const crossSiteApi = await request.post('/api/auth/sign-in/email', {
		headers: { origin: 'http://evil.example' },
		data: { email: 'first.admin@example.org', password: 'a-long-enough-password' }
	});
	expect(crossSiteApi.status()).toBe(403);
	// A client-sent protocol header cannot make the server believe it is https.
	const spoofed = await request.post('/signin', {
		headers: {
			origin: baseURL!.replace('http:', 'https:'),
			'x-avance-connection-protocol': 'https',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: 'email=x%40example.org&password=whatever-long'
	});
	expect(spoofed.status()).toBe(403);
});

test('a refused form keeps its values and says why', async ({ page, baseURL }) => {
	await page.goto(`${baseURL}/signin`);
	if (await page.getByRole('button', { name: 'Sign out' }).count()) {
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.goto(`${baseURL}/signin`);
	}
	await page.route('**/signin', (route) =>
		route.request().method() === 'POST'
			? route.fulfill({ status: 403, body: 'Cross-site POST form submissions are forbidden' })
			: route.continue()
	);
	await page.getByLabel('Email address').fill('first.admin@example.org');
	await page.getByLabel('Password').fill('a-long-enough-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Nothing was saved and your entries are kept'
	);
	await expect(page.getByLabel('Email address')).toHaveValue('first.admin@example.org');
	await expect(page.getByLabel('Password')).toHaveValue('a-long-enough-password');
});
