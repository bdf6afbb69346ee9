// Shared setup of the hostile-input specs (hostile*.spec.ts): the hostile text, a server and
// database of their own (so the stored strings never reach other specs' pages) holding that text
// in every kind of field people type, and the check that a page shows it inert.
import { type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, buildSource, copyBuild, startServer } from '../load/server.js';
import { request as call, signIn as apiSignIn } from '../load/client.js';

export const ARTICLE = 7;
export const RUN = Date.now().toString(36);

/** What a hostile person types. Every piece must come out as text. */
export const SCRIPT = `<script>window.__xss=1;alert('s')</script>`;
export const IMG = `"><img src=x onerror="window.__xss=1;alert('i')">`;
export const JS = `javascript:alert('j')`;
export const CLOSE = `</script><script>window.__xss=1;alert('d')</script>`;
export const CONTROL = '\u202Eevil\u202C\u2028\u2029\u0007';
export const HOSTILE = `X${RUN} ${SCRIPT} ${IMG} ${JS} ${CLOSE} ${CONTROL}`;
/** The parts that must appear literally on the page (control characters may be dropped). */
export const VISIBLE = [SCRIPT, IMG, JS, CLOSE];

export type Server = Awaited<ReturnType<typeof startServer>>;
export let server: Server;
export let build: ReturnType<typeof copyBuild>;
export let tmp: string;
export const made = { action: 0, code: '', token: '' };

/** Starts the server of the calling spec file, with the hostile text stored, and stops it after. */
export function hostileServer() {
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
		const current = await ok(
			await call(o, 'GET', `/api/v1/actions/${action.id}`, { cookie }),
			'get'
		);
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
}

/**
 * In the page: text holding a right-to-left override (U+202A–E, U+2066–9) that is not isolated
 * from the text around it — no isolating inline element (unicode-bidi: isolate, e.g. <bdi>)
 * between it and its block, and the block holds more than this text. Also counts the overrides.
 */
export function findLeakingOverrides() {
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
export async function expectInert(
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
