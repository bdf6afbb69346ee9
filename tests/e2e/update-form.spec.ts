// The progress-update form (issue 12): it carries the action's version, so an update sent
// from a page that someone else changed meanwhile is refused with what changed; after a
// successful update its date field keeps today's date, so the next update goes through; and
// it accepts a date typed as the field shows it.
import { type Browser, type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { baseOrigin, createUser, expectAccessible, signIn } from './helpers';

const run = Date.now().toString(36);
const mex = {
	email: `upd-mex-${run}@example.org`,
	name: 'Ulises Update',
	password: 'mexico-password-1',
	role: 'coordinator' as const,
	countries: ['MEX']
};

async function pageAs(browser: Browser, who?: { email: string; password: string }): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	if (who) await signIn(page, who.email, who.password);
	else await signIn(page);
	return page;
}

let actionUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
	await createUser(request, mex);
});

test('two updates in a row keep today’s date; a typed day/month/year is accepted', async ({
	browser
}) => {
	const page = await pageAs(browser, mex);
	const res = await page.request.post('/api/v1/actions', {
		headers: { origin: baseOrigin() },
		data: {
			title: `Update form action ${run}`,
			country: 'MEX',
			articles: [4],
			leadAgency: 'Ministry of Labour'
		}
	});
	expect(res.status(), await res.text()).toBe(201);
	actionUrl = `/actions/${(await res.json()).id}`;
	await page.goto(actionUrl, { waitUntil: 'networkidle' });
	const timeline = page.locator('ol.timeline > li');
	await expect(timeline).toHaveCount(1);
	const today = new Date().toISOString().slice(0, 10);
	const date = page.getByLabel('Date', { exact: true });
	await expect(date).toHaveValue(today);

	await page.getByLabel('What happened').fill('First meeting held.');
	await page.getByRole('button', { name: 'Add the update' }).click();
	await expect(page.getByRole('status')).toHaveText('The update was added to the timeline.');
	await expect(timeline).toHaveCount(2);
	await expect(date).toHaveValue(today);
	await expect(page.getByLabel('What happened')).toHaveValue('');

	await page.getByLabel('What happened').fill('Second meeting held.');
	await page.getByLabel('New percent complete (optional)').fill('20');
	await page.getByRole('button', { name: 'Add the update' }).click();
	await expect(timeline).toHaveCount(3);
	await expect(page.locator('#u-date-error')).toHaveCount(0);
	await expect(date).toHaveValue(today);
	await expectAccessible(page);

	// A date typed the way a Spanish field shows it (day/month/year).
	const [y, m, d] = today.split('-');
	const typed = await page.request.post(`/es${actionUrl}?/update`, {
		headers: { origin: baseOrigin(), accept: 'application/json', 'x-sveltekit-action': 'true' },
		form: { date: `${d}/${m}/${y}`, note: 'Tercera reunión.', version: '' }
	});
	expect(typed.status()).toBe(200);
	expect((await typed.json()).type).toBe('redirect');
	await page.reload();
	await expect(timeline).toHaveCount(4);
	await page.context().close();
});

test('an update sent from a page someone changed meanwhile is refused with what changed', async ({
	browser
}) => {
	const mine = await pageAs(browser, mex);
	const theirs = await pageAs(browser); // the secretariat
	await mine.goto(actionUrl, { waitUntil: 'networkidle' });
	const timeline = mine.locator('ol.timeline > li');
	const before = await timeline.count();

	await theirs.goto(`${actionUrl}/edit`);
	await theirs.getByLabel('Lead agency').fill('Ministry of Foreign Affairs');
	await theirs.getByRole('button', { name: 'Save changes' }).click();
	await expect(theirs.getByRole('status')).toHaveText('Your changes were saved.');

	await mine.getByLabel('What happened').fill('Written on a stale page.');
	await mine.getByLabel('New status (optional)').selectOption('stalled');
	await mine.getByRole('button', { name: 'Add the update' }).click();
	const alert = mine.getByRole('alert');
	await expect(alert).toContainText('Someone else saved this action first');
	await expect(alert.getByRole('row', { name: /Lead agency/ })).toContainText(
		'Ministry of Foreign Affairs'
	);
	// The typed update is kept for sending again; nothing was written.
	await expect(mine.getByLabel('What happened')).toHaveValue('Written on a stale page.');
	await expectAccessible(mine);
	await mine.reload();
	await expect(timeline).toHaveCount(before);
	await expect(mine.locator('main header.head .badge').first()).not.toContainText('Stalled');
	await mine.context().close();
	await theirs.context().close();
});
