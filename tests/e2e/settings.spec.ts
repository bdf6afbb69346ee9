// Issue 16 §2: the default method is a setting of the indicator, then of the site. An admin
// sets the site's default on the catalogue page; every verdict without its own method uses it
// at once (the data version moves with the setting); others may not change it.
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, createUser, expectAccessible, signIn } from './helpers';

test('an admin sets the site’s default method; verdicts follow on the next request', async ({
	page,
	request
}) => {
	await apiSignIn(request);
	const headers = { origin: baseOrigin() };
	try {
		await signIn(page);
		await page.goto('/indicators');
		const select = page.getByLabel('Default method', { exact: true });
		await expect(select).toHaveValue('cagr-ratio');
		await expectAccessible(page);
		await select.selectOption('eurostat');
		await page.getByRole('button', { name: 'Save the default method' }).click();
		await expect(page.getByRole('status')).toContainText('default method is saved');
		expect((await (await request.get('/api/v1/settings')).json()).defaultMethod).toBe('eurostat');
		// 10.c.1 names no method of its own: its page now reads with Eurostat's.
		await page.goto('/indicators/10.c.1');
		await expect(page.getByTestId('verdict').first()).toContainText('Eurostat');
		// The audit trail has it.
		const audit = await (await request.get('/api/v1/audit?entity=settings')).json();
		expect(audit.items[0]).toMatchObject({ entity: 'settings', operation: 'update' });
	} finally {
		const res = await request.patch('/api/v1/settings', {
			headers,
			data: { defaultMethod: 'cagr-ratio' }
		});
		expect(res.status()).toBe(200);
	}
});

test('a coordinator may not change it (403), and a bad method is a 422 naming the field', async ({
	request,
	playwright
}) => {
	await apiSignIn(request);
	const headers = { origin: baseOrigin() };
	const bad = await request.patch('/api/v1/settings', {
		headers,
		data: { defaultMethod: 'guesswork' }
	});
	expect(bad.status()).toBe(422);
	const coordinator = {
		email: 'settings-coordinator@example.org',
		name: 'Settings Coordinator',
		password: 'a-long-Settings-pass-2026',
		role: 'coordinator' as const,
		countries: ['MEX']
	};
	await createUser(request, coordinator);
	const ctx = await playwright.request.newContext({ baseURL: baseOrigin() });
	await apiSignIn(ctx, coordinator.email, coordinator.password);
	const refused = await ctx.patch('/api/v1/settings', {
		headers,
		data: { defaultMethod: 'eurostat' }
	});
	expect(refused.status()).toBe(403);
	expect((await (await request.get('/api/v1/settings')).json()).defaultMethod).toBe('cagr-ratio');
	await ctx.dispose();
});
