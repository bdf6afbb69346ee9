// Issue 17 §6, two-level approval: an admin switches national approval on for Guatemala on
// the users page; a Guatemalan coordinator's submission then waits for Guatemala's focal
// point, who validates it in the review queue; only then does the secretariat see it in its
// queue, marked "Approved nationally by …", and the secretariat is notified. The focal point's
// My work lists what waits for them; the coordinator's says where it waits. Pages are
// axe-clean, 1280 and 360 px wide. The setting is switched off again at the end (the other
// specs share the database).
import { test, expect } from './api-test';
import {
	apiSignIn,
	baseOrigin,
	createUser,
	expectAccessible,
	expectAccessibleNarrow,
	signIn
} from './helpers';

const RUN = Date.now().toString(36);
const COORD = {
	email: `focal-coord-${RUN}@example.org`,
	name: 'Gloria Coordinadora',
	password: 'focal-coordinator-pass-1',
	role: 'coordinator' as const,
	countries: ['GTM']
};
const FOCAL = {
	email: `focal-point-${RUN}@example.org`,
	name: 'Fernando Focal',
	password: 'focal-point-password-1',
	role: 'focal_point' as const,
	countries: ['GTM']
};

test.afterAll(async ({ playwright }) => {
	const admin = await playwright.request.newContext({ baseURL: baseOrigin() });
	await apiSignIn(admin);
	await admin.put('/api/v1/countries/GTM/approval', {
		headers: { origin: baseOrigin() },
		data: { nationalApproval: false }
	});
	await admin.dispose();
});

test('national approval: the focal point validates before the secretariat', async ({
	page,
	browser
}) => {
	await createUser(page.request, COORD);
	await createUser(page.request, FOCAL);
	const h = { origin: baseOrigin() };

	// The admin switches national approval on for Guatemala, after a confirmation step.
	await signIn(page);
	await page.goto('/users#national');
	const row = page.locator('#national tr[data-country="GTM"]');
	await expect(row).toContainText('Off');
	await expect(row).toContainText(FOCAL.name);
	await row.locator('summary').click();
	await expect(row).toContainText('Switch national approval on for');
	await expectAccessible(page);
	await row.getByRole('button', { name: 'Yes, change it' }).click();
	await expect(page.locator('#national [role="status"]')).toContainText(
		'National approval is now On'
	);
	await expect(page.locator('#national tr[data-country="GTM"]')).toContainText('On');
	await expectAccessible(page);
	const setting = await (await page.request.get('/api/v1/countries/GTM/approval')).json();
	expect(setting).toEqual({ country: 'GTM', nationalApproval: true });

	// The Guatemalan coordinator submits an action.
	const coord = await browser.newContext({ baseURL: baseOrigin() });
	await apiSignIn(coord.request, COORD.email, COORD.password);
	const title = `Consular ID card ${RUN}`;
	const created = await coord.request.post('/api/v1/actions', {
		headers: h,
		data: { title, country: 'GTM', articles: [3] }
	});
	expect(created.status()).toBe(201);
	const a = await created.json();
	const submitted = await coord.request.post(`/api/v1/actions/${a.id}/submit`, { headers: h });
	expect(submitted.status()).toBe(200);
	// The coordinator's My work says it is with the national focal point.
	const coordWork = await (await coord.request.get('/api/v1/me/work')).json();
	expect(coordWork.submitted.items).toContainEqual(
		expect.objectContaining({ id: String(a.id), waitingFor: 'national' })
	);
	const cp = await coord.newPage();
	await cp.goto('/work');
	await expect(cp.locator('#submitted li', { hasText: title })).toContainText(
		'with the national focal point'
	);
	await expectAccessibleNarrow(cp);

	// Not in the secretariat's queue yet; its validate is refused.
	const ids = async () =>
		(await (await page.request.get('/api/v1/review?country=GTM&type=action')).json()).items.map(
			(i: { id: string }) => i.id
		);
	expect(await ids()).not.toContain(String(a.id));
	const early = await page.request.post(`/api/v1/actions/${a.id}/validate`, { headers: h });
	expect(early.status()).toBe(409);

	// The focal point lands on My work, finds it in the review queue and validates it.
	const focal = await browser.newContext({ baseURL: baseOrigin() });
	const fp = await focal.newPage();
	await signIn(fp, FOCAL.email, FOCAL.password);
	await expect(fp).toHaveURL(/\/work$/);
	// My work: the list of what waits for their national approval, with a link to their queue.
	const work = await (await fp.request.get('/api/v1/me/work')).json();
	expect(work.awaitingNationalApproval.href).toBe('/review?country=GTM');
	expect(work.awaitingNationalApproval.count).toBeGreaterThan(0);
	expect(work.awaitingNationalApproval.items).toContainEqual(
		expect.objectContaining({ type: 'action', id: String(a.id), country: 'GTM' })
	);
	await expect(fp.locator('#national')).toContainText(title);
	await expect(fp.locator('#national h2')).toContainText('Waiting for your national approval');
	await expectAccessibleNarrow(fp);
	await fp
		.locator('#national')
		.getByRole('link', { name: 'Review them in the review queue' })
		.click();
	await expect(fp).toHaveURL(/\/review\?country=GTM$/);
	const notes = await (await fp.request.get('/api/v1/notifications')).json();
	expect(JSON.stringify(notes.items)).toContain('for national approval');
	await expect(fp.locator('h1 + p')).toContainText('wait for national approval');
	await expect(fp.locator('#changes')).toContainText(title);
	await expectAccessibleNarrow(fp);
	await fp.locator(`input[name="item"][value="action:${a.id}"]`).check();
	await fp.getByRole('button', { name: 'Validate the selection' }).click();
	await expect(fp.locator('#changes [role="status"]')).toContainText('1 done');
	await expect(fp.locator('#changes')).not.toContainText(title);
	await fp.goto('/work');
	await expect(fp.locator('#national')).not.toContainText(title);
	await expect(fp.locator('#submitted li', { hasText: title })).toContainText(
		'with the secretariat'
	);
	await focal.close();
	await cp.reload();
	await expect(cp.locator('#submitted li', { hasText: title })).toContainText(
		'with the secretariat'
	);
	await coord.close();

	// The secretariat is told: in the bell's list and on the notifications page.
	const told = await (await page.request.get('/api/v1/notifications')).json();
	expect(told.items).toContainEqual(
		expect.objectContaining({ kind: 'nationally_approved', link: `/actions/${a.id}` })
	);
	await page.goto('/notifications');
	const note = page.locator('li', { hasText: title }).first();
	await expect(note).toContainText(`${FOCAL.name} approved`);
	await expect(note).toContainText('it now waits for the secretariat');
	await expectAccessibleNarrow(page);

	// Now the secretariat sees it, approved nationally, and validates it as today.
	expect(await ids()).toContain(String(a.id));
	await page.goto('/review?country=GTM&type=action');
	const item = page.locator('#changes li', { hasText: title });
	await expect(item).toContainText(`Approved nationally by ${FOCAL.name}`);
	await expectAccessibleNarrow(page);
	await page.goto(`/actions/${a.id}`);
	await expect(page.getByTestId('nationally-approved')).toContainText(FOCAL.name);
	const done = await page.request.post(`/api/v1/actions/${a.id}/validate`, { headers: h });
	expect(done.status()).toBe(200);
	expect((await done.json()).reviewState).toBe('validated');

	// Values too: the focal point validates a submitted value one by one on the indicator page;
	// it moves on to the secretariat, who is told.
	const coord2 = await browser.newContext({ baseURL: baseOrigin() });
	await apiSignIn(coord2.request, COORD.email, COORD.password);
	const posted = await coord2.request.post('/api/v1/indicators/10.c.1/observations', {
		headers: h,
		data: { observations: [{ country: 'GTM', period: '2004', value: 7 + Math.random() }] }
	});
	expect(posted.status()).toBeLessThan(300);
	const [value] = (await posted.json()).items;
	const sent = await coord2.request.post(
		`/api/v1/indicators/10.c.1/observations/${value.id}/submit`,
		{ headers: h }
	);
	expect(sent.status()).toBe(200);
	await coord2.close();
	const focal2 = await browser.newContext({ baseURL: baseOrigin() });
	const fp2 = await focal2.newPage();
	await signIn(fp2, FOCAL.email, FOCAL.password);
	await fp2.goto('/indicators/10.c.1?country=GTM');
	const valueRow = fp2.locator(`#obs-${value.id}`);
	await expect(valueRow.getByRole('button', { name: /^Validate/ })).toBeVisible();
	await expectAccessible(fp2);
	await valueRow.getByRole('button', { name: /^Validate/ }).click();
	await expect(fp2.getByText('Approved nationally: it now waits')).toBeVisible();
	await expect(
		fp2.locator(`#obs-${value.id}`).getByRole('button', { name: /^Validate/ })
	).toHaveCount(0);
	await focal2.close();
	const toldOfValue = await (await page.request.get('/api/v1/notifications')).json();
	expect(toldOfValue.items).toContainEqual(
		expect.objectContaining({
			kind: 'nationally_approved',
			link: '/indicators/10.c.1?country=GTM#values'
		})
	);
});
