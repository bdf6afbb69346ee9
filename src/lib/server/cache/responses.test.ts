import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import type { Actor } from '../auth/authz';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
	cachedEntry,
	cachedResponse,
	clearResponseCache,
	compressKept,
	encodedBody,
	type CachedResponse,
	renderOnce,
	responseCacheSize,
	signedInPageKey,
	storeResponse
} from './responses';

let t: TestDb;
let admin: Actor;
let mex: Actor;
beforeEach(async () => {
	t = freshDb();
	admin = await makeActor(t.db, 'admin');
	mex = await makeActor(t.db, 'coordinator', ['MEX']);
});
afterEach(() => {
	clearResponseCache();
	t.close();
});

const key = (path: string, actor: Actor | null = admin, method = 'GET', locale = 'en') =>
	signedInPageKey(t.db, method, new URL(`http://localhost${path}`), actor, locale);

describe('signed-in page cache', () => {
	it('caches only GETs of the summary pages by a signed-in reader', () => {
		for (const p of [
			'/',
			'/es/',
			'/articles/2',
			'/fr/articles/18',
			'/indicators/10.c.1',
			'/indicators/10.c.1?country=MEX',
			'/countries/MEX',
			'/articles/2/__data.json',
			'/actions',
			'/es/actions?q=consular&status=stalled'
		])
			expect(key(p), p).not.toBeNull();
		for (const p of [
			'/actions/new',
			'/actions/12',
			'/indicators',
			'/indicators/new',
			'/indicators/10.c.1/edit',
			'/indicators/10.c.1/observations',
			'/share-links',
			'/audit',
			'/review',
			'/articles/2/edit'
		])
			expect(key(p), p).toBeNull();
		expect(key('/', null)).toBeNull();
		expect(key('/', admin, 'POST')).toBeNull();
	});

	it('keys by reader, language, address and the state of the store', () => {
		const k = key('/articles/2')!;
		expect(key('/articles/2')).toBe(k);
		expect(key('/articles/2', mex)).not.toBe(k);
		expect(key('/articles/2', admin, 'GET', 'es')).not.toBe(k);
		expect(key('/articles/2?method=progress-chart')).not.toBe(k);
		// A client-side data request is another answer than the page's HTML.
		expect(key('/articles/2/__data.json')).not.toBe(k);
		expect(key('/articles/2/__data.json?x-sveltekit-invalidated=01')).not.toBe(
			key('/articles/2/__data.json')
		);
		// Any change to what a page shows, from any connection, moves the key (migration 0006).
		t.db.$client.exec("update article_translation set title = title || ' ' where rowid = 1");
		expect(key('/articles/2')).not.toBe(k);
		// Bookkeeping no cached page shows (view counts, the audit trail, sessions) leaves it.
		const k2 = key('/articles/2');
		t.db.$client.exec('update share_link set view_count = view_count + 1');
		t.db.$client.exec(
			"insert into audit_entry (entity, entity_id, operation) values ('y', '2', 'create')"
		);
		expect(key('/articles/2')).toBe(k2);
	});

	it('stores whole 200 answers without cookies, and stays within its byte budget', async () => {
		const ok = await storeResponse('a', new Response('page A', { status: 200 }));
		expect(await ok.text()).toBe('page A');
		expect(await cachedResponse('a')!.text()).toBe('page A');
		await storeResponse('b', new Response('no', { status: 404 }));
		await storeResponse('c', new Response('x', { headers: { 'set-cookie': 's=1' } }));
		expect(cachedResponse('b')).toBeNull();
		expect(cachedResponse('c')).toBeNull();
		const big = 'x'.repeat(1024 * 1024);
		for (let i = 0; i < 80; i++) await storeResponse(`big${i}`, new Response(big));
		expect(responseCacheSize().bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
		expect(cachedResponse('big0')).toBeNull();
		expect(cachedResponse('big79')).not.toBeNull();
	});
});

describe('one rendering per miss', () => {
	it('requests that miss the same key at once share one rendering', async () => {
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 20));
			return new Response(`page ${renders}`, { headers: { 'content-type': 'text/html' } });
		};
		const answers = await Promise.all(Array.from({ length: 5 }, () => renderOnce('k1', render)));
		expect(renders).toBe(1);
		for (const a of answers) expect(await a.text()).toBe('page 1');
		expect(await (await renderOnce('k1', render)).text()).toBe('page 1');
		expect(renders).toBe(1);
	});

	it('an answer that is not kept (not a 200, or a failure) is rendered by each request', async () => {
		let renders = 0;
		const notFound = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 10));
			return new Response('gone', { status: 404 });
		};
		const answers = await Promise.all(Array.from({ length: 3 }, () => renderOnce('k2', notFound)));
		expect(renders).toBe(3);
		for (const a of answers) expect(a.status).toBe(404);
		let calls = 0;
		const failing = async () => {
			calls++;
			await new Promise((r) => setTimeout(r, 10));
			if (calls === 1) throw new Error('boom');
			return new Response('ok');
		};
		const [first, second] = await Promise.allSettled([
			renderOnce('k3', failing),
			renderOnce('k3', failing)
		]);
		expect(first.status).toBe('rejected');
		expect(second.status).toBe('fulfilled');
	});
});

describe('kept pages are compressed once (issue 20)', () => {
	const html = '<!doctype html><p>' + 'Acciones por estado miembro y artículo. '.repeat(200);
	const page = () =>
		new Response(html, { headers: { 'content-type': 'text/html', vary: 'Accept-Encoding' } });

	it('serves the kept body br or gzip as the client accepts, and plain otherwise', async () => {
		await storeResponse('k', page());
		await compressKept(cachedEntry('k')!);
		const br = cachedResponse('k', 'gzip, deflate, br')!;
		expect(br.headers.get('content-encoding')).toBe('br');
		const brBytes = Buffer.from(await br.arrayBuffer());
		expect(Number(br.headers.get('content-length'))).toBe(brBytes.byteLength);
		expect(brBytes.byteLength).toBeLessThan(html.length / 5);
		expect(brotliDecompressSync(brBytes).toString()).toBe(html);
		const gz = cachedResponse('k', 'gzip')!;
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);
		const plain = cachedResponse('k', 'identity')!;
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(html);
		expect(cachedResponse('k', 'br;q=0, gzip')!.headers.get('content-encoding')).toBe('gzip');
		expect(cachedResponse('k', null)!.headers.get('content-encoding')).toBeNull();
	});

	it('leaves small, binary or already encoded bodies as they are', async () => {
		const entry = (body: string, type: string, extra: [string, string][] = []): CachedResponse => ({
			status: 200,
			body: new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>,
			headers: [['content-type', type], ...extra] as [string, string][]
		});
		for (const e of [
			entry('short', 'text/html'),
			entry(html, 'image/png'),
			entry(html, 'text/html', [['content-encoding', 'gzip']])
		]) {
			await compressKept(e);
			expect(encodedBody(e, 'br, gzip')).toBeNull();
		}
	});
});
