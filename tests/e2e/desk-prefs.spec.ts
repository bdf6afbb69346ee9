// Issue 17 §5: each person chooses, per kind of notification, in the app only, an e-mail at
// once or a daily digest: by API and on the Notifications page (axe-clean).
import { test, expect } from './api-test';
import { baseOrigin, createUser, expectAccessible, signIn } from './helpers';

const PERSON = {
	email: 'desk.prefs.gtm@example.org',
	name: 'Prefs Guatemala',
	password: 'desk-prefs-pass-1',
	role: 'coordinator' as const,
	countries: ['GTM']
};

test('notification preferences', async ({ page, browser }) => {
	await createUser(page.request, PERSON);
	const ctx = await browser.newContext({ baseURL: baseOrigin() });
	const p = await ctx.newPage();
	await signIn(p, PERSON.email, PERSON.password);
	const h = { origin: baseOrigin() };
	const url = '/api/v1/me/notification-preferences';
	expect(await (await p.request.get(url)).json()).toMatchObject({ returned: 'immediate' });
	const put = await p.request.put(url, { headers: h, data: { returned: 'digest' } });
	expect(put.status()).toBe(200);
	expect(await put.json()).toMatchObject({ returned: 'digest', validated: 'immediate' });
	const bad = await p.request.put(url, { headers: h, data: { returned: 'weekly' } });
	expect(bad.status()).toBe(422);

	await p.goto('/notifications');
	const prefs = p.locator('#preferences');
	await expect(prefs.locator('input[name="returned"][value="digest"]')).toBeChecked();
	await prefs.locator('input[name="mentioned"][value="in_app"]').check();
	await prefs.getByRole('button').click();
	await expect(p.locator('#preferences [role="status"]')).toBeVisible();
	expect(await (await p.request.get(url)).json()).toMatchObject({
		returned: 'digest',
		mentioned: 'in_app'
	});
	await expectAccessible(p);
	await p.goto('/es/notifications');
	await expect(p.locator('#prefs-h')).toHaveText('Cómo se le avisa');
	await expectAccessible(p);
	await ctx.close();
});
