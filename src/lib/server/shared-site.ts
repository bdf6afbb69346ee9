// The read-only shared site (/s/{token}/…): token resolution and ETags from the data version;
// the rendered pages are kept in shared-fast.ts under that ETag, so a shared page that is
// forwarded around is served from memory until the next validated change.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { appMeta } from './db/schema';

export const SHARED_ROUTE = /^\/(?:(?:es|fr)\/)?s\/([^/?#]+)(\/[^?#]*)?$/;

/** The token in a shared path, or null when the path is not under /s/. */
export function sharedToken(pathname: string): string | null {
	const m = SHARED_ROUTE.exec(pathname);
	return m ? decodeURIComponent(m[1]) : null;
}

/** Changes on every validated write (bumpDataVersion). */
export function dataVersion(db: Db): string {
	return (
		db.select({ v: appMeta.value }).from(appMeta).where(eq(appMeta.key, 'data_version')).get()?.v ??
		'0'
	);
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

// Browsers revalidate every time (a cheap 304 with the ETag); shared proxies may keep a copy
// for a minute.
export const SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=60';
