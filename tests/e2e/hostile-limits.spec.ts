// Hostile input (issue 8 §4), end to end on a server and database of its own: a javascript:
// evidence link is refused; over the body limit is 413 and another content type 415, as JSON
// naming the problem; very large bodies are answered 413 before the connection closes.
import { test, expect } from './api-test';
import http from 'node:http';
import { ADMIN } from '../load/server.js';
import { request as call, signIn as apiSignIn } from '../load/client.js';
import { hostileServer, JS, made, server } from './hostile-setup';

hostileServer();

test('a javascript: link is refused as evidence; limits answer 413 and 415 in JSON', async () => {
	const o = server.origin;
	const cookie = await apiSignIn(o, ADMIN.email, ADMIN.password);
	for (const url of [
		JS,
		' JavaScript:alert(1)',
		'java\tscript:alert(1)',
		'data:text/html,<script>'
	]) {
		const res = await call(o, 'POST', '/api/v1/evidence', {
			cookie,
			json: { url, title: 'Bad', kind: 'law', target: { type: 'action', id: made.action } }
		});
		expect(res.status, url).toBe(422);
		expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('url');
	}
	for (const type of ['application/xml', 'text/csv', 'application/x-www-form-urlencoded; x=1']) {
		const wrong = await fetch(`${o}/api/v1/actions`, {
			method: 'POST',
			headers: { cookie, origin: o, 'content-type': type },
			body: '<action title="x"/>'
		});
		expect(wrong.status, type).toBe(415);
		expect((await wrong.json()).error.code).toBe('unsupported_media_type');
	}
	// 1 MB + 1 byte of JSON.
	const big = await call(o, 'POST', '/api/v1/actions', {
		cookie,
		json: { title: 'x'.repeat(1024 * 1024) }
	});
	expect(big.status).toBe(413);
	expect(big.body.error.code).toBe('payload_too_large');
	// An import announced as 60 MB is refused (413) before it is read.
	const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = http.request(
			`${o}/api/v1/imports?format=template`,
			{
				method: 'POST',
				headers: { cookie, 'content-type': 'text/csv', 'content-length': 60 * 1024 * 1024 }
			},
			(res) => {
				let body = '';
				res.on('data', (d) => (body += d));
				res.on('end', () => {
					resolve({ status: res.statusCode ?? 0, body });
					req.destroy();
				});
			}
		);
		req.on('error', reject);
		req.write('indicator,country,period,disaggregation,value,status,source,note\n');
	});
	expect(huge.status).toBe(413);
	expect(JSON.parse(huge.body).error.code).toBe('payload_too_large');
});

test('bodies of 16 MB and more are answered 413 in JSON, then the connection closes (no reset)', async () => {
	test.setTimeout(120_000);
	const o = server.origin;
	const cookie = await apiSignIn(o, ADMIN.email, ADMIN.password);
	const cases: [string, string, number][] = [
		['/api/v1/actions', 'application/json', 20],
		['/api/v1/imports?format=template', 'text/csv', 20],
		// Over BODY_SIZE_LIMIT (64M) too.
		['/api/v1/imports?format=template', 'text/csv', 70],
		['/api/v1/imports', 'multipart/form-data; boundary=x', 20]
	];
	for (const [path, type, mb] of cases) {
		const res = await fetch(o + path, {
			method: 'POST',
			headers: { cookie, origin: o, 'content-type': type },
			body: Buffer.alloc(mb * 1024 * 1024, 'a')
		});
		expect(res.status, `${path} ${mb} MB`).toBe(413);
		expect(res.headers.get('connection')).toBe('close');
		expect((await res.json()).error.code).toBe('payload_too_large');
	}
	// Sent in chunks with no length announced: read until over the limit, then refused too.
	const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = http.request(`${o}/api/v1/actions`, {
			method: 'POST',
			headers: { cookie, origin: o, 'content-type': 'application/json' }
		});
		req.on('response', (res) => {
			let body = '';
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		const chunk = Buffer.alloc(1024 * 1024, 'a');
		for (let i = 0; i < 20; i++) req.write(chunk);
		req.end();
	});
	expect(chunked.status).toBe(413);
	expect(JSON.parse(chunked.body).error.code).toBe('payload_too_large');
});
