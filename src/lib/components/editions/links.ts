// Where the views of an edition link to: the app's /editions/{slug}/… pages, or the pages of a
// share link (/s/{token}/…) that are inside its scope (null: no link).
import { localizeHref } from '$lib/paraglide/runtime';

export interface EditionLinks {
	article(n: number): string | null;
	country(iso3: string): string | null;
	indicator(code: string): string | null;
}

/** Every view of the edition under `base`, or only those `allowed` says are in scope. */
export function editionLinks(
	base: string,
	allowed: (kind: 'article' | 'country' | 'indicator', id: string) => boolean = () => true
): EditionLinks {
	const at = (kind: 'article' | 'country' | 'indicator', id: string, path: string) =>
		allowed(kind, id) ? localizeHref(`${base}/${path}`) : null;
	return {
		article: (n) => at('article', String(n), `articles/${n}`),
		country: (iso3) => at('country', iso3, `countries/${iso3}`),
		indicator: (code) => at('indicator', code, `indicators/${encodeURIComponent(code)}`)
	};
}

/** Whether a view of the edition is inside a share link's scope (others are not linked). */
export function scopeAllows(scope: { type: string; target: string }) {
	return (kind: 'article' | 'country' | 'indicator', id: string): boolean =>
		scope.type === 'framework' ||
		(scope.type === kind && scope.target === id) ||
		// An article link also opens its indicators (the only ones its page lists).
		(scope.type === 'article' && kind === 'indicator');
}
