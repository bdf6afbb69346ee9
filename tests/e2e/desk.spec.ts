// Issue 17, the daily desk: a coordinator lands on My work and finds a returned action with
// its comment; the review queue answers the diff of an edited validated action; a round's
// completeness for Mexico moves when Mexico updates an action; pages are axe-clean, 1280 and
// 360 px wide.
import { test, expect } from './api-test';
import { apiSignIn, baseOrigin, createUser, expectAccessibleNarrow, signIn } from './helpers';

const COORD = {
	email: 'desk.mex@example.org',
	name: 'Desk Mexico',
	password: 'desk-coordinator-pass-1',
	role: 'coordinator' as const,
	countries: ['MEX']
};

test('My work, review diffs, rounds and the bell', async ({ page, browser }) => {
	await createUser(page.request, COORD);
	const coord = await browser.newContext({ baseURL: baseOrigin() });
	const cp = await coord.newPage();
	await apiSignIn(cp.request, COORD.email, COORD.password);
	const h = { origin: baseOrigin() };
	// The coordinator creates and submits an action; the admin returns it with a comment.
	const created = await cp.request.post('/api/v1/actions', {
		headers: h,
		data: { title: 'Desk test action', country: 'MEX', articles: [3] }
	});
	expect(created.status()).toBe(201);
	const a = await created.json();
	expect((await cp.request.post(`/api/v1/actions/${a.id}/submit`, { headers: h })).status()).toBe(
		200
	);
	await apiSignIn(page.request);
	const ret = await page.request.post(`/api/v1/actions/${a.id}/return`, {
		headers: h,
		data: { comment: 'Name the lead agency' }
	});
	expect(ret.status()).toBe(200);

	const work = await (await cp.request.get('/api/v1/me/work')).json();
	expect(work.returned.items).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ id: String(a.id), comment: 'Name the lead agency' })
		])
	);
	const notes = await (await cp.request.get('/api/v1/notifications')).json();
	expect(notes.unread).toBeGreaterThan(0);

	// The page after sign-in is My work, with the returned action and its comment.
	await coord.clearCookies();
	await signIn(cp, COORD.email, COORD.password);
	await expect(cp).toHaveURL(/\/work$/);
	await expect(cp.locator('#returned')).toContainText('Name the lead agency');
	await expectAccessibleNarrow(cp);

	// Validated, then edited: the queue shows the change of the title.
	await cp.request.post(`/api/v1/actions/${a.id}/submit`, { headers: h });
	const v = await (
		await page.request.post(`/api/v1/actions/${a.id}/validate`, { headers: h })
	).json();
	const patch = await cp.request.patch(`/api/v1/actions/${a.id}`, {
		headers: h,
		data: { version: v.version, title: 'Desk test action, edited' }
	});
	expect(patch.status()).toBe(200);
	const queue = await (await page.request.get('/api/v1/review?country=MEX&type=action')).json();
	const item = queue.items.find((i: { id: string }) => i.id === String(a.id));
	expect(item.submittedBy.name).toBe(COORD.name);
	expect(item.changes).toContainEqual({
		field: 'title',
		before: 'Desk test action',
		after: 'Desk test action, edited'
	});

	// The queue page shows the diff; a bulk return without a comment is refused.
	await page.goto('/review?country=MEX&type=action');
	await expect(page.locator('#changes')).toContainText('Desk test action, edited');
	await expect(page.locator('#changes')).toContainText(`Submitted by ${COORD.name}`);
	await expectAccessibleNarrow(page);

	// A round; Mexico's completeness moves when Mexico updates an action of article 3.
	const today = new Date().toISOString().slice(0, 10);
	const round = await page.request.post('/api/v1/rounds', {
		headers: h,
		data: { name: 'Vice-Ministerial meeting 2027', opensOn: today, dueOn: today, articles: [3, 4] }
	});
	expect(round.status()).toBe(201);
	const r = await round.json();
	const comp = await (await page.request.get(`/api/v1/rounds/${r.id}/completeness`)).json();
	const mex = comp.items.find((i: { country: string }) => i.country === 'MEX');
	expect(mex.articles).toEqual({ updated: 1, total: 2 });

	await page.goto(`/rounds/${r.id}`);
	await expect(page.locator('tr[data-iso3="MEX"]')).toContainText('1 / 2');
	await expectAccessibleNarrow(page);
	await page.goto('/work');
	await expectAccessibleNarrow(page);
	await page.goto('/notifications');
	await expectAccessibleNarrow(page);
	await cp.goto('/notifications');
	await expect(cp.getByText('Name the lead agency').first()).toBeVisible();
	await expectAccessibleNarrow(cp);
	await coord.close();
});
