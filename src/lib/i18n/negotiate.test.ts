import { describe, it, expect } from 'vitest';
import { acceptLanguageLocale, cookieValue, localeRedirect, pathLocale } from './negotiate';

function page(path: string, headers: Record<string, string> = {}, method = 'GET') {
	return {
		method,
		url: new URL(path, 'http://localhost'),
		headers: new Headers({ 'sec-fetch-dest': 'document', ...headers })
	};
}

describe('language negotiation', () => {
	it('reads the prefix, cookies and Accept-Language', () => {
		expect(pathLocale('/es/articles/2')).toBe('es');
		expect(pathLocale('/fr')).toBe('fr');
		expect(pathLocale('/articles/2')).toBeNull();
		expect(pathLocale('/español')).toBeNull();
		expect(cookieValue('a=1; PARAGLIDE_LOCALE=fr; b=2', 'PARAGLIDE_LOCALE')).toBe('fr');
		expect(cookieValue(null, 'PARAGLIDE_LOCALE')).toBeNull();
		expect(acceptLanguageLocale('de-DE,de;q=0.9,fr-CA;q=0.8,en;q=0.7')).toBe('fr');
		expect(acceptLanguageLocale('es-MX,es;q=0.9')).toBe('es');
		expect(acceptLanguageLocale('en;q=0.5, es;q=0.8')).toBe('es');
		expect(acceptLanguageLocale('de, pt')).toBeNull();
	});

	it('an explicit prefix always wins', () => {
		expect(localeRedirect(page('/fr/articles/2', { cookie: 'PARAGLIDE_LOCALE=es' }))).toBeNull();
		expect(localeRedirect(page('/es/', { 'accept-language': 'fr' }))).toBeNull();
	});

	it('an unprefixed page goes to the saved language, then to Accept-Language', () => {
		expect(localeRedirect(page('/articles/2?x=1', { cookie: 'PARAGLIDE_LOCALE=es' }))).toBe(
			'/es/articles/2?x=1'
		);
		expect(localeRedirect(page('/', { 'accept-language': 'fr-CA,fr;q=0.9' }))).toBe('/fr');
		// The saved choice beats Accept-Language, and a saved English choice sticks.
		expect(
			localeRedirect(page('/', { cookie: 'PARAGLIDE_LOCALE=fr', 'accept-language': 'es' }))
		).toBe('/fr');
		expect(
			localeRedirect(page('/actions', { cookie: 'PARAGLIDE_LOCALE=en', 'accept-language': 'es' }))
		).toBeNull();
		expect(localeRedirect(page('/actions', { 'accept-language': 'en-US,en' }))).toBeNull();
	});

	it('?lang= of a shared link wins over the saved language', () => {
		expect(localeRedirect(page('/s/abc?lang=es&x=2', { cookie: 'PARAGLIDE_LOCALE=fr' }))).toBe(
			'/es/s/abc?x=2'
		);
		expect(localeRedirect(page('/s/abc?lang=en', { cookie: 'PARAGLIDE_LOCALE=fr' }))).toBeNull();
	});

	it('never redirects data, API, form posts or the switcher itself', () => {
		const es = { 'accept-language': 'es' };
		expect(localeRedirect(page('/actions', es, 'POST'))).toBeNull();
		expect(localeRedirect(page('/api/v1/articles', es))).toBeNull();
		expect(localeRedirect(page('/language/en?next=/', es))).toBeNull();
		expect(
			localeRedirect({
				method: 'GET',
				url: new URL('http://localhost/articles/__data.json'),
				headers: new Headers({ ...es, 'sec-fetch-dest': 'empty' })
			})
		).toBeNull();
		// Without Sec-Fetch-Dest, an HTML Accept header marks a page request.
		expect(
			localeRedirect({
				method: 'GET',
				url: new URL('http://localhost/actions'),
				headers: new Headers({ ...es, accept: 'text/html,*/*' })
			})
		).toBe('/es/actions');
	});
});
