// The fast path of the shared site: a shared page already rendered for the current data
// version is answered by the Node server itself (scripts/serve.js), before the request enters
// SvelteKit, with exactly the status, headers and body SvelteKit answered the first time
// (security headers included). Everything that decides what the page is is checked again on
// every request — the token (unknown, revoked or expired links fall through to SvelteKit's
// 404), the data version, the language (with the same negotiation as hooks.server.ts), the
// address — and the view is counted; anything unusual (a language redirect to make, a
// conditional request, client-side data) simply falls through to SvelteKit, which gives the
// same answer more slowly.
import type { IncomingMessage } from 'node:http';
import { getDb, type Db } from '../db';
import { recordView, resolveShareToken } from './share-links';
import { sharedEtag, sharedToken } from './shared-site';
import { localeRedirect, pathLocale } from '$lib/i18n/negotiate';
import { baseLocale } from '$lib/paraglide/runtime';
import { cacheKey } from '../cache';
import { cachedEntry, cachedResponse, encodedBody, storeResponse } from '../cache/responses';

export interface FinalResponse {
	status: number;
	headers: Record<string, string>;
	body: Uint8Array<ArrayBuffer>;
}

/** The cache key and ETag of a shared page: the one cache key, for this link, language and address. */
export function sharedPageKey(db: Db, linkId: number, locale: string, url: URL): string {
	return sharedEtag([
		cacheKey(db, {
			kind: 'shared',
			reader: `link:${linkId}`,
			parts: [locale, url.pathname, url.search]
		})
	]);
}

/** Keeps the final response of a shared page (after every hook) for the fast path. */
export function keepFinal(key: string, res: Response): Promise<Response> {
	return storeResponse(key, res);
}

/** The kept answer for a key, as a Response (for requests that reach SvelteKit). */
export function keptResponse(key: string, acceptEncoding: string | null): Response | null {
	return cachedResponse(key, acceptEncoding);
}

/** The kept response for this request, or null to let SvelteKit answer it. */
export function sharedFastPath(
	req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>
): FinalResponse | null {
	if (req.method !== 'GET' || !req.url) return null;
	if (req.headers['if-none-match'] || req.headers['x-sveltekit-invalidated']) return null;
	const url = new URL(req.url, 'http://localhost');
	const token = sharedToken(url.pathname);
	if (!token || url.pathname.endsWith('/__data.json')) return null;
	const headers = new Headers();
	for (const name of ['accept', 'sec-fetch-dest', 'cookie', 'accept-language']) {
		const v = req.headers[name];
		if (typeof v === 'string') headers.set(name, v);
	}
	if (localeRedirect({ method: 'GET', url, headers })) return null;
	const db = getDb();
	const link = resolveShareToken(db, token);
	if (!link) return null;
	const key = sharedPageKey(db, link.id, pathLocale(url.pathname) ?? baseLocale, url);
	const hit = cachedEntry(key);
	if (!hit) return null;
	recordView(db, link.id);
	const answer = Object.fromEntries(hit.headers);
	const accept = req.headers['accept-encoding'];
	const encoded = encodedBody(hit, typeof accept === 'string' ? accept : null);
	if (!encoded) return { status: hit.status, headers: answer, body: hit.body };
	answer['content-encoding'] = encoded.encoding;
	answer['content-length'] = String(encoded.body.byteLength);
	return { status: hit.status, headers: answer, body: encoded.body };
}

// Installed where scripts/serve.js finds it (the server bundle and the server script are two
// module graphs).
export function installSharedFastPath(): void {
	(globalThis as Record<symbol, unknown>)[Symbol.for('avance.sharedFastPath')] = sharedFastPath;
}
