// Spanish, English and French throughout (issue 6), tried as a new user would: the language
// from the URL, the saved choice and Accept-Language; the switcher; every page of the tour
// in each language with no English left but the marked, untranslated declaration text;
// local number formats; validation messages; the translations admin form.
// (the tour in each language and the translations form: i18n-tour.spec.ts)
import { test, expect } from './api-test';
import { signIn } from './helpers';
import { expectInLanguage, freshContext, i18nData, PREFIX, reader, sharedPath } from './i18n-setup';

i18nData();

// ---- the tests ------------------------------------------------------------------------------

test.describe('the language of a page', () => {
	test('Accept-Language picks Spanish or French; an explicit prefix or ?lang= wins', async ({
		browser
	}) => {
		const es = await freshContext(browser, 'es-MX');
		const p = await es.newPage();
		await p.goto('/signin');
		await expect(p).toHaveURL(/\/es\/signin$/);
		await expect(p.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
		await expectInLanguage(p, 'es');
		await p.goto('/fr/signin');
		await expect(p).toHaveURL(/\/fr\/signin$/);
		await expect(p.getByRole('heading', { level: 1 })).toHaveText('Connexion');
		await expectInLanguage(p, 'fr');
		await p.goto('/signin?lang=en');
		await expect(p).toHaveURL(/\/signin\?lang=en$/);
		await expect(p.locator('html')).toHaveAttribute('lang', 'en');
		await es.close();

		const fr = await freshContext(browser, 'fr-CA');
		const q = await fr.newPage();
		await q.goto('/signin');
		await expect(q).toHaveURL(/\/fr\/signin$/);
		await q.goto('/signin?lang=es');
		await expect(q).toHaveURL(/\/es\/signin$/);
		await fr.close();

		const en = await freshContext(browser, 'en-US');
		const r = await en.newPage();
		await r.goto('/signin');
		await expect(r).toHaveURL(/\/signin$/);
		await expect(r.locator('html')).toHaveAttribute('lang', 'en');
		await en.close();
	});

	test('the switcher keeps the page and remembers the choice, English included', async ({
		browser
	}) => {
		const ctx = await freshContext(browser, 'es-ES');
		const page = await ctx.newPage();
		await page.goto('/signin', { waitUntil: 'networkidle' });
		await expect(page).toHaveURL(/\/es\/signin/);
		await page.getByLabel('Correo electrónico').fill(reader.email);
		await page.getByLabel('Contraseña').fill(reader.password);
		await page.getByRole('button', { name: 'Iniciar sesión' }).click();
		await expect(page).toHaveURL(/\/es\/?$/);

		await page.goto('/es/articles/17?tab=x');
		await page
			.getByRole('navigation', { name: 'Idioma' })
			.getByRole('link', { name: 'Français' })
			.click();
		await expect(page).toHaveURL(/\/fr\/articles\/17\?tab=x$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Garanties procédurales et accès à la justice'
		);
		// The saved choice beats Accept-Language on unprefixed addresses.
		await page.goto('/countries');
		await expect(page).toHaveURL(/\/fr\/countries$/);

		await page
			.getByRole('navigation', { name: 'Langue' })
			.getByRole('link', { name: 'English' })
			.click();
		await expect(page).toHaveURL(/\/countries$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.goto('/');
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { name: 'The 18 commitments' })).toBeVisible();

		await page
			.getByRole('navigation', { name: 'Language' })
			.getByRole('link', { name: 'Français' })
			.click();
		await expect(page).toHaveURL(/\/fr\/?$/);
		await ctx.close();

		// A new device with no choice of its own: the account's language comes back at sign-in.
		const other = await freshContext(browser, 'en-US');
		const again = await other.newPage();
		await signIn(again, reader.email, reader.password);
		await expect(again).toHaveURL(/\/fr\/?$/);
		await expect(again.locator('html')).toHaveAttribute('lang', 'fr');
		await other.close();
	});
});

test.describe('a shared page', () => {
	test('opens in the language of the link, offers the switcher, and reads in each language', async ({
		browser
	}) => {
		const ctx = await freshContext(browser, 'fr-CA');
		const page = await ctx.newPage();
		// The link says Spanish: a French browser still gets Spanish.
		await page.goto(sharedPath);
		await expect(page).toHaveURL(/\/es\/s\//);
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expectInLanguage(page, 'es');
		const switcher = page.getByRole('navigation', { name: 'Idioma' });
		await switcher.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page).toHaveURL(/^[^?]*\/s\/[^/]+\/indicators\/10\.c\.1/);
		expect(new URL(page.url()).pathname.startsWith('/es/')).toBe(false);
		for (const lang of ['fr', 'es'] as const) {
			await page.goto(`${PREFIX[lang]}${sharedPath.replace(/\?lang=\w+$/, '')}`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.getByText(/T3 2022/).first()).toBeVisible();
			await expectInLanguage(page, lang);
		}
		await ctx.close();
	});
});
