// Helpers for the routes under /s/{token}/: the link of the request, and the one 404 that
// unknown, revoked, expired and out-of-scope requests all get (so a token cannot be probed).
import { error } from '@sveltejs/kit';
import type { ResolvedShareLink } from './share-links';
import { inScope } from './share-links';

export function sharedNotFound(): never {
	error(404, 'Not found');
}

export function requireShare(locals: App.Locals): ResolvedShareLink {
	if (!locals.share) sharedNotFound();
	return locals.share;
}

export function requireInScope(link: ResolvedShareLink, page: Parameters<typeof inScope>[1]): void {
	if (!inScope(link.scope, page)) sharedNotFound();
}

/** Read options for a link: validated data only, frozen at its as-of date when it has one. */
export function readOptions(link: ResolvedShareLink, locale: 'en' | 'es' | 'fr') {
	return {
		validatedOnly: true as const,
		locale,
		asOfYear: link.asOf ? Number(link.asOf.slice(0, 4)) : undefined
	};
}

/**
 * A list page asked for in the query (`?actions=2`): a whole number of at least 1, else null
 * (missing, 0, negative, not a number: the first page). Past the end is left to the reader of
 * the list, which shows the last page.
 */
export function pageParam(url: URL, name: string): number | null {
	const v = url.searchParams.get(name)?.trim();
	if (!v || !/^\d+$/.test(v)) return null;
	const n = Number(v);
	return n >= 1 ? n : null;
}
