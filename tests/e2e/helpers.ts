import {
	expect,
	test,
	request as playwrightRequest,
	type Page,
	type APIRequestContext
} from '@playwright/test';
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

/**
 * expectAccessible at the page's width and again 360 px wide (a phone), where the page must
 * not scroll sideways either; the viewport is put back afterwards.
 */
export async function expectAccessibleNarrow(page: Page) {
	await expectAccessible(page);
	const before = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 740 });
	try {
		// Polled: charts and wrapped rows settle after the first layout.
		await expect
			.poll(() =>
				page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				)
			)
			.toBeLessThanOrEqual(0);
		await expectAccessible(page);
	} finally {
		if (before) await page.setViewportSize(before);
	}
}

export function baseOrigin(): string {
	return new URL(
		test.info().project.use.baseURL ?? `http://localhost:${process.env.E2E_PORT ?? 4173}`
	).origin;
}

export interface NewUser {
	email: string;
	name: string;
	password: string;
	role: 'admin' | 'coordinator' | 'focal_point' | 'viewer';
	countries?: string[];
}

/**
 * Creates an account through the admin API (POST /api/v1/users), signed in as the e2e admin
 * in a context of its own (the caller's session is left alone). `request` only supplies the
 * base URL. An email that already exists returns that account. Returns the user as the API
 * answers it (id, email, name, role, countries, active, version).
 */
export async function createUser(
	request: APIRequestContext,
	user: NewUser
): Promise<{ id: string; email: string; name: string; role: string; countries: string[] }> {
	void request;
	const baseURL =
		test.info().project.use.baseURL ?? `http://localhost:${process.env.E2E_PORT ?? 4173}`;
	const admin = await playwrightRequest.newContext({ baseURL });
	try {
		await apiSignIn(admin);
		const res = await admin.post('/api/v1/users', {
			data: { countries: [], ...user, email: user.email.toLowerCase() }
		});
		if (res.status() === 409) {
			const { items } = await (await admin.get('/api/v1/users')).json();
			return items.find((u: { email: string }) => u.email === user.email.toLowerCase());
		}
		expect(res.status(), await res.text()).toBe(201);
		return await res.json();
	} finally {
		await admin.dispose();
	}
}

/** Ticks the import preview's "I have looked at the flagged values" box when values are flagged
 * as possible outliers (issue 15 §7); the commit needs it then. */
export async function confirmFlagged(page: Page) {
	const box = page.getByTestId('confirm-outliers');
	if ((await box.count()) > 0) await box.getByRole('checkbox').check();
}
