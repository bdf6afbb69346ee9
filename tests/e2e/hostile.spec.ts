// Hostile input (issue 8 §4), end to end on a server and database of its own (so the stored
// strings never reach other specs' pages):
// - text with <script>, "><img onerror=…>, javascript:, </script> and Unicode control
//   characters, saved through the API in every kind of field people type (action title,
//   description and lead agency, an update's note, evidence title, an observation's source
//   and note, an indicator's name, a share link's label, a person's name), is shown inert on
//   every page that shows it — signed-in pages, shared pages, embeds and the report: no dialog
//   opens, no element is injected, and the text appears as typed;
// - a javascript: evidence link is refused;
// - over the body limit is 413 and another content type 415, as JSON naming the problem.
import { type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { ADMIN, buildSource, copyBuild, startServer } from '../load/server.js';
import { request as call, signIn as apiSignIn } from '../load/client.js';
import { signIn } from './helpers';

const ARTICLE = 7;
const RUN = Date.now().toString(36);

/** What a hostile person types. Every piece must come out as text. */
const SCRIPT = `<script>window.__xss=1;alert('s')</script>`;
const IMG = `"><img src=x onerror="window.__xss=1;alert('i')">`;
const JS = `javascript:alert('j')`;
const CLOSE = `</script><script>window.__xss=1;alert('d')</script>`;
const CONTROL = '\u202Eevil\u202C\u2028\u2029\u0007';
const HOSTILE = `X${RUN} ${SCRIPT} ${IMG} ${JS} ${CLOSE} ${CONTROL}`;
/** The parts that must appear literally on the page (control characters may be dropped). */
const VISIBLE = [SCRIPT, IMG, JS, CLOSE];

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let build: ReturnType<typeof copyBuild>;
let tmp: string;
const made = { action: 0, code: '', token: '' };

test.beforeAll(async () => {
	test.setTimeout(120_000);
	tmp = mkdtempSync(join(tmpdir(), 'avance-hostile-'));
	build = copyBuild(buildSource());
	server = await startServer({ buildDir: build.dir, dbFile: join(tmp, 'hostile.db') });
	const o = server.origin;
	const cookie = await apiSignIn(o, ADMIN.email, ADMIN.password);
	const ok = async (res: Awaited<ReturnType<typeof call>>, what: string) => {
		expect(res.status, `${what}: ${res.text}`).toBeLessThan(300);
		return res.body;
	};

	// A person whose name is hostile writes the action, so their name shows wherever authors do.
	await ok(
		await call(o, 'POST', '/api/v1/users', {
			cookie,
			json: {
				email: `hostile.${RUN}@example.org`,
				name: HOSTILE.slice(0, 120),
				password: 'hostile-password-1',
				role: 'coordinator',
				countries: ['MEX']
			}
		}),
		'user'
	);
	const author = await apiSignIn(o, `hostile.${RUN}@example.org`, 'hostile-password-1');

	const code = `XSS-${RUN}`;
	await ok(
		await call(o, 'POST', '/api/v1/indicators', {
			cookie,
			json: {
				code,
				name: HOSTILE,
				description: HOSTILE,
				unit: 'count',
				direction: 'increase',
				articles: [ARTICLE],
				source: HOSTILE
			}
		}),
		'indicator'
	);
	const action = await ok(
		await call(o, 'POST', '/api/v1/actions', {
			cookie: author,
			json: {
				title: HOSTILE.slice(0, 200),
				description: HOSTILE,
				leadAgency: HOSTILE.slice(0, 200),
				country: 'MEX',
				articles: [ARTICLE],
				status: 'in_progress',
				percentComplete: 40,
				indicators: [code]
			}
		}),
		'action'
	);
	await ok(
		await call(o, 'POST', `/api/v1/actions/${action.id}/updates`, {
			cookie: author,
			json: { date: '2025-01-15', note: HOSTILE, percentComplete: 50 }
		}),
		'update'
	);
	await ok(
		await call(o, 'POST', '/api/v1/evidence', {
			cookie: author,
			json: {
				url: `https://example.org/law?q=${encodeURIComponent(SCRIPT)}`,
				title: HOSTILE.slice(0, 300),
				kind: 'law',
				note: HOSTILE,
				target: { type: 'action', id: action.id }
			}
		}),
		'evidence'
	);
	const current = await ok(await call(o, 'GET', `/api/v1/actions/${action.id}`, { cookie }), 'get');
	await ok(
		await call(o, 'POST', `/api/v1/actions/${action.id}/submit`, {
			cookie: author,
			json: { version: current.version }
		}),
		'submit'
	);
	const submitted = await ok(
		await call(o, 'GET', `/api/v1/actions/${action.id}`, { cookie }),
		'get'
	);
	await ok(
		await call(o, 'POST', `/api/v1/actions/${action.id}/validate`, {
			cookie,
			json: { version: submitted.version }
		}),
		'validate'
	);
	// An admin's values are validated as they are saved.
	await ok(
		await call(o, 'POST', `/api/v1/indicators/${code}/observations`, {
			cookie,
			json: {
				observations: [2019, 2021, 2023].map((year, i) => ({
					country: 'MEX',
					period: String(year),
					value: 10 + i * 5,
					source: HOSTILE.slice(0, 1000),
					note: HOSTILE
				}))
			}
		}),
		'observations'
	);
	const link = await ok(
		await call(o, 'POST', '/api/v1/share-links', {
			cookie,
			json: { scopeType: 'framework', scopeTarget: 'rcm-gcm', label: HOSTILE.slice(0, 200) }
		}),
		'share link'
	);
	Object.assign(made, { action: action.id, code, token: link.token });
});

test.afterAll(async () => {
	await server?.stop();
	build?.cleanup();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/**
 * In the page: text holding a right-to-left override (U+202A–E, U+2066–9) that is not isolated
 * from the text around it — no isolating inline element (unicode-bidi: isolate, e.g. <bdi>)
 * between it and its block, and the block holds more than this text. Also counts the overrides.
 */
function findLeakingOverrides() {
	const leaks: string[] = [];
	let overrides = 0;
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.textContent ?? '';
		if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) continue;
		overrides++;
		let el = node.parentElement;
		let isolated = false;
		while (el) {
			const style = getComputedStyle(el);
			// An isolate, or an inline-block (its text is a paragraph of its own).
			const atomic = style.display.startsWith('inline') && style.display !== 'inline';
			if (/isolate|plaintext/.test(style.unicodeBidi) || atomic) {
				isolated = true;
				break;
			}
			if (style.display !== 'inline' && style.display !== 'contents') break;
			el = el.parentElement;
		}
		if (isolated) continue;
		if (el?.closest('script, style, template, title')) continue;
		if (el && el.textContent?.trim() === text.trim()) continue;
		leaks.push(`${el?.tagName}: ${el?.textContent?.slice(0, 80)}`);
	}
	return { leaks, overrides };
}

/** Opens a page and checks that nothing of the hostile text ran or became markup. */
async function expectInert(
	page: Page,
	path: string,
	opts: { shows?: boolean; parts?: string[] } = {}
) {
	const dialogs: string[] = [];
	const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
		dialogs.push(d.message());
		void d.dismiss();
	};
	page.on('dialog', onDialog);
	const res = await page.goto(path, { waitUntil: 'networkidle' });
	expect(res?.status(), path).toBe(200);
	const found = await page.evaluate(() => ({
		flag: (window as unknown as { __xss?: number }).__xss ?? null,
		images: document.querySelectorAll('img[src="x"], img[onerror]').length,
		handlers: [...document.querySelectorAll('*')].filter((el) =>
			[...el.attributes].some((a) => /^on/i.test(a.name))
		).length,
		// A <script> of its own (not SvelteKit's data, where the text sits escaped in a string).
		scripts: [...document.scripts].filter((s) => /^\s*window\.__xss/.test(s.textContent ?? ''))
			.length,
		jsLinks: [...document.querySelectorAll('a[href], iframe[src], form[action]')].filter((el) =>
			/^\s*javascript:/i.test(
				el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? ''
			)
		).length,
		text: document.body.textContent ?? ''
	}));
	const leakingOverrides = await page.evaluate(findLeakingOverrides);
	page.off('dialog', onDialog);
	expect(dialogs, `${path}: a dialog opened`).toEqual([]);
	expect(found.flag, `${path}: injected script ran`).toBeNull();
	expect(found.images, `${path}: injected <img>`).toBe(0);
	expect(found.handlers, `${path}: an element with an on… attribute`).toBe(0);
	expect(found.scripts, `${path}: an injected <script>`).toBe(0);
	expect(found.jsLinks, `${path}: a javascript: link`).toBe(0);
	expect(leakingOverrides.leaks, `${path}: a right-to-left override not isolated`).toEqual([]);
	if (opts.shows !== false) {
		expect(found.text, `${path}: shows the text`).toContain(`X${RUN}`);
		for (const part of opts.parts ?? VISIBLE)
			expect(found.text, `${path}: shows ${part} as text`).toContain(part);
	}
}

test('stored hostile text is inert on every signed-in page that shows it', async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	await signIn(page, ADMIN.email, ADMIN.password);
	const { action, code } = made;
	for (const path of [
		'/actions',
		`/actions?q=X${RUN}`,
		`/actions/${action}`,
		`/actions/${action}/edit`,
		'/evidence',
		'/indicators',
		`/indicators/${code}`,
		`/indicators/${code}?country=MEX`,
		`/indicators/${code}/observations?country=MEX`,
		`/articles/${ARTICLE}`,
		'/countries/MEX',
		'/audit',
		'/share-links'
	]) {
		await expectInert(page, path);
	}
	// The override really is on the pages (as text), and without the isolation rule of app.css
	// it would reach the text around it: the check above is not blind.
	let overrides = 0;
	const unisolated: string[] = [];
	for (const path of ['/actions', `/actions/${action}`, '/evidence', '/audit', '/share-links']) {
		await page.goto(path);
		overrides += (await page.evaluate(findLeakingOverrides)).overrides;
		await page.addStyleTag({ content: '* { unicode-bidi: normal !important; }' });
		unisolated.push(...(await page.evaluate(findLeakingOverrides)).leaks);
	}
	expect(overrides).toBeGreaterThan(0);
	expect(unisolated.length).toBeGreaterThan(0);
	// A person's name is at most 120 characters: the first pieces of the text.
	await expectInert(page, '/users', { parts: [SCRIPT, IMG] });
	// Pages that show some of it (titles may be shortened there): inert all the same.
	for (const path of ['/', '/review', `/indicators/${code}/edit`, '/imports'])
		await expectInert(page, path, { shows: false });
	await context.close();
});

test('stored hostile text is inert on shared pages, embeds and the report', async ({ browser }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({ baseURL: server.origin });
	const page = await context.newPage();
	const { token, code } = made;
	for (const path of [
		`/s/${token}/articles/${ARTICLE}`,
		`/s/${token}/indicators/${code}`,
		`/s/${token}/countries/MEX`
	]) {
		await expectInert(page, path);
	}
	for (const path of [
		`/s/${token}`,
		`/s/${token}/report`,
		`/s/${token}/embed/indicators/${code}`,
		`/s/${token}/embed/articles/${ARTICLE}`
	]) {
		await expectInert(page, path, { shows: false });
	}
	// The report prints the action and the indicator.
	const report = await page.goto(`/s/${token}/report`);
	expect(report?.status()).toBe(200);
	await expect(page.locator('body')).toContainText(`X${RUN}`);
	await context.close();
});

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
