import { expect, test, type Page, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { E2E_ADMIN } from './accounts.js';

export { E2E_ADMIN };

export async function signIn(page: Page, email = E2E_ADMIN.email, password = E2E_ADMIN.password) {
	// Wait for the page to be hydrated: typing before that may be reset by hydration.
	await page.goto('/signin', { waitUntil: 'networkidle' });
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/signin/);
}

/** Signs an API client in (the session cookie stays in the request context). */
export async function apiSignIn(
	request: APIRequestContext,
	email = E2E_ADMIN.email,
	password = E2E_ADMIN.password
) {
	const res = await request.post('/api/auth/sign-in/email', {
		data: { email, password },
		headers: { origin: baseOrigin() }
	});
	expect(res.status(), await res.text()).toBe(200);
}

/** Fails the test on any WCAG 2 A/AA violation axe-core finds on the page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}

export function baseOrigin(): string {
	return new URL(test.info().project.use.baseURL ?? 'http://localhost:4173').origin;
}
