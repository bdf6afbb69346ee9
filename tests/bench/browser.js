// The JavaScript a shared page really costs a reader: the page is opened in Chromium
// (Playwright's, or the system one as the tests use), scrolled to its end so that anything
// loaded on sight is loaded too, and every script the browser fetched — module preloads from
// the `Link` header, imports, dynamic chunks — is counted once and brotli-compressed here with
// node:zlib (quality 11, as a static pre-compression would). The document itself is counted
// apart (its HTML, brotli).
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';

const brotliKb = (buf) =>
	Math.round(
		brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 102.4
	) / 10;

/** Scripts and HTML of each page: `{ name: url }` → `{ name: { brotliKb, files, htmlBrotliKb, urls } }`. */
export async function pageJavaScript(pages) {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
	const out = {};
	try {
		for (const [name, url] of Object.entries(pages)) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			/** @type {Map<string, Promise<Buffer | null>>} */
			const scripts = new Map();
			page.on('response', (res) => {
				const type = res.request().resourceType();
				const ct = res.headers()['content-type'] ?? '';
				if (type !== 'script' && !/javascript/.test(ct)) return;
				if (!scripts.has(res.url()))
					scripts.set(
						res.url(),
						res.body().catch(() => null)
					);
			});
			const doc = await page.goto(url, { waitUntil: 'networkidle' });
			if (!doc || doc.status() !== 200) throw new Error(`${url} answered ${doc?.status()}`);
			await page.evaluate(async () => {
				for (let y = 0; y < document.body.scrollHeight; y += 600) {
					window.scrollTo(0, y);
					await new Promise((r) => setTimeout(r, 50));
				}
			});
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(300);
			let total = 0;
			for (const body of await Promise.all(scripts.values())) if (body) total += body.length;
			const bodies = (await Promise.all(scripts.values())).filter(Boolean);
			out[name] = {
				brotliKb: Math.round(bodies.reduce((s, b) => s + brotliKb(b) * 10, 0)) / 10,
				files: scripts.size,
				rawKb: Math.round(total / 102.4) / 10,
				htmlBrotliKb: brotliKb(await doc.body()),
				urls: [...scripts.keys()].map((u) => new URL(u).pathname)
			};
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}
