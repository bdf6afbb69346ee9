// Spanish, English and French throughout (issue 6): every page of the tour in each language with
// no English left but the marked, untranslated declaration text, and the translations admin form.
import { test, expect } from './api-test';
import { signIn, expectAccessible } from './helpers';
import {
	expectInLanguage,
	freshContext,
	i18nData,
	LANGS,
	msg,
	PREFIX,
	reader,
	stamp
} from './i18n-setup';

i18nData();

test.describe('the tour in each language', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page);
	});

	for (const lang of LANGS) {
		test(`overview and article page in ${lang}`, async ({ page }) => {
			await page.goto(`${PREFIX[lang]}/`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			const heading = {
				en: 'The 18 commitments',
				es: 'Los 18 compromisos',
				fr: 'Les 18 engagements'
			};
			await expect(page.getByRole('heading', { name: heading[lang] })).toBeVisible();
			const card = page.locator('.article-card').nth(12);
			const share = {
				en: /\d+% completed/,
				es: /\d+[\u00a0\u202f]% completadas/,
				fr: /\d+[\u00a0\u202f]% terminées/
			};
			await expect(card).toContainText(share[lang]);
			const members = { en: 'Belize', es: 'Belice', fr: 'Belize' };
			await expect(
				page.getByRole('link', { name: members[lang], exact: true }).first()
			).toBeVisible();
			if (lang !== 'en') {
				// The declaration's title stays English until an official translation exists: marked.
				await expect(page.locator('h1')).toHaveAttribute('lang', 'en');
				await expect(page.locator('.untranslated-marker').first()).toBeVisible();
			}
			await expectInLanguage(page, lang);
			await expectAccessible(page);

			await page.goto(`${PREFIX[lang]}/articles/13`);
			const title = {
				en: 'Better migration statistics',
				es: 'Mejores estadísticas sobre migración',
				fr: 'De meilleures statistiques sur les migrations'
			};
			await expect(page.getByRole('heading', { level: 1 })).toContainText(
				lang === 'fr' ? /statistiques/ : title[lang]
			);
			const text = page.locator('.article-text blockquote');
			if (lang === 'en') {
				await expect(page.locator('.untranslated-marker')).toHaveCount(0);
			} else {
				await expect(text).toHaveAttribute('lang', 'en');
				await expect(page.locator('.article-text .untranslated-marker')).toHaveText(
					lang === 'es'
						? 'Aún sin traducir: se muestra en inglés'
						: 'Pas encore traduit : affiché en anglais'
				);
				const sdg = { es: 'ODS 17.18', fr: 'ODD 17.18' };
				await expect(page.getByText(sdg[lang], { exact: true })).toBeVisible();
			}
			await expectInLanguage(page, lang);
			await expectAccessible(page);
		});
	}

	for (const lang of LANGS) {
		test(`actions list, an action form with an error, an indicator chart in ${lang}`, async ({
			page
		}) => {
			await page.goto(`${PREFIX[lang]}/actions`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				msg('actions', 'actions_title', lang)
			);
			await expect(page.getByText(`Encuesta nacional de migración ${stamp}`)).toBeVisible();
			await expectInLanguage(page, lang);

			await page.goto(`${PREFIX[lang]}/actions/new`, { waitUntil: 'networkidle' });
			await page
				.locator('[required]')
				.evaluateAll((els) => els.forEach((el) => el.removeAttribute('required')));
			await page.locator('form button[type=submit]').last().click();
			await expect(page.locator('#title-error')).toHaveText(
				msg('actions', 'actions_err_title_required', lang)
			);
			await expect(page.locator('#title')).toHaveAttribute('aria-invalid', 'true');
			await expectInLanguage(page, lang);

			await page.goto(`${PREFIX[lang]}/indicators/10.c.1?country=BLZ`);
			await expect(page.locator('canvas').first()).toBeVisible();
			const quarter = { en: 'Q3 2022', es: 'T3 2022', fr: 'T3 2022' };
			const value = { en: '5.75%', es: '5,75\u00a0%', fr: '5,75\u202f%' };
			const table = page.locator('table').filter({ hasText: quarter[lang] }).first();
			await expect(table).toBeVisible();
			await expect(table).toContainText(/5[.,]75[\u00a0\u202f]?%/);
			const cellText = (await table.textContent()) ?? '';
			expect(cellText.replace(/[\u00a0\u202f]/g, ' ')).toContain(
				value[lang].replace(/[\u00a0\u202f]/g, ' ')
			);
			await expectInLanguage(page, lang);
		});
	}

	test('validation and sign-in errors in the page language', async ({ browser }) => {
		for (const [lang, wrong, required] of [
			['es', 'El correo electrónico o la contraseña no son correctos.', 'Escriba su contraseña.'],
			[
				'fr',
				'L’adresse courriel ou le mot de passe est incorrect.',
				'Saisissez votre mot de passe.'
			]
		] as const) {
			const ctx = await freshContext(browser, 'en-US');
			const page = await ctx.newPage();
			await page.goto(`/${lang}/signin`, { waitUntil: 'networkidle' });
			await page.locator('#email').fill(reader.email);
			await page.locator('#password').fill('not-the-password');
			await page.locator('button[type=submit]').click();
			await expect(page.getByRole('alert')).toContainText(wrong);
			// Past the browser's own check, the server's message comes in the same language.
			await page.locator('#password').evaluate((el) => el.removeAttribute('required'));
			await page.locator('#password').fill('');
			await page.locator('button[type=submit]').click();
			await expect(page.locator('#password-error')).toHaveText(required);
			await expect(page.locator('#password')).toHaveAttribute('aria-invalid', 'true');
			await expectInLanguage(page, lang);
			await ctx.close();
		}
	});
});

test.describe('translations entered by the secretariat', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page);
	});

	test('an admin enters the Spanish text of an article beside the English; the marker goes', async ({
		page
	}) => {
		await page.goto('/es/translations');
		await expectInLanguage(page, 'es');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Editar traducciones: Artículo 18' }).click();
		await expect(page).toHaveURL(/\/es\/translations\/articles\/18$/);
		await expect(page.getByText('Original en inglés').first()).toBeVisible();
		await expectAccessible(page);
		const spanishText = page.getByLabel('Texto en español');
		await spanishText.fill('x'.repeat(20_001));
		await page.getByRole('button', { name: 'Guardar traducciones' }).click();
		await expect(page.locator('#es-text-error')).toHaveText('Use como máximo 20.000 caracteres.');
		await expectInLanguage(page, 'es');

		const official = `Texto oficial de prueba del artículo 18 (${stamp}).`;
		await spanishText.fill(official);
		await page.getByRole('button', { name: 'Guardar traducciones' }).click();
		await expect(page.getByRole('status')).toHaveText('Traducciones guardadas.');
		await page.goto('/es/articles/18');
		await expect(page.locator('.article-text blockquote')).toHaveText(official);
		await expect(page.locator('.article-text .untranslated-marker')).toHaveCount(0);
		await page.goto('/fr/articles/18');
		await expect(page.locator('.article-text .untranslated-marker')).toBeVisible();
	});

	test('two admins saving the same item: the second gets a conflict, in French', async ({
		page,
		browser
	}) => {
		await page.goto('/fr/translations/indicators/10.7.4', { waitUntil: 'networkidle' });
		const other = await browser.newContext({ locale: 'en-US' });
		const second = await other.newPage();
		await signIn(second);
		await second.goto('/fr/translations/indicators/10.7.4', { waitUntil: 'networkidle' });

		const name = page.getByLabel('Nom en français');
		const saved = await name.inputValue();
		await name.fill(`${saved} (A)`);
		await page.getByRole('button', { name: 'Enregistrer les traductions' }).click();
		await expect(page.getByRole('status')).toHaveText('Traductions enregistrées.');

		await second.getByLabel('Nom en français').fill(`${saved} (B)`);
		await second.getByRole('button', { name: 'Enregistrer les traductions' }).click();
		await expect(second.getByRole('alert')).toContainText('Quelqu’un d’autre a enregistré');
		await expect(second.getByLabel('Nom en français')).toHaveValue(`${saved} (B)`);
		await expect(second.locator('#fr-name-current')).toContainText(`${saved} (A)`);
		await expectInLanguage(second, 'fr');
		// Saving again now starts from the current version and succeeds.
		await second.getByLabel('Nom en français').fill(saved);
		await second.getByRole('button', { name: 'Enregistrer les traductions' }).click();
		await expect(second.getByRole('status')).toHaveText('Traductions enregistrées.');
		await other.close();
	});

	test('the translation pages are for admins only, refused in the reader’s language', async ({
		browser
	}) => {
		const ctx = await freshContext(browser, 'en-US');
		const page = await ctx.newPage();
		await signIn(page, reader.email, reader.password);
		const res = await page.goto('/es/translations');
		expect(res?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('No puede abrir esta página');
		await expectInLanguage(page, 'es');
		await ctx.close();
	});
});
