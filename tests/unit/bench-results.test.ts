// The bench's result file (tests/bench/report.js): the fields the issue names, the ratios and
// the table; and the import file it generates stays within the import limits. A result file
// from a real run is checked too when BENCH_RESULTS names one. Nothing here measures time.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '$lib/schemas/imports';

// Loaded by path: the bench's plain JS modules stay outside the type check (tsconfig).
const dir = resolve(import.meta.dirname, '../bench');
const report = await import(/* @vite-ignore */ `${dir}/report.js`);
const importer = await import(/* @vite-ignore */ `${dir}/import.js`);

const figures = (rps: number, p50Ms: number) => ({ rps, p50Ms, p99Ms: p50Ms * 3 });
function scale(p50: number) {
	const pages: Record<string, unknown> = {};
	for (const p of report.PAGES as string[])
		pages[p] = { warm: figures(1000, p50), cold: figures(20, p50 * 4) };
	return {
		pages,
		staticSharedArticle: figures(2000, 1),
		mixed: { readP50Ms: 10, readP99Ms: 90, writesPerSec: 30, errors: 0 }
	};
}
function tinyRun() {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed result file, edited freely below
	const r: Record<string, any> = {
		scale: { '1': scale(5), '10': scale(8) },
		sharedPageJs: {
			withChart: { brotliKb: 70.2, files: 12 },
			withoutChart: { brotliKb: 30.1, files: 9 }
		},
		import: { rowsPerSec: 90000, eventLoopMaxBlockMs: 40, peakRssMb: 200 }
	};
	r.ratios = report.ratios(r);
	return r;
}

describe('bench result file', () => {
	it('has every field of the issue, with growth factor 10 / 1 and shared vs static', () => {
		const r = tinyRun();
		expect(report.shapeErrors(r)).toEqual([]);
		expect(r.ratios.sharedVsStatic).toBe(0.5);
		expect(r.ratios.growth.overview).toEqual({ warm: 1.6, cold: 1.6 });
		const table: string = report.table(r);
		expect(table).toContain('| overview |');
		expect(table).toContain('shared vs static: 0.5');
	});

	it('names what is missing; a run at factor 1 only has no growth figures but is complete', () => {
		const r = tinyRun();
		delete r.scale['1'].pages.country.cold;
		delete r.import.peakRssMb;
		expect(report.shapeErrors(r)).toEqual(
			expect.arrayContaining([
				'scale.1.pages.country.cold.rps',
				'scale.1.pages.country.cold.p50Ms',
				'import.peakRssMb'
			])
		);
		const one = tinyRun();
		delete one.scale['10'];
		one.ratios = report.ratios(one);
		expect(report.shapeErrors(one)).toEqual([]);
		expect(one.ratios.growth.indicator).toEqual({ warm: null, cold: null });
	});

	it('generates a 16 MB template file within the import limits', () => {
		const { csv, rows } = importer.templateCsv();
		const bytes = Buffer.byteLength(csv);
		expect(bytes).toBeGreaterThan(15_900_000);
		expect(bytes).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
		expect(rows).toBeLessThanOrEqual(300_000);
		expect(csv.split('\n', 2)[1]).toMatch(/^RCM-60,BLZ,1995-Q1,group=b1,/);
	});

	it.runIf(process.env.BENCH_RESULTS && existsSync(process.env.BENCH_RESULTS))(
		'a real result file (BENCH_RESULTS) has every field',
		() => {
			const r = JSON.parse(readFileSync(process.env.BENCH_RESULTS!, 'utf8'));
			expect(report.shapeErrors(r)).toEqual([]);
		}
	);
});
