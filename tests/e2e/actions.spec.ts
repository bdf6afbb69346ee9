// The "Done when" of issue 3, through the pages, as a new user would: a coordinator of
// Mexico records an action, two updates and an evidence link, finds it by a word of its
// description; Guatemala's coordinator and a viewer cannot change it; a javascript: link
// and a stale edit are refused and change nothing; every step is in the audit log.
import { type Browser, type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { createUser, expectAccessible, signIn } from './helpers';

const run = Date.now().toString(36);
const word = `zanahoria${run}`; // a word only this action's description contains
const title = `Remittance fee cap ${run}`;
const people = {
	mex: {
		email: `mex-${run}@example.org`,
		name: 'Marta Mexico',
		password: 'mexico-password-1',
		role: 'coordinator' as const,
		countries: ['MEX']
	},
	gtm: {
		email: `gtm-${run}@example.org`,
		name: 'Gabriel Guatemala',
		password: 'guatemala-password-1',
		role: 'coordinator' as const,
		countries: ['GTM']
	},
	viewer: {
		email: `viewer-${run}@example.org`,
		name: 'Vera Viewer',
		password: 'viewer-password-1',
		role: 'viewer' as const
	}
};

async function pageAs(browser: Browser, who?: { email: string; password: string }): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	if (who) await signIn(page, who.email, who.password);
	else await signIn(page);
	return page;
}

test.describe.configure({ mode: 'serial' });

let actionUrl = '';

test.beforeAll(async ({ request }) => {
	for (const p of Object.values(people)) await createUser(request, p);
});

test('a coordinator of Mexico creates an action for article 2 through the form', async ({
	browser
}) => {
	const page = await pageAs(browser, people.mex);
	await page.goto('/actions');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'New action' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New implementation action');
	await expectAccessible(page);

	// A form with mistakes: errors next to the fields, the typed values kept.
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Description').fill(`Capped fees; pilot called ${word}.`);
	await page.getByLabel('Start date').fill('2025-03-01');
	await page.getByLabel('Due date').fill('2025-02-01');
	await page.getByRole('button', { name: 'Create the action' }).click();
	await expect(page.getByText('Choose at least one article.')).toBeVisible();
	await expect(page.getByText('The due date cannot be before the start date.')).toBeVisible();
	await expect(page.getByLabel('Due date')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
	await expect(page.getByLabel('Description')).toHaveValue(`Capped fees; pilot called ${word}.`);
	await expectAccessible(page);

	// Mexico is the only country this coordinator may choose (besides Regional).
	const options = await page
		.getByLabel('Country')
		.locator('option:not([disabled])')
		.allTextContents();
	expect(options).toEqual(['Regional (RCM-wide)', 'Mexico']);

	await page.getByLabel('Due date').fill('2026-12-31');
	await page.getByLabel('Country').selectOption('MEX');
	await page.getByRole('checkbox', { name: /^2\. / }).check();
	await page.getByLabel('Lead agency').fill('Ministry of Finance');
	await page.getByRole('button', { name: 'Create the action' }).click();

	await expect(page).toHaveURL(/\/actions\/\d+\?saved=created/);
	await expect(page.getByRole('status')).toHaveText('The action was created.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('Draft').first()).toBeVisible();
	actionUrl = new URL(page.url()).pathname;
	await expectAccessible(page);
	await page.context().close();
});

test('two progress updates and an evidence link; a javascript: link is refused', async ({
	browser
}) => {
	const page = await pageAs(browser, people.mex);
	await page.goto(actionUrl);
	const timeline = page.locator('ol.timeline > li');
	await expect(timeline).toHaveCount(1); // the action's first point, recorded on creation

	await page.getByLabel('Date', { exact: true }).fill('2025-04-10');
	await page.getByLabel('What happened').fill('Agreement signed with the development bank.');
	await page.getByLabel('New status (optional)').selectOption('in_progress');
	await page.getByLabel('New percent complete (optional)').fill('30');
	await page.getByRole('button', { name: 'Add the update' }).click();
	await expect(page.getByRole('status')).toHaveText('The update was added to the timeline.');

	await page.getByLabel('Date', { exact: true }).fill('2025-06-20');
	await page.getByLabel('What happened').fill('First transfers at the capped fee.');
	await page.getByLabel('New percent complete (optional)').fill('45');
	await page.getByRole('button', { name: 'Add the update' }).click();
	await expect(timeline).toHaveCount(3);
	// Newest date first: the action was recorded today, the reports are dated 2025.
	await expect(timeline.nth(1)).toContainText('First transfers at the capped fee.');
	await expect(timeline.nth(1)).toContainText('Marta Mexico wrote on');
	await expect(timeline.nth(2)).toContainText('Agreement signed with the development bank.');
	// The action follows its latest update.
	await expect(page.locator('.details')).toContainText('45%');
	await expect(page.locator('main header.head .badge').first()).toContainText('In progress');

	// An empty note: the error sits next to the field.
	await page.getByRole('button', { name: 'Add the update' }).click();
	await expect(page.locator('#u-note-error')).toHaveText('Write what happened.');
	await expect(timeline).toHaveCount(3);

	// A javascript: link is refused with a clear message, and nothing is added.
	const evidence = page.locator('.evidence-item');
	const before = await evidence.count();
	await page.getByLabel('Link (URL)').fill('javascript:alert(document.cookie)');
	await page.getByLabel('Title', { exact: true }).fill('Sneaky');
	await page.getByRole('button', { name: 'Add the link' }).click();
	await expect(page.locator('#e-url-error')).toContainText(
		'Only web links starting with http:// or https:// are accepted'
	);
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Sneaky');
	await expect(evidence).toHaveCount(before);
	await expectAccessible(page);

	await page.getByLabel('Link (URL)').fill('https://www.dof.gob.mx/nota_detalle.php?codigo=1');
	await page.getByLabel('Title', { exact: true }).fill('Decree on remittance fees');
	await page.getByLabel('Kind').selectOption('law');
	await page.getByRole('button', { name: 'Add the link' }).click();
	await expect(page.getByRole('status')).toHaveText('The evidence link was added.');
	const link = page.getByRole('link', { name: /Decree on remittance fees/ });
	await expect(link).toHaveAttribute('target', '_blank');
	await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

	// The same link again (typed differently) is a duplicate.
	await page.getByLabel('Link (URL)').fill('HTTPS://WWW.DOF.GOB.MX/nota_detalle.php?codigo=1#top');
	await page.getByLabel('Title', { exact: true }).fill('Same decree');
	await page.getByRole('button', { name: 'Add the link' }).click();
	await expect(page.getByRole('alert')).toContainText('already recorded on this item');
	await expect(evidence).toHaveCount(before + 1);
	await page.context().close();
});

test('the action is found by a word of its description, and on the article page', async ({
	browser
}) => {
	const page = await pageAs(browser, people.mex);
	await page.goto('/actions');
	await page.getByLabel('Search').fill(word.toUpperCase());
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByTestId('actions-found')).toHaveText('1 action found');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	// Words of update notes count too; a stray quote is just a character.
	await page.goto(`/actions?q=${encodeURIComponent('"capped fee')}`);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await page.goto('/articles/2');
	await expect(
		page.getByRole('region', { name: 'Implementation actions' }).getByRole('link', { name: title })
	).toBeVisible();
	// CSV export of the filtered list.
	const csv = await page.request.get(`/actions/export.csv?q=${word}`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text.split('\r\n')[1]).toContain(title);
	expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
	await page.context().close();
});

test('Guatemala cannot change it and a viewer cannot create one (403)', async ({ browser }) => {
	const gtm = await pageAs(browser, people.gtm);
	const id = actionUrl.split('/').pop();
	const edit = await gtm.goto(`${actionUrl}/edit`);
	expect(edit?.status()).toBe(403);
	const patch = await gtm.request.patch(`/api/v1/actions/${id}`, {
		data: { version: 1, title: 'Hijacked' }
	});
	expect(patch.status()).toBe(403);
	await gtm.context().close();

	const viewer = await pageAs(browser, people.viewer);
	const create = await viewer.goto('/actions/new');
	expect(create?.status()).toBe(403);
	await viewer.goto('/actions');
	await expect(viewer.getByRole('link', { name: 'New action' })).toHaveCount(0);
	const post = await viewer.request.post('/api/v1/actions', {
		data: { title: 'Viewer action', country: 'MEX', articles: [2] }
	});
	expect(post.status()).toBe(403);
	// The viewer reads the action, without edit controls.
	await viewer.goto(actionUrl);
	await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(viewer.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
	await viewer.context().close();
});

test('a stale edit is refused with what changed, and overwrites nothing', async ({ browser }) => {
	const mine = await pageAs(browser, people.mex);
	const theirs = await pageAs(browser); // the secretariat
	await mine.goto(`${actionUrl}/edit`);
	await theirs.goto(`${actionUrl}/edit`);
	await expectAccessible(mine);

	await theirs.getByLabel('Lead agency').fill('Central Bank of Mexico');
	await theirs.getByRole('button', { name: 'Save changes' }).click();
	await expect(theirs.getByRole('status')).toHaveText('Your changes were saved.');

	await mine.getByLabel('Title', { exact: true }).fill(`${title} (mine)`);
	await mine.getByRole('button', { name: 'Save changes' }).click();
	const alert = mine.getByRole('alert');
	await expect(alert).toContainText('Someone else saved this action first');
	await expect(alert).toContainText('Ana Secretariat');
	await expect(alert.getByRole('row', { name: /Lead agency/ })).toContainText(
		'Central Bank of Mexico'
	);
	await expect(mine.getByLabel('Title', { exact: true })).toHaveValue(`${title} (mine)`);
	await expectAccessible(mine);

	// Nothing of the stale edit was written.
	await theirs.goto(actionUrl);
	await expect(theirs.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(theirs.locator('.details')).toContainText('Central Bank of Mexico');
	await mine.context().close();
	await theirs.context().close();
});

test('submit, return with a comment, resubmit and validate through the buttons', async ({
	browser
}) => {
	const coord = await pageAs(browser, people.mex);
	await coord.goto(actionUrl);
	await coord.getByRole('button', { name: 'Submit for validation' }).click();
	await expect(coord.getByRole('status')).toHaveText(
		'The action was sent to the secretariat for validation.'
	);
	const admin = await pageAs(browser);
	await admin.goto('/review');
	await expectAccessible(admin);
	const awaiting = admin.getByRole('region', { name: 'Actions awaiting validation' });
	await awaiting.getByRole('link', { name: title }).click();
	await admin.getByRole('button', { name: 'Return with a comment' }).click();
	await expect(admin.locator('#return-comment-error')).toHaveText(
		'Write a comment for the coordinators.'
	);
	await admin.getByLabel('Comment for the coordinators').fill('Add the decree number.');
	await admin.getByRole('button', { name: 'Return with a comment' }).click();
	await expect(admin.getByRole('status')).toHaveText(
		'The action was returned to its coordinators.'
	);

	await coord.goto('/review');
	await expect(
		coord.getByRole('region', { name: 'Actions returned to coordinators' })
	).toContainText('Add the decree number.');
	await coord.goto(actionUrl);
	await expect(
		coord.getByText('Returned by the secretariat: Add the decree number.')
	).toBeVisible();
	await coord.getByRole('button', { name: 'Submit for validation' }).click();
	await admin.goto(actionUrl);
	await admin.getByRole('button', { name: 'Validate' }).click();
	await expect(admin.getByRole('status')).toHaveText(
		'The action was validated. Shared pages now show this version.'
	);
	await expect(admin.locator('main header.head')).toContainText('Validated');
	await coord.context().close();
	await admin.context().close();
});

test('every step is in the audit log and in the action’s history', async ({ browser }) => {
	const admin = await pageAs(browser);
	const id = actionUrl.split('/').pop()!;
	await admin.goto(`/audit?entity=action&id=${id}`);
	await expectAccessible(admin);
	const rows = admin.locator('tbody tr');
	const ops = (await rows.locator('td:nth-child(4)').allTextContents()).map((s) => s.trim());
	expect(ops.reverse()).toEqual([
		'Created',
		'Changed',
		'Changed',
		'Changed',
		'Submitted',
		'Returned',
		'Submitted',
		'Validated'
	]);
	await expect(rows.last()).toContainText('Marta Mexico');
	await rows.first().getByText('Before and after').click();
	await expect(rows.first().locator('pre').first()).toContainText('"reviewState": "submitted"');

	const api = await admin.request.get(`/api/v1/audit?entity=action_update`);
	const notes = (await api.json()).items.map((e: { after: { note: string } }) => e.after.note);
	expect(notes).toEqual(
		expect.arrayContaining([
			'Agreement signed with the development bank.',
			'First transfers at the capped fee.'
		])
	);
	const ev = await admin.request.get(`/api/v1/audit?entity=evidence`);
	expect(JSON.stringify(await ev.json())).toContain('Decree on remittance fees');
	// Refused attempts wrote nothing: no "Hijacked", no "(mine)", no javascript: link.
	const all = JSON.stringify(await (await admin.request.get('/api/v1/audit?limit=500')).json());
	expect(all).not.toContain('Hijacked');
	expect(all).not.toContain(`${title} (mine)`);
	expect(all).not.toContain('javascript:');

	await admin.goto(actionUrl);
	const history = admin.getByRole('region', { name: 'History' });
	await expect(history.getByRole('row')).toHaveCount(1 + 8 + 2 + 1); // header, action, updates, evidence
	await admin.context().close();
});
