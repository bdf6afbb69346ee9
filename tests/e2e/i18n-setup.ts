// Shared pieces of the language specs (i18n*.spec.ts): the languages and their URL prefixes, the
// English leftovers to look for (every English message text whose translation differs), reading
// a page's text, and data of our own (a reader, a completed action, values, a shared link),
// made once per worker.
import { type Page, type Browser, type APIRequestContext } from '@playwright/test';
import { test, expect } from './api-test';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { apiSignIn, baseOrigin } from './helpers';

export type Lang = 'en' | 'es' | 'fr';
export const PREFIX: Record<Lang, string> = { en: '', es: '/es', fr: '/fr' };
export const LANGS: Lang[] = ['en', 'es', 'fr'];

// ---- English leftovers: every English message text whose translation differs ----------

export function catalogFiles(dir = 'messages'): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...catalogFiles(p));
		else if (name === 'en.json') out.push(p);
	}
	return out;
}

export function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	const found = JSON.stringify(value).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
	return found.map((s) => JSON.parse(s) as string).filter((s) => /\s/.test(s) || /[{]/.test(s));
}

/** Fragments of English UI text (≥ 5 letters, between placeholders) that must not show in `lang`. */
export function englishFragments(lang: Exclude<Lang, 'en'>): string[] {
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

export const FRAGMENTS = { es: englishFragments('es'), fr: englishFragments('fr') };

/** A message of a feature's catalogue (messages/<part>/<lang>.json), as the page shows it. */
export function msg(part: string, key: string, lang: Lang): string {
	const file = join('messages', part, `${lang}.json`);
	const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[key];
	if (typeof value !== 'string') throw new Error(`no message ${key} in ${file}`);
	return value;
}

/** The page's text and labels, leaving out content marked as another language. */
export async function pageText(page: Page): Promise<string> {
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

export async function expectInLanguage(page: Page, lang: Lang) {
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

export const stamp = Date.now().toString(36);
export const reader = {
	email: `i18n-reader-${stamp}@example.org`,
	password: 'i18n-reader-password-1',
	name: 'Lectora Multilingüe'
};

export async function api(request: APIRequestContext) {
	await apiSignIn(request);
	return { headers: { origin: baseOrigin() } };
}

/** Makes the data of our own before the calling spec file runs (once per worker). */
export function i18nData() {
	test.beforeAll(async ({ request }) => {
		if (sharedPath) return;
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
}

export let sharedPath = '';

export async function freshContext(browser: Browser, locale: string) {
	return browser.newContext({ locale, baseURL: `${baseOrigin()}` });
}
