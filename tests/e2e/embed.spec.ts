import { type APIRequestContext, type Frame, type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectAccessible } from './helpers';
import {
	adminContext,
	apiContext,
	createAction,
	createLink,
	expireLink,
	postObservations,
	revokeLink,
	stamp,
	type Link
} from './opendata-fixtures';

// Embeds: /s/{token}/embed/indicators/{code} and /embed/articles/{n}: one chart with its table,
// no site chrome, framable by any site, within the link's scope, validated data only.

const TAG = `emb${stamp}`.toLowerCase();

let admin: APIRequestContext;
let anon: APIRequestContext;
let article2: Link;
let framework: Link;
let indicatorLink: Link;

test.beforeAll(async () => {
	admin = await adminContext();
	anon = await apiContext();
	await createAction(admin, { title: `Embed action ${stamp}`, country: 'MEX', articles: [2] });
	await postObservations(admin, '10.c.1', [
		{ country: 'MEX', period: '2003', disaggregation: { e2e: TAG }, value: 7.1 },
		{ country: 'MEX', period: '2004', disaggregation: { e2e: TAG }, value: 6.4 },
		{ country: 'GTM', period: '2003', disaggregation: { e2e: TAG }, value: 5.9 },
		{ country: 'GTM', period: '2004', disaggregation: { e2e: TAG }, value: 5.2 }
	]);
	article2 = await createLink(admin, 'article', '2');
	framework = await createLink(admin, 'framework', 'rcm-gcm');
	indicatorLink = await createLink(admin, 'indicator', '10.7.2');
});

test.afterAll(async () => {
	await admin.dispose();
	await anon.dispose();
});

/** A page on another origin (127.0.0.1 with its own port) that frames the given URLs. */
async function hostPage(frames: { name: string; src: string }[]): Promise<{
	server: Server;
	url: string;
}> {
	const html = `<!doctype html><html lang="en"><head><title>Another site</title></head><body>
		<h1>A partner's web page</h1>
		${frames
			.map(
				(f) =>
					`<iframe name="${f.name}" src="${f.src}" title="${f.name}" width="640" height="420"></iframe>`
			)
			.join('\n')}
	</body></html>`;
	const server = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(html);
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	return { server, url: `http://127.0.0.1:${port}/` };
}

/** True when the canvas has drawn pixels that are not white (the chart is painted). */
async function canvasPainted(frame: Frame | Page): Promise<boolean> {
	return frame
		.locator('canvas')
		.first()
		.evaluate((c: HTMLCanvasElement) => {
			if (c.width === 0 || c.height === 0) return false;
			const ctx = c.getContext('2d');
			if (!ctx) return false;
			const { data } = ctx.getImageData(0, 0, c.width, c.height);
			let ink = 0;
			for (let i = 0; i < data.length; i += 4) {
				if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
			}
			return ink > 500;
		});
}

test('headers: embeds may be framed by any site; every other shared page refuses framing', async () => {
	const embed = await anon.get(`/s/${article2.token}/embed/indicators/10.c.1`);
	expect(embed.status()).toBe(200);
	expect(embed.headers()['content-security-policy']).toMatch(/frame-ancestors \*(;|$)/);
	expect(embed.headers()['x-frame-options']).toBeUndefined();
	const article = await anon.get(`/s/${article2.token}/embed/articles/2`);
	expect(article.headers()['content-security-policy']).toMatch(/frame-ancestors \*(;|$)/);

	const report = await anon.get(`/s/${article2.token}/report`);
	expect(report.status()).toBe(200);
	expect(report.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(report.headers()['x-frame-options']).toBe('DENY');
});

test('another site frames the chart; an iframe of a normal shared page stays blocked', async ({
	page
}) => {
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const { server, url } = await hostPage([
		{ name: 'chart', src: `${origin}/s/${article2.token}/embed/indicators/10.c.1` },
		{ name: 'history', src: `${origin}/s/${article2.token}/embed/articles/2` },
		{ name: 'page', src: `${origin}/s/${article2.token}/report` }
	]);
	try {
		await page.goto(url);
		expect(new URL(page.url()).origin).not.toBe(origin);
		const chart = page.frameLocator('iframe[name="chart"]');
		await expect(chart.getByTestId('series-chart')).toBeVisible();
		await expect(chart.locator('canvas')).toBeVisible();
		const chartFrame = page.frame({ name: 'chart' })!;
		await expect.poll(() => canvasPainted(chartFrame)).toBe(true);
		// Its table is there for screen readers, with our values.
		await expect(chart.getByTestId('chart-table')).toContainText('2003');
		await expect(chart.getByRole('heading', { level: 1 })).toContainText('10.c.1');

		const history = page.frame({ name: 'history' })!;
		await expect(history.getByTestId('status-history-chart')).toBeVisible();
		await expect.poll(() => canvasPainted(history)).toBe(true);

		// The report refuses to be framed: the frame never shows it.
		const blocked = page.frame({ name: 'page' })!;
		await page.waitForTimeout(500); // let the refused navigation settle
		expect(blocked.url()).not.toContain('/report');
		await expect(page.frameLocator('iframe[name="page"]').getByTestId('report')).toHaveCount(0);
	} finally {
		server.close();
	}
});

test('an embed has minimal chrome: the chart, a title and a source line to the full page', async ({
	page
}) => {
	await page.goto(`/s/${article2.token}/embed/indicators/10.c.1`);
	await expect(page.locator('.site-header, nav, footer')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('10.c.1');
	await expect(page.getByTestId('series-chart')).toHaveCount(1);
	await expect(page.locator('canvas')).toHaveCount(1);
	// Target and ceiling lines are named in the key.
	await expect(page.getByTestId('series-chart')).toContainText('Target 3% by 2030');
	await expect(page.getByTestId('series-chart')).toContainText('Ceiling 5%');
	const source = page.getByRole('link', { name: /Source: Avance/ });
	await expect(source).toHaveAttribute('href', `/s/${article2.token}/indicators/10.c.1`);
	await expect(source).toHaveAttribute('target', '_blank');
	await expect(source).toHaveAttribute('rel', /noopener/);
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	await expectAccessible(page);

	await page.goto(`/s/${article2.token}/embed/articles/2`);
	await expect(page.locator('.site-header, nav, footer')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Article 2');
	await expect(page.getByTestId('status-history-table')).toHaveCount(1);
	await expect(page.getByRole('link', { name: /Source: Avance/ })).toHaveAttribute(
		'href',
		`/s/${article2.token}/articles/2`
	);
	await expectAccessible(page);
});

test('embeds stay within the link’s scope; unknown, revoked and expired answer 404', async () => {
	const get = (path: string) => anon.get(path).then((r) => r.status());
	const a = `/s/${article2.token}/embed`;
	expect(await get(`${a}/articles/2`)).toBe(200);
	expect(await get(`${a}/indicators/10.c.1`)).toBe(200); // an indicator of article 2
	expect(await get(`${a}/indicators/17.3.2`)).toBe(200);
	expect(await get(`${a}/articles/3`)).toBe(404);
	expect(await get(`${a}/indicators/10.7.2`)).toBe(404);
	expect(await get(`${a}/indicators/unknown`)).toBe(404);
	expect(await get(`${a}/articles/99`)).toBe(404);
	expect(await get(`${a}/articles/x`)).toBe(404);
	// A framework link embeds anything; an indicator link only its indicator.
	expect(await get(`/s/${framework.token}/embed/articles/17`)).toBe(200);
	expect(await get(`/s/${framework.token}/embed/indicators/10.7.3`)).toBe(200);
	expect(await get(`/s/${indicatorLink.token}/embed/indicators/10.7.2`)).toBe(200);
	expect(await get(`/s/${indicatorLink.token}/embed/indicators/10.c.1`)).toBe(404);
	expect(await get(`/s/${indicatorLink.token}/embed/articles/3`)).toBe(404);

	const revoked = await createLink(admin, 'article', '2');
	const expired = await createLink(admin, 'article', '2');
	await revokeLink(admin, revoked.id);
	expireLink(expired.id);
	for (const token of [revoked.token, expired.token, 'A'.repeat(43)]) {
		expect(await get(`/s/${token}/embed/articles/2`)).toBe(404);
		expect(await get(`/s/${token}/embed/indicators/10.c.1`)).toBe(404);
	}
});
