// Spanish, English and French throughout (issue 6), tried as a new user would: the language
// from the URL, the saved choice and Accept-Language; the switcher; every page of the tour
// in each language with no English left but the marked, untranslated declaration text;
// local number formats; validation messages; the translations admin form.
import { type Page, type Browser, type APIRequestContext } from '@playwright/test';
import { test, expect } from './api-test';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { signIn, apiSignIn, baseOrigin, expectAccessible } from './helpers';

type Lang = 'en' | 'es' | 'fr';
const PREFIX: Record<Lang, string> = { en: '', es: '/es', fr: '/fr' };
const LANGS: Lang[] = ['en', 'es', 'fr'];

// ---- English leftovers: every English message text whose translation differs ----------

function catalogFiles(dir = 'messages'): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...catalogFiles(p));
		else if (name === 'en.json') out.push(p);
	}
	return out;
}

function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	const found = JSON.stringify(value).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
	return found.map((s) => JSON.parse(s) as string).filter((s) => /\s/.test(s) || /[{]/.test(s));
}

/** Fragments of English UI text (≥ 5 letters, between placeholders) that must not show in `lang`. */
function englishFragments(lang: Exclude<Lang, 'en'>): string[] {
	const fragments = new Set<string>();
	const translated: string[] = [];
	for (const enFile of catalogFiles()) {
		const other = enFile.replace(/en\.json$/, `${lang}.json`);
		if (!existsSync(other)) continue;
		const en = JSON.parse(readFileSync(enFile, 'utf8')) as Record<string, unknown>;
		const tr = JSON.parse(readFileSync(other, 'utf8')) as Record<string, unknown>;
		for (const [key, value] of Object.entries(en)) {
			if (key === '$schema') continue;
			translated.push(...texts(tr[key]));
			if (JSON.stringify(value) === JSON.stringify(tr[key])) continue;
			for (const t of texts(value)) {
				for (const part of t.split(/\{[^}]*\}/)) {
					const f = part.trim().replace(/^[\s·:,.;()–—-]+|[\s·:,.;()–—-]+$/g, '');
					if (f.replace(/[^A-Za-z]/g, '').length >= 5) fragments.add(f);
				}
			}
		}
	}
	// A fragment that the translations use as well (a code, a proper name) is not a leftover.
	return [...fragments].filter((f) => !translated.some((t) => t.includes(f)));
}

const FRAGMENTS = { es: englishFragments('es'), fr: englishFragments('fr') };

/** A message of a feature's catalogue (messages/<part>/<lang>.json), as the page shows it. */
function msg(part: string, key: string, lang: Lang): string {
	const file = join('messages', part, `${lang}.json`);
	const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[key];
	if (typeof value !== 'string') throw new Error(`no message ${key} in ${file}`);
	return value;
}

/** The page's text and labels, leaving out content marked as another language. */
async function pageText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const lang = document.documentElement.lang;
		const clone = document.body.cloneNode(true) as HTMLElement;
		for (const el of clone.querySelectorAll('script, style, template')) el.remove();
		for (const el of [...clone.querySelectorAll('[lang]')]) {
			if (el.getAttribute('lang') !== lang) el.remove();
		}
		const attrs: string[] = [document.title];
		for (const el of clone.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
			for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
				const v = el.getAttribute(a);
				if (v) attrs.push(v);
			}
		}
		for (const el of clone.querySelectorAll('input[type=submit], input[type=button]')) {
			attrs.push((el as HTMLInputElement).value);
		}
		return [clone.textContent ?? '', ...attrs].join('\n');
	});
}

async function expectInLanguage(page: Page, lang: Lang) {
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	if (lang === 'en') return;
	const text = await pageText(page);
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const leftovers = FRAGMENTS[lang].filter((f) =>
		new RegExp(`(^|[^\\p{L}])${escape(f)}($|[^\\p{L}])`, 'u').test(text)
	);
	expect(leftovers, `English left on ${page.url()}`).toEqual([]);
}

// ---- data of our own ----------------------------------------------------------------------

const stamp = Date.now().toString(36);
const reader = {
	email: `i18n-reader-${stamp}@example.org`,
	password: 'i18n-reader-password-1',
	name: 'Lectora Multilingüe'
};

async function api(request: APIRequestContext) {
	await apiSignIn(request);
	return { headers: { origin: baseOrigin() } };
}

test.beforeAll(async ({ request }) => {
	const { headers } = await api(request);
	const user = await request.post('/api/v1/users', {
		headers,
		data: { email: reader.email, name: reader.name, password: reader.password, role: 'viewer' }
	});
	expect(user.status(), await user.text()).toBe(201);
	// A completed action gives article 13 a share of completed actions to format.
	const action = await request.post('/api/v1/actions', {
		headers,
		data: {
			title: `Encuesta nacional de migración ${stamp}`,
			country: 'MEX',
			articles: [13],
			status: 'completed',
			percentComplete: 100,
			completedOn: '2024-03-15',
			language: 'es'
		}
	});
	expect(action.status(), await action.text()).toBe(201);
	// Remittance costs for Belize: a chart, a table and a quarter to put in words.
	const values = await request.post('/api/v1/indicators/10.c.1/observations', {
		headers,
		data: {
			observations: [
				{ country: 'BLZ', period: '2016', value: 7.25 },
				{ country: 'BLZ', period: '2020', value: 6.5 },
				{ country: 'BLZ', period: '2022-Q3', value: 5.75 }
			]
		}
	});
	expect(values.status(), await values.text()).toBeLessThan(300);
	const link = await request.post('/api/v1/share-links', {
		headers,
		data: {
			scopeType: 'indicator',
			scopeTarget: '10.c.1',
			label: `Enlace para la cancillería ${stamp}`,
			locale: 'es'
		}
	});
	expect(link.status(), await link.text()).toBe(201);
	sharedPath = ((await link.json()) as { path: string }).path;
});

let sharedPath = '';

async function freshContext(browser: Browser, locale: string) {
	return browser.newContext({ locale, baseURL: `${baseOrigin()}` });
}

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
