// Issue 17 §3: a comment thread on an observation group (an indicator's values of a country),
// by API and on the indicator page; the coordinator of another country is told it is not there.
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, createUser, expectAccessible, signIn } from './helpers';

const COORD = {
	email: 'desk.comments.mex@example.org',
	name: 'Comments Mexico',
	password: 'desk-comments-pass-1',
	role: 'coordinator' as const,
	countries: ['MEX']
};
const OTHER = { ...COORD, email: 'desk.comments.gtm@example.org', countries: ['GTM'] };

test('comments on an observation group', async ({ page, browser }) => {
	await createUser(page.request, COORD);
	await createUser(page.request, OTHER);
	const h = { origin: baseOrigin() };
	await apiSignIn(page.request);
	const url = '/api/v1/indicators/10.c.1/comments?country=MEX';
	const posted = await page.request.post(url, {
		headers: h,
		data: { body: '@Comments please add the 2024 source.' }
	});
	expect(posted.status()).toBe(201);
	const c = await posted.json();
	expect(c.author.name).toBeTruthy();
	const list = await (await page.request.get(url)).json();
	expect(list.items.map((i: { id: number }) => i.id)).toContain(c.id);
	const empty = await page.request.post(url, { headers: h, data: { body: ' ' } });
	expect(empty.status()).toBe(422);
	expect((await page.request.get('/api/v1/indicators/no.such/comments')).status()).toBe(404);

	const other = await browser.newContext({ baseURL: baseOrigin() });
	await apiSignIn(other.request, OTHER.email, OTHER.password);
	expect((await other.request.get(url)).status()).toBe(404);
	await other.close();

	// The coordinator was mentioned, reads the thread on the page and answers there.
	const coord = await browser.newContext({ baseURL: baseOrigin() });
	const cp = await coord.newPage();
	await signIn(cp, COORD.email, COORD.password);
	const notes = await (await cp.request.get('/api/v1/notifications')).json();
	expect(notes.items[0]).toMatchObject({ kind: 'mentioned' });
	await cp.goto('/indicators/10.c.1?country=MEX');
	const thread = cp.locator('#comments');
	await expect(thread).toContainText('please add the 2024 source');
	await expectAccessible(cp);
	await thread.getByRole('button').click();
	await expect(cp.locator('#comment-body-error, #comments .error')).toBeVisible();
	await cp.locator('#comment-body').fill('Added: the national survey.');
	await cp.locator('#comments').getByRole('button').click();
	await expect(cp).toHaveURL(/#comments$/);
	await expect(cp.locator('#comments')).toContainText('Added: the national survey.');

	// The same thread on an action's page.
	const created = await cp.request.post('/api/v1/actions', {
		headers: h,
		data: { title: 'Comment thread action', country: 'MEX', articles: [2] }
	});
	const a = await created.json();
	await cp.goto(`/actions/${a.id}`);
	await cp.locator('#comment-body').fill('Lead agency confirmed.');
	await cp.locator('#comments').getByRole('button').click();
	await expect(cp).toHaveURL(/#comments$/);
	await expect(cp.locator('#comments')).toContainText('Lead agency confirmed.');
	await expectAccessible(cp);
	const thread2 = await (await cp.request.get(`/api/v1/actions/${a.id}/comments`)).json();
	expect(thread2.items.map((i: { body: string }) => i.body)).toEqual(['Lead agency confirmed.']);
	await coord.close();
});
