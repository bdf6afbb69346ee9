// Rendered responses kept in memory, one byte-bounded store (least recently used out first)
// for the signed-in summary pages (overview, article, indicator, country) and the shared
// site's pages (sharing/shared-fast.ts), all keyed by cacheKey (index.ts): any change to
// what a page shows makes a new key, so a page is never served stale. A kept page is compressed
// once (br and gzip, off the event loop) and served compressed as the client accepts, instead of
// being compressed again by the server on every request.
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Actor } from '../auth/authz';
import type { Db } from '../db';
import { cacheKey, readerKey } from './index';

export interface CachedResponse {
	status: number;
	body: Uint8Array<ArrayBuffer>;
	headers: [string, string][];
	/** The body compressed, once it is (see `compressKept`). */
	encoded?: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

export type Encoding = 'br' | 'gzip';

/** Entries with a body, least recently used out first once their bodies pass `maxBytes`. */
export class BodyCache<V extends { body: Uint8Array }> {
	#entries = new Map<string, V>();
	#bytes = 0;
	constructor(private readonly maxBytes: number) {}

	get(key: string): V | undefined {
		const hit = this.#entries.get(key);
		if (hit) {
			this.#entries.delete(key);
			this.#entries.set(key, hit);
		}
		return hit;
	}

	set(key: string, value: V): void {
		const old = this.#entries.get(key);
		if (old) this.#bytes -= old.body.byteLength;
		this.#entries.delete(key);
		this.#entries.set(key, value);
		this.#bytes += value.body.byteLength;
		while (this.#bytes > this.maxBytes && this.#entries.size > 0) {
			const [oldest, entry] = this.#entries.entries().next().value!;
			this.#entries.delete(oldest);
			this.#bytes -= entry.body.byteLength;
		}
	}

	get size(): number {
		return this.#entries.size;
	}

	get bytes(): number {
		return this.#bytes;
	}

	clear(): void {
		this.#entries.clear();
		this.#bytes = 0;
	}
}

const MAX_BODY = 8 * 1024 * 1024;
const cache = new BodyCache<CachedResponse>(64 * 1024 * 1024);

/** The kept response of a key, as a Response (compressed as `acceptEncoding` allows). */
export function cachedResponse(key: string, acceptEncoding: string | null = null): Response | null {
	const hit = cache.get(key);
	return hit ? asResponse(hit, acceptEncoding) : null;
}

/** The kept response of a key as stored (for the shared site's fast path). */
export function cachedEntry(key: string): CachedResponse | undefined {
	return cache.get(key);
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
		const entry: CachedResponse = { status: res.status, body, headers };
		cache.set(key, entry);
		void compressKept(entry);
	}
	return new Response(body, { status: res.status, headers });
}

const rendering = new Map<string, Promise<CachedResponse | undefined>>();

/**
 * The kept response of a key, else `render()` kept: requests that miss the same key while it is
 * being rendered wait for that one rendering instead of each rendering it again (after a write,
 * every reader of a page misses at once). When the answer cannot be kept (not a 200, a cookie,
 * too large) each of them renders its own.
 */
export async function renderOnce(
	key: string,
	render: () => Promise<Response>,
	acceptEncoding: string | null = null
): Promise<Response> {
	const hit = cachedResponse(key, acceptEncoding);
	if (hit) return hit;
	const inFlight = rendering.get(key);
	if (inFlight) {
		const entry = await inFlight;
		return entry ? asResponse(entry, acceptEncoding) : render();
	}
	let settle!: (entry: CachedResponse | undefined) => void;
	rendering.set(key, new Promise((resolve) => (settle = resolve)));
	try {
		const res = await storeResponse(key, await render());
		settle(cache.get(key));
		return res;
	} catch (e) {
		settle(undefined);
		throw e;
	} finally {
		rendering.delete(key);
	}
}

function asResponse(entry: CachedResponse, acceptEncoding: string | null): Response {
	const encoded = encodedBody(entry, acceptEncoding);
	if (!encoded) return new Response(entry.body, { status: entry.status, headers: entry.headers });
	const headers = new Headers(entry.headers);
	headers.set('content-encoding', encoded.encoding);
	headers.set('content-length', String(encoded.body.byteLength));
	return new Response(encoded.body, { status: entry.status, headers });
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml)|image\/svg)/;

/** Compresses a kept body once, br and gzip, on libuv's thread pool (not the event loop). */
export async function compressKept(entry: CachedResponse): Promise<void> {
	const type = entry.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
	if (entry.body.byteLength < 1024 || !COMPRESSIBLE.test(type)) return;
	if (entry.headers.some(([k]) => k.toLowerCase() === 'content-encoding')) return;
	try {
		const [br, gz] = await Promise.all([
			brotliAsync(entry.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
			gzipAsync(entry.body, { level: 6 })
		]);
		entry.encoded = { br: new Uint8Array(br), gzip: new Uint8Array(gz) };
	} catch {
		// Served uncompressed by the app; the server compresses it on the way out.
	}
}

/** The best kept encoding of an entry the client accepts (br, then gzip), or null. */
export function encodedBody(
	entry: Pick<CachedResponse, 'encoded'>,
	acceptEncoding: string | null | undefined
): { encoding: Encoding; body: Uint8Array<ArrayBuffer> } | null {
	if (!entry.encoded || !acceptEncoding) return null;
	for (const encoding of ['br', 'gzip'] as const) {
		const body = entry.encoded[encoding];
		if (body && accepts(acceptEncoding, encoding)) return { encoding, body };
	}
	return null;
}

function accepts(header: string, encoding: string): boolean {
	return header.split(',').some((part) => {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (name.trim() !== encoding) return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return !q || Number(q.slice(2)) > 0;
	});
}

export function responseCacheSize(): { entries: number; bytes: number } {
	return { entries: cache.size, bytes: cache.bytes };
}

export function clearResponseCache(): void {
	cache.clear();
}

// The signed-in pages whose rendering is cached: the overview, an article, an indicator
// (not its edit or observation forms), a country and the actions list (its filters and search
// are in the address), and their client-side data requests.
const CACHED_PAGES =
	/^(?:\/(?:es|fr))?\/(?:|actions\/?|articles\/\d{1,2}\/?|indicators\/(?!new\/?$)[^/]+\/?|countries\/[A-Za-z]{3}\/?)(?:__data\.json)?$/;

/**
 * The cache key of a signed-in page request, or null when the request is not cached: only
 * GETs of the pages above, and the key names everything the page depends on. `url` is the
 * address as requested: a client-side data request (…/__data.json?x-sveltekit-invalidated=…)
 * is another answer than the page's HTML.
 */
export function signedInPageKey(
	db: Db,
	method: string,
	url: URL,
	actor: Actor | null,
	locale: string
): string | null {
	if (!actor || method !== 'GET') return null;
	if (!CACHED_PAGES.test(url.pathname)) return null;
	return cacheKey(db, {
		kind: 'page',
		reader: `${actor.id}|${readerKey(actor)}|${actor.name}`,
		parts: [locale, url.pathname + url.search]
	});
}
