// What the production server (scripts/serve.js, serve-edge.js) does on the way out: HTML, JSON,
// CSV, JS, CSS and SVG compressed br or gzip as the client accepts (the shared site's fast path
// too), `_app/immutable/*` cached for a year, static files with nosniff.
import { test, expect } from './api-test';
import { get as httpGet } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { signIn as fetchSignIn } from '../load/client.js';
import { E2E_ADMIN, baseOrigin } from './helpers';

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** A GET with exactly these headers (no automatic Accept-Encoding or decoding). */
function fetchRaw(path: string, headers: Record<string, string> = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		httpGet(`${baseOrigin()}${path}`, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
		}).on('error', reject);
	});
}

function decoded(a: Answer): string {
	const enc = a.headers['content-encoding'];
	if (enc === 'br') return brotliDecompressSync(a.body).toString('utf8');
	if (enc === 'gzip') return gunzipSync(a.body).toString('utf8');
	return a.body.toString('utf8');
}

let cookie = '';
let token = '';
test.beforeAll(async () => {
	cookie = await fetchSignIn(baseOrigin(), E2E_ADMIN.email, E2E_ADMIN.password);
	const res = await fetch(`${baseOrigin()}/api/v1/share-links`, {
		method: 'POST',
		headers: { cookie, origin: baseOrigin(), 'content-type': 'application/json' },
		body: JSON.stringify({ scopeType: 'framework', scopeTarget: 'rcm-gcm', label: 'Serving' })
	});
	expect(res.status).toBe(201);
	token = (await res.json()).token;
});

test('HTML, JSON and CSV are compressed as negotiated (br preferred, gzip, or none)', async () => {
	const cases: [string, Record<string, string>, RegExp][] = [
		['/', { cookie }, /text\/html/],
		['/api/v1/articles', { cookie }, /application\/json/],
		['/actions/export.csv', { cookie }, /text\/csv/],
		[`/s/${token}/data.csv`, {}, /text\/csv/],
		[`/s/${token}/data.json`, {}, /application\/json/]
	];
	for (const [path, headers, type] of cases) {
		const plain = await fetchRaw(path, headers);
		expect(plain.status, path).toBe(200);
		expect(plain.headers['content-type'], path).toMatch(type);
		expect(plain.headers['content-encoding'], path).toBeUndefined();
		const br = await fetchRaw(path, { ...headers, 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding'], path).toBe('br');
		expect(br.headers.vary, path).toMatch(/accept-encoding/i);
		const gzip = await fetchRaw(path, { ...headers, 'accept-encoding': 'gzip' });
		expect(gzip.headers['content-encoding'], path).toBe('gzip');
		// The same content, smaller.
		if (!path.endsWith('.csv') || path.startsWith('/s/')) {
			expect(decoded(br)).toBe(plain.body.toString('utf8'));
			expect(decoded(gzip)).toBe(plain.body.toString('utf8'));
		}
		expect(br.body.length, path).toBeLessThan(plain.body.length);
	}
});

test('a shared page is compressed the first time and from the fast path after', async () => {
	const path = `/s/${token}`;
	const first = await fetchRaw(path, { 'accept-encoding': 'br' });
	const again = await fetchRaw(path, { 'accept-encoding': 'br' });
	const gzip = await fetchRaw(path, { 'accept-encoding': 'gzip' });
	const plain = await fetchRaw(path);
	for (const a of [first, again]) {
		expect(a.status).toBe(200);
		expect(a.headers['content-encoding']).toBe('br');
	}
	expect(gzip.headers['content-encoding']).toBe('gzip');
	expect(plain.headers['content-encoding']).toBeUndefined();
	expect(decoded(again)).toBe(plain.body.toString('utf8'));
	expect(decoded(gzip)).toBe(plain.body.toString('utf8'));
	// Each encoding is its own representation: the plain one keeps the strong ETag, compressed
	// ones carry it weak; all keep the shared cache headers and vary on the encoding and language.
	const etag = String(plain.headers.etag);
	expect(etag).toMatch(/^"[\w-]+"$/);
	for (const a of [first, again, gzip]) expect(a.headers.etag).toBe(`W/${etag}`);
	for (const a of [first, again, gzip, plain]) {
		expect(a.headers['cache-control']).toBe('private, no-cache');
		expect(String(a.headers.vary)).toMatch(/accept-encoding/i);
		expect(String(a.headers.vary)).toMatch(/accept-language/i);
	}
	// Revalidating with either form answers 304, without a body.
	for (const tag of [etag, `W/${etag}`]) {
		const revalidated = await fetchRaw(path, { 'accept-encoding': 'br', 'if-none-match': tag });
		expect(revalidated.status).toBe(304);
		expect(revalidated.body.length).toBe(0);
		expect(revalidated.headers['cache-control']).toBe('private, no-cache');
	}
});

test('fingerprinted files: compressed, cached a year, immutable; static files nosniff', async () => {
	const page = decoded(await fetchRaw('/signin'));
	const assets = [...page.matchAll(/\/_app\/immutable\/[^"']+\.(?:js|css)/g)].map((m) => m[0]);
	expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
	expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
	for (const asset of [...new Set(assets)].slice(0, 6)) {
		const res = await fetchRaw(asset, { 'accept-encoding': 'br, gzip' });
		expect(res.status, asset).toBe(200);
		expect(res.headers['cache-control'], asset).toMatch(/public,\s*max-age=31536000,\s*immutable/);
		expect(res.headers['x-content-type-options'], asset).toBe('nosniff');
		if (res.body.length > 1024) expect(res.headers['content-encoding'], asset).toBe('br');
	}
	const icon = await fetchRaw('/favicon.svg', { 'accept-encoding': 'gzip' });
	expect(icon.status).toBe(200);
	expect(icon.headers['x-content-type-options']).toBe('nosniff');
	expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/);
	// A conditional request for an unchanged immutable file keeps its cache header.
	const etag = String((await fetchRaw(assets[0])).headers.etag ?? '');
	if (etag) {
		const notModified = await fetchRaw(assets[0], { 'if-none-match': etag });
		expect(notModified.status).toBe(304);
		expect(notModified.headers['cache-control']).toMatch(/max-age=31536000/);
	}
});
