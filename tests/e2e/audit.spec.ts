// The audit log: admins browse and filter it; nobody else reads it.
import { test, expect } from './api-test';
import { createUser, expectAccessible, signIn } from './helpers';

const run = Date.now().toString(36);

test('admins filter the audit log by record type, user and operation', async ({
	page,
	request
}) => {
	const created = await createUser(request, {
		email: `audited-${run}@example.org`,
		name: 'Aldo Audited',
		password: 'audited-password-1',
		role: 'viewer'
	});
	await signIn(page);
	await page.goto('/audit');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
	await expectAccessible(page);
	await page.getByLabel('Record type').selectOption('user');
	await page.getByLabel('Record id').fill(created.id);
	await page.getByLabel('Operation').selectOption('create');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/entity=user/);
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Ana Secretariat');
	await expect(rows.first()).toContainText('Created');
	await rows.first().getByText('Before and after').click();
	await expect(rows.first().locator('pre')).toContainText(`audited-${run}@example.org`);
	await expect(rows.first().locator('pre')).not.toContainText('audited-password-1');
	await expectAccessible(page);

	// By the author's email, through the API.
	const byUser = await page.request.get(
		`/api/v1/audit?user=${encodeURIComponent('secretariat@example.org')}&entity=user`
	);
	expect(byUser.status()).toBe(200);
	const body = await byUser.json();
	expect(body.items.map((e: { entityId: string }) => e.entityId)).toContain(created.id);
	expect((await page.request.get('/api/v1/audit?from=yesterday')).status()).toBe(400);
});

test('coordinators and viewers cannot read the audit log', async ({ page, request }) => {
	await createUser(request, {
		email: `coord-audit-${run}@example.org`,
		name: 'Carla Coordinator',
		password: 'coord-password-1',
		role: 'coordinator',
		countries: ['CRI']
	});
	await signIn(page, `coord-audit-${run}@example.org`, 'coord-password-1');
	expect((await page.goto('/audit'))?.status()).toBe(403);
	expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
	await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
});
