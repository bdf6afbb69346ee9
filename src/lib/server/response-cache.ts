// Rendered responses kept in memory, for the two kinds of page that are read far more often
// than the data behind them changes:
// - shared pages (/s/{token}/…), keyed by their ETag (link, data version, language, address);
// - the signed-in summary pages (overview, article, indicator, country), keyed by the state of
//   the store (read-cache.ts storeGeneration), the reader, the language and the address.
// A key that includes the state of the store can never serve a stale page: any write makes a
// new key, and the old entries age out. The cache is bounded in bytes (least recently used
// out first), so its memory stays small whatever the data.
import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from './authz';
import type { Db } from './db';
import { readerKey, storeGeneration } from './read-cache';

export interface CachedResponse {
	status: number;
	body: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
}

const MAX_BYTES = 48 * 1024 * 1024;
const MAX_BODY = 2 * 1024 * 1024;
const cache = new Map<string, CachedResponse>();
let bytes = 0;

export function cachedResponse(key: string): Response | null {
	const hit = cache.get(key);
	if (!hit) return null;
	cache.delete(key);
	cache.set(key, hit);
	return new Response(hit.body, { status: hit.status, headers: hit.headers });
}

/**
 * Keeps a copy of a 200 response (never one that sets a cookie) and answers the response
 * itself, with its body read once.
 */
export async function storeResponse(key: string, res: Response): Promise<Response> {
	if (res.status !== 200 || res.headers.has('set-cookie') || !res.body) return res;
	const body = new Uint8Array(await res.arrayBuffer()) as Uint8Array<ArrayBuffer>;
	const headers = [...res.headers.entries()];
	if (body.byteLength <= MAX_BODY) {
		const old = cache.get(key);
		if (old) bytes -= old.body.byteLength;
		cache.delete(key);
		cache.set(key, { status: res.status, body, headers });
		bytes += body.byteLength;
		while (bytes > MAX_BYTES && cache.size > 0) {
			const [oldest, entry] = cache.entries().next().value!;
			cache.delete(oldest);
			bytes -= entry.body.byteLength;
		}
	}
	return new Response(body, { status: res.status, headers });
}

export function responseCacheSize(): { entries: number; bytes: number } {
	return { entries: cache.size, bytes };
}

export function clearResponseCache(): void {
	cache.clear();
	bytes = 0;
}

// The signed-in pages whose rendering is cached: the overview, an article, an indicator
// (not its edit or observation forms) and a country, and their client-side data requests.
const CACHED_PAGES =
	/^(?:\/(?:es|fr))?\/(?:|articles\/\d{1,2}\/?|indicators\/(?!new\/?$)[^/]+\/?|countries\/[A-Za-z]{3}\/?)(?:__data\.json)?$/;

/**
 * The cache key of a signed-in page request, or null when the request is not cached: only
 * GETs of the pages above, and the key names everything the page depends on.
 */
export function signedInPageKey(
	db: Db,
	event: Pick<RequestEvent, 'request' | 'url'>,
	actor: Actor | null,
	locale: string
): string | null {
	if (!actor || event.request.method !== 'GET') return null;
	if (!CACHED_PAGES.test(event.url.pathname)) return null;
	return [
		'page',
		storeGeneration(db),
		actor.id,
		readerKey(actor),
		actor.name,
		locale,
		event.url.pathname + event.url.search
	].join('|');
}
