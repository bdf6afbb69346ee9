import { type APIRequestContext, type Page } from '@playwright/test';
import { test, expect } from './api-test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUser, expectAccessible } from './helpers';
import {
	adminContext,
	apiContext,
	createAction,
	createLink,
	postObservations,
	reviewStep,
	stamp,
	type Link
} from './opendata-fixtures';

// The printable report of a link's scope: cover, one section per article in scope, charts that
// print whole and sharp on A4 and Letter; validated data only.

const TAG = `rep${stamp}`.toLowerCase();
const VISIBLE = `Report remittance action ${stamp}`;
const MM = 96 / 25.4; // CSS pixels per millimetre
const PAPER = {
	A4: { width: 210 * MM, height: 297 * MM },
	Letter: { width: 8.5 * 96, height: 11 * 96 }
} as const;
const MARGIN = 15 * MM; // @page { margin: 15mm }

let admin: APIRequestContext;
let anon: APIRequestContext;
let article2: Link;
let framework: Link;

test.beforeAll(async () => {
	admin = await adminContext();
	anon = await apiContext();
	await createAction(admin, {
		title: VISIBLE,
		country: 'MEX',
		articles: [2],
		indicators: ['10.c.1']
	});
	await createAction(admin, {
		title: `Report article 6 action ${stamp}`,
		country: 'GTM',
		articles: [6]
	});
	const values = (country: string, start: number) =>
		[2005, 2006, 2007, 2008].map((year, i) => ({
			country,
			period: String(year),
			disaggregation: { e2e: TAG },
			value: start - i * 0.3
		}));
	await postObservations(admin, '10.c.1', [...values('MEX', 6), ...values('SLV', 5.5)]);
	await postObservations(admin, '16.2.2', values('GTM', 3));
	article2 = await createLink(admin, 'article', '2');
	framework = await createLink(admin, 'framework', 'rcm-gcm');
});

test.afterAll(async () => {
	await admin.dispose();
	await anon.dispose();
});

/** Every chart is drawn by Chart.js (a bare canvas is 300 px wide at one pixel per pixel). */
async function chartsDrawn(page: Page) {
	const charts = page.locator('[data-testid="report-chart"] canvas');
	await expect(charts.first()).toBeVisible();
	await expect
		.poll(() =>
			charts.evaluateAll((cs) =>
				cs.every((c) => (c as HTMLCanvasElement).width >= 2 * c.clientWidth && c.clientWidth > 0)
			)
		)
		.toBe(true);
}

function pageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

test('an article link reports on that article only, with a cover', async ({ page }) => {
	await page.goto(`/s/${article2.token}/report`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Article 2: Migrants’ contributions'
	);
	const cover = page.locator('.cover');
	await expect(cover).toContainText(`article 2 ${stamp}`); // the link's label
	await expect(cover).toContainText('Data last validated');
	await expect(cover).not.toContainText('Frozen at');
	const sections = page.getByTestId('report-article');
	await expect(sections).toHaveCount(1);
	await expect(sections).toHaveAttribute('data-article', '2');
	await expect(sections).toContainText('We recognize the positive economic, social, and cultural');
	await expect(page.getByTestId('report-actions')).toContainText(VISIBLE);
	await expect(page.getByTestId('report-by-status')).toBeVisible();
	// Its indicators: 10.c.1 with a chart and the member states' verdicts, and 17.3.2.
	const ind = page.locator('[data-testid="report-indicator"][data-code="10.c.1"]');
	await expect(ind.getByTestId('report-chart')).toBeVisible();
	await expect(ind.getByTestId('report-verdicts')).toContainText('Mexico');
	await expect(ind.getByTestId('verdict').first()).toBeVisible();
	await expect(page.locator('[data-testid="report-indicator"][data-code="17.3.2"]')).toHaveCount(1);
	await expect(page.locator('[data-testid="report-indicator"][data-code="16.2.2"]')).toHaveCount(0);
	await expect(page.getByTestId('open-data')).toBeVisible();
	expect(await page.content()).not.toContain('@example.org');
	await expectAccessible(page);
});

test('a frozen link shows its as-of date on the cover', async ({ page }) => {
	const today = new Date().toISOString().slice(0, 10);
	const frozen = await createLink(admin, 'article', '6', { asOf: today });
	await page.goto(`/s/${frozen.token}/report`);
	await expect(page.locator('.cover')).toContainText('Frozen at');
	await expect(page.getByTestId('report-as-of')).toBeVisible();
	await expect(page.getByTestId('report-article')).toHaveAttribute('data-article', '6');
});

test('a draft never appears in the report, the data or the embed until it is validated', async ({
	page,
	request
}) => {
	const coordinator = {
		email: `report.coord.${stamp}@example.org`,
		password: 'coordinator-pass-123'
	};
	await createUser(request, {
		...coordinator,
		name: 'Report Coordinator',
		role: 'coordinator',
		countries: ['MEX']
	});
	const coord = await apiContext(coordinator.email, coordinator.password);
	// Shared pages may be cached by the browser for a minute: each look asks a new address.
	let look = 0;
	const embedTotal = async () => {
		await page.goto(`/s/${article2.token}/embed/articles/2?look=${++look}`);
		const cell = page
			.locator('[data-testid="status-history-table"] tbody tr')
			.last()
			.locator('td')
			.nth(5);
		return Number((await cell.textContent())!.trim());
	};
	try {
		const before = await embedTotal();
		const draftTitle = `Draft action not for sharing ${stamp}`;
		const draft = await createAction(coord, { title: draftTitle, country: 'MEX', articles: [2] });
		expect(draft.reviewState).toBe('draft');

		const data = await (await anon.get(`/s/${article2.token}/data.json`)).text();
		expect(data).not.toContain(draftTitle);
		expect(await (await anon.get(`/s/${article2.token}/data.csv`)).text()).not.toContain(
			draftTitle
		);
		await page.goto(`/s/${article2.token}/report`);
		await expect(page.getByTestId('report-actions')).toContainText(VISIBLE);
		await expect(page.getByText(draftTitle)).toHaveCount(0);
		expect(await embedTotal()).toBe(before);

		// Submitted is not published either.
		await reviewStep(coord, draft.id, 'submit');
		expect(await (await anon.get(`/s/${article2.token}/data.json`)).text()).not.toContain(
			draftTitle
		);

		await reviewStep(admin, draft.id, 'validate');
		const after = await (await anon.get(`/s/${article2.token}/data.json`)).json();
		expect(after.actions.map((a: { title: string }) => a.title)).toContain(draftTitle);
		await page.goto(`/s/${article2.token}/report?look=${++look}`);
		await expect(page.getByTestId('report-actions')).toContainText(draftTitle);
		expect(await embedTotal()).toBe(before + 1);
	} finally {
		await coord.dispose();
	}
});

for (const format of ['A4', 'Letter'] as const) {
	test(`the report prints on ${format}: several pages, charts whole, sharp and within the page`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.goto(`/s/${framework.token}/report`);
		await expect(page.getByTestId('report-article')).toHaveCount(18);
		await chartsDrawn(page);

		const pdf = await page.pdf({ format });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pageCount(pdf)).toBeGreaterThan(1);
		const dir = test.info().outputPath();
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `report-${format}.pdf`);
		writeFileSync(file, pdf);
		// A picture of the first page when poppler-utils happens to be installed (not required).
		let pdftoppm = false;
		try {
			execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
			pdftoppm = true;
		} catch {
			test.info().annotations.push({ type: 'note', description: 'pdftoppm not installed' });
		}
		if (pdftoppm) {
			execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
			expect(existsSync(join(dir, 'page-01.png')) || existsSync(join(dir, 'page-1.png'))).toBe(
				true
			);
		}

		// The same layout in print media, at the width of the page's text block.
		const paper = PAPER[format];
		const content = { width: paper.width - 2 * MARGIN, height: paper.height - 2 * MARGIN };
		await page.setViewportSize({ width: Math.floor(content.width), height: 900 });
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.no-print').first()).toBeHidden();
		// Chart.js follows its container to the print width.
		await expect
			.poll(() =>
				page
					.locator('[data-testid="report-chart"] canvas')
					.evaluateAll((cs) => Math.max(...cs.map((c) => c.getBoundingClientRect().right)))
			)
			.toBeLessThanOrEqual(content.width + 1);

		const charts = await page.locator('[data-testid="report-chart"]').evaluateAll((els) =>
			els.map((el) => {
				const box = el.getBoundingClientRect();
				const canvas = el.querySelector('canvas')!;
				const c = canvas.getBoundingClientRect();
				return {
					height: box.height,
					right: box.right,
					canvasRight: c.right,
					canvasLeft: c.left,
					breakInside: getComputedStyle(el).breakInside,
					ratio: canvas.width / canvas.clientWidth
				};
			})
		);
		expect(charts.length).toBeGreaterThan(0);
		for (const c of charts) {
			expect(c.breakInside).toBe('avoid');
			// Fits in one page, so "avoid" can always be honoured…
			expect(c.height).toBeLessThan(content.height);
			// …and is not cut at the right edge.
			expect(c.canvasLeft).toBeGreaterThanOrEqual(0);
			expect(c.canvasRight).toBeLessThanOrEqual(content.width + 1);
			// Drawn at several device pixels per CSS pixel: sharp on paper.
			expect(c.ratio).toBeGreaterThanOrEqual(2);
		}

		// Paginate the print layout for real: the report flows through columns exactly the size
		// of the page's text block (the same fragmentation rules as pages); a chart split across a
		// boundary would come back as two boxes.
		const fragments = await page.evaluate(({ width, height }) => {
			const report = document.querySelector('[data-testid="report"]')!;
			const pages = document.createElement('div');
			pages.style.cssText = `column-width:${width}px;column-gap:0;column-fill:auto;width:${width}px;height:${height}px`;
			report.parentNode!.insertBefore(pages, report);
			pages.appendChild(report);
			return [...document.querySelectorAll('[data-testid="report-chart"]')].map((el) => ({
				boxes: el.getClientRects().length,
				height: el.getBoundingClientRect().height
			}));
		}, content);
		for (const f of fragments) {
			expect(f.boxes).toBe(1);
			expect(f.height).toBeLessThanOrEqual(content.height);
		}
	});
}

test('printed pages carry a running header and "page n of m" in the page language; articles flow on', async ({
	page
}) => {
	for (const [lang, header, pageOf] of [
		['', 'RCM · Avance · ', '"Page " counter(page) " of " counter(pages)'],
		['/es', 'CRM · Avance · ', '"Página " counter(page) " de " counter(pages)'],
		['/fr', 'CRM · Avance · ', '"Page " counter(page) " sur " counter(pages)']
	] as const) {
		await page.goto(`${lang}/s/${framework.token}/report`);
		// The @page margin boxes (CSS paged media, printed by Chromium) of this report.
		const boxes = await page.evaluate(() =>
			[...document.querySelectorAll('style')]
				.map((s) => s.textContent ?? '')
				.filter((t) => t.includes('@top-right'))
				.join('\n')
		);
		expect(boxes).toContain(`@top-left { content: "${header}`);
		expect(boxes).toContain(`@top-right { content: ${pageOf}`);
	}
	// On paper an article starts where the one before ends: no page is left mostly empty.
	await page.emulateMedia({ media: 'print' });
	const breaks = await page
		.getByTestId('report-article')
		.evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
	expect(breaks.length).toBeGreaterThan(1);
	expect(breaks.filter((b) => b === 'page')).toEqual([]);
	const pdf = await page.pdf({ format: 'A4' });
	expect(pageCount(pdf)).toBeGreaterThan(1);
});
