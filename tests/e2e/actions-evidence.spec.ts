// The evidence library: every link, filtered; evidence added to an article.
import { test, expect } from './api-test';
import { createUser, expectAccessible, signIn } from './helpers';

const run = Date.now().toString(36);

test('a coordinator adds evidence to an article and finds it in the library', async ({
	page,
	request
}) => {
	const email = `library-${run}@example.org`;
	await createUser(request, {
		email,
		name: 'Lina Library',
		password: 'library-password-1',
		role: 'coordinator',
		countries: ['SLV']
	});
	await signIn(page, email, 'library-password-1');
	await page.goto('/evidence');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evidence library');
	await expectAccessible(page);

	const form = page.getByRole('form', { name: 'Add evidence to an article' });
	await form.getByLabel('Article').selectOption('4');
	await form.getByLabel('Link (URL)').fill('data:text/html,<script>alert(1)</script>');
	await form.getByLabel('Title').fill(`Transit protection report ${run}`);
	await form.getByRole('button', { name: 'Add the link' }).click();
	await expect(page.locator('#a-url-error')).toContainText('javascript: or data:');
	await expect(form.getByLabel('Title')).toHaveValue(`Transit protection report ${run}`);
	await expectAccessible(page);

	await form.getByLabel('Link (URL)').fill(`https://example.org/reports/${run}?utm_source=x`);
	await form.getByLabel('Kind').selectOption('report');
	await form.getByRole('button', { name: 'Add the link' }).click();
	await expect(page.getByRole('status').first()).toHaveText('The evidence link was added.');
	await expect(page).toHaveURL(/article=4/);
	const link = page.getByRole('link', { name: new RegExp(`Transit protection report ${run}`) });
	await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
	await expect(link).toHaveAttribute('target', '_blank');
	await expect(page.getByRole('row', { name: new RegExp(run) })).toContainText('Article 4');

	await page.goto('/evidence');
	await page.getByLabel('Search titles, links and notes').fill(run);
	await page.getByLabel('Kind').first().selectOption('report');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page.getByText('1 link found')).toBeVisible();
	await page.goto(`/evidence?q=${run}&kind=law`);
	await expect(page.getByText('0 links found')).toBeVisible();
});
