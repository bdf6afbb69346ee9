// Which language a request gets (issue 6): the URL first (/es/…, /fr/…, or ?lang=), then
// the saved preference (the PARAGLIDE_LOCALE cookie the language switcher sets — English
// too, so an explicit choice of English sticks), then Accept-Language, then English.
// English has no prefix, so an unprefixed page asked for by a person who prefers Spanish or
// French is redirected to its prefixed address.
import type { AppLocale } from './format';

export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 400;
const PREFIXED: readonly AppLocale[] = ['es', 'fr'];
const ALL: readonly AppLocale[] = ['en', 'es', 'fr'];

export function isAppLocale(value: unknown): value is AppLocale {
	return typeof value === 'string' && (ALL as readonly string[]).includes(value);
}

/** The locale of a path's prefix ('/es/articles/2' → 'es'), or null for an unprefixed path. */
export function pathLocale(pathname: string): AppLocale | null {
	const first = pathname.split('/')[1]?.toLowerCase();
	return (PREFIXED as readonly string[]).includes(first ?? '') ? (first as AppLocale) : null;
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | null, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return null;
}

/** The best of our locales for an Accept-Language header (q-values respected), or null. */
export function acceptLanguageLocale(header: string | null): AppLocale | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: (tag ?? '').trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
		})
		.filter((l) => l.tag && Number.isFinite(l.q) && l.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		if (isAppLocale(base)) return base;
	}
	return null;
}

export interface LocaleRequest {
	method: string;
	url: URL;
	headers: Headers;
}

/** True for a browser asking for a page (not data, scripts or API calls). */
export function isDocumentRequest(req: LocaleRequest): boolean {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	const dest = req.headers.get('sec-fetch-dest');
	if (dest) return dest === 'document';
	return (req.headers.get('accept') ?? '').includes('text/html');
}

/**
 * Where an unprefixed page request should go instead, or null to serve it as it is.
 * `?lang=es` (shared links) and the saved preference or Accept-Language (es, fr) lead to the
 * prefixed address; `?lang=en`, a saved English choice, or no preference keep English.
 */
export function localeRedirect(req: LocaleRequest): string | null {
	const { url } = req;
	if (!isDocumentRequest(req) || pathLocale(url.pathname)) return null;
	if (/^\/(api|language)\//.test(url.pathname) || url.pathname.includes('__data.json')) return null;
	const lang = url.searchParams.get('lang');
	let target: AppLocale | null;
	if (isAppLocale(lang)) target = lang;
	else {
		const saved = cookieValue(req.headers.get('cookie'), LOCALE_COOKIE);
		target = isAppLocale(saved) ? saved : acceptLanguageLocale(req.headers.get('accept-language'));
	}
	if (!target || target === 'en') return null;
	const search = new URLSearchParams(url.search);
	search.delete('lang');
	const query = search.toString();
	const path = url.pathname === '/' ? '' : url.pathname;
	return `/${target}${path}${query ? `?${query}` : ''}`;
}
