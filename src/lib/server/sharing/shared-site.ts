// The read-only shared site (/s/{token}/…): the token in an address and ETags; the rendered
// pages are kept in the one cache ($lib/server/cache) under their ETag (shared-fast.ts), so a
// shared page that is forwarded around is served from memory until the data version moves.
import { createHash } from 'node:crypto';

export const SHARED_ROUTE = /^\/(?:(?:es|fr)\/)?s\/([^/?#]+)(\/[^?#]*)?$/;

/** The token in a shared path, or null when the path is not under /s/. */
export function sharedToken(pathname: string): string | null {
	const m = SHARED_ROUTE.exec(pathname);
	return m ? decodeURIComponent(m[1]) : null;
}

export function sharedEtag(parts: (string | number)[]): string {
	return `"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27)}"`;
}

/** True when an If-None-Match header names this ETag (or is `*`). */
export function etagMatches(header: string | null, etag: string): boolean {
	if (!header) return false;
	return header.split(',').some((t) => {
		const v = t.trim().replace(/^W\//, '');
		return v === '*' || v === etag;
	});
}

// Every reuse is revalidated with the ETag (a cheap 304), and no shared proxy keeps a copy: a
// revoked or expired link answers 404 on the very next request.
export const SHARED_CACHE_CONTROL = 'private, no-cache';
