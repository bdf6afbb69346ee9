// A long series (issue 20: light pages at any scale, by paging): a member state's chart of an
// indicator draws 60 periods at a time, says which, and pages back in time; the country page
// draws the latest 60 and links to the whole series. 70 annual values of a new indicator.
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, expectAccessible, signIn } from './helpers';

const stamp = Date.now().toString(36);
const CODE = `RCM-LONG-${stamp}`.toUpperCase().slice(0, 30);

test.beforeAll(async ({ request }) => {
	await apiSignIn(request);
	const headers = { origin: baseOrigin() };
	const created = await request.post('/api/v1/indicators', {
		headers,
		data: {
			code: CODE,
			name: `Long series ${stamp}`,
			unit: 'count',
			direction: 'increase',
			articles: [17]
		}
	});
	expect(created.status(), await created.text()).toBe(201);
	const observations = Array.from({ length: 70 }, (_, i) => ({
		country: 'GTM',
		period: String(1940 + i),
		value: 100 + i
	}));
	const posted = await request.post(`/api/v1/indicators/${CODE}/observations`, {
		headers,
		data: { observations }
	});
	expect([200, 201], await posted.text()).toContain(posted.status());
});

test('the chart draws 60 periods at a time and pages back in time', async ({ page }) => {
	await signIn(page);
	await page.goto(`/indicators/${CODE}?country=GTM`);
	const window = page.getByTestId('chart-window');
	await expect(window).toHaveText(/1950 to 2009: 60 of the 70 periods/);
	const table = page.locator('#chart-h ~ .card table').first();
	await expect(table.getByRole('rowheader', { name: '2009' })).toHaveCount(1);
	await expect(table.getByRole('rowheader', { name: '1949' })).toHaveCount(0);

	await page
		.getByRole('navigation', { name: 'Periods of the chart' })
		.getByRole('link', { name: '2' })
		.click();
	await expect(page).toHaveURL(/[?&]periods=2/);
	await expect(page).toHaveURL(/[?&]country=GTM/);
	await expect(window).toHaveText(/1940 to 1949: 10 of the 70 periods/);
	await expect(table.getByRole('rowheader', { name: '1940' })).toHaveCount(1);
	await expect(table.getByRole('rowheader', { name: '2009' })).toHaveCount(0);
	await expectAccessible(page);
});

test('the country page draws the latest 60 and links to the whole series', async ({ page }) => {
	await signIn(page);
	await page.goto('/countries/GTM');
	const card = page.getByRole('article').filter({ hasText: `Long series ${stamp}` });
	// The charts are paged by 12: find the page that has this indicator.
	for (let n = 2; (await card.count()) === 0 && n < 20; n++)
		await page.goto(`/countries/GTM?charts=${n}`);
	await expect(card).toContainText('The latest 60 of 70 periods, from 1950.');
	await card.getByRole('link', { name: `The whole ${CODE} series` }).click();
	await expect(page).toHaveURL(new RegExp(`/indicators/${CODE}\\?country=GTM`));
});
