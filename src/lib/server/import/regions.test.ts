// Regions are geographies (issue 15 §5): the UN's 10.7.3 file keeps its M49 regional aggregates
// (013 Central America…) as regional series of the regional indicator, each its own series;
// an indicator that is not regional still skips them with the reason; `country=013` reads one.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { indicator } from '../db/schema';
import { listObservationPage, listObservations } from '../observations';
import { validatedObservations } from '../open-data/observations';
import { observationListQuery } from '$lib/schemas/observations';
import { progressQuery } from '$lib/schemas/indicators';
import { countryVerdict, indicatorChartData, knownScope } from '../progress';
import { indicatorPage } from '../progress/indicator-page';
import { runImport } from './pipeline';
import { writeTemplate } from './index';
import { observationsSdmxCsv } from '../sdmx';
import { admin, DDF_1073, freshDbPerTest, load, obsOf, t } from './pipeline-test-setup';

freshDbPerTest();

const CENTRAL_AMERICA = [
	['2014', 134],
	['2015', 148],
	['2016', 258],
	['2017', 163],
	['2018', 146],
	['2019', 206]
];

describe('regional series (M49 regions)', () => {
	it('the starter 10.7.3 accepts regional values', () => {
		const row = t.db.select().from(indicator).where(eq(indicator.code, '10.7.3')).get()!;
		expect(row.regional).toBe(true);
		const other = t.db.select().from(indicator).where(eq(indicator.code, '10.c.1')).get()!;
		expect(other.regional).toBe(false);
	});

	it('UN 10.7.3: Central America (013) is kept as a regional series, not mixed with members', () => {
		const report = runImport(t.db, admin, { text: load(DDF_1073), fileName: DDF_1073 });
		expect(report).toMatchObject({ format: 'sdg-ddf', rowsRead: 1668, errors: [] });
		expect(report.rowsImported).toBe(1476 + 186);
		expect(report.rowsSkipped).toBe(6);
		const ca = obsOf('10.7.3')
			.filter((r) => r.scopeKey === '013')
			.sort((a, b) => a.year - b.year);
		expect(ca.map((r) => [r.period, r.value])).toEqual(CENTRAL_AMERICA);
		expect(ca.every((r) => r.countryIso3 === null && r.regionM49 === '013')).toBe(true);
		// The RCM-wide scope holds nothing: a region is not the RCM.
		expect(obsOf('10.7.3').filter((r) => r.scopeKey === '')).toEqual([]);
		// Mexico's own series is untouched.
		expect(obsOf('10.7.3').filter((r) => r.countryIso3 === 'MEX')).toHaveLength(6);

		// The region is its own verdict and chart series; the members' chart leaves it out.
		const verdict = countryVerdict(t.db, admin, '10.7.3', '013', null);
		expect(verdict.country).toBe('013');
		expect(verdict.points.map((p) => p.value)).toEqual(CENTRAL_AMERICA.map(([, v]) => v));
		const members = indicatorChartData(t.db, admin, '10.7.3');
		expect(members.series.map((s) => s.key)).not.toContain('013');
		const page = indicatorPage(t.db, admin, '10.7.3', {
			method: null,
			country: '',
			allCorridors: false,
			history: null,
			locale: 'es',
			countryHref: (c) => c
		});
		expect(page.overview!.regions.map((r) => [r.country, r.name])).toContainEqual([
			'013',
			'Centroamérica'
		]);
		expect(page.overview!.verdicts.map((v) => v.country)).not.toContain('013');
		expect(page.options).toContainEqual({ value: '013', name: 'Centroamérica', hasData: true });
		const one = indicatorPage(t.db, admin, '10.7.3', {
			method: null,
			country: '013',
			allCorridors: false,
			history: null,
			locale: 'fr',
			countryHref: (c) => c
		});
		expect(one.selected).toBe('013');
		expect(one.selectedName).toBe('Amérique centrale');
		expect(one.country!.observations.every((o) => o.region === '013')).toBe(true);
	});

	it('an indicator that is not regional still skips regional aggregates with the reason', () => {
		t.db.update(indicator).set({ regional: false }).where(eq(indicator.code, '10.7.3')).run();
		const report = runImport(t.db, admin, { text: load(DDF_1073), fileName: DDF_1073 });
		expect(report).toMatchObject({ rowsImported: 1476, rowsSkipped: 192, errors: [] });
		const reasons = report.skipped.map((s) => s.reason);
		expect(reasons).toContain('regional aggregate (M49 13 Central America)');
		expect(reasons).toContain('regional aggregate (M49 419 Latin America and the Caribbean)');
		expect(reasons.every((r) => r.startsWith('regional aggregate ('))).toBe(true);
		expect(report.skipped.map((s) => s.line)).toEqual(
			[...report.skipped.map((s) => s.line)].sort((a, b) => a - b)
		);
		expect(obsOf('10.7.3').filter((r) => r.regionM49 !== null)).toEqual([]);
	});

	it('the observations API and open data take an M49 region code as country', () => {
		runImport(t.db, admin, { text: load(DDF_1073), fileName: DDF_1073 });
		const q = observationListQuery.parse({ country: '013' });
		expect(q.country).toBe('013');
		const page = listObservationPage(t.db, admin, '10.7.3', { country: q.country, locale: 'en' });
		expect(page.items.map((o) => [o.period, o.value])).toEqual(CENTRAL_AMERICA);
		expect(page.items[0]).toMatchObject({
			country: null,
			region: '013',
			countryName: 'Central America'
		});
		expect(listObservations(t.db, admin, '10.7.3', { country: 'MEX' })).toHaveLength(6);
		const open = validatedObservations(t.db, ['10.7.3'], { country: '013' });
		expect(open.map((o) => [o.period, o.value])).toEqual(CENTRAL_AMERICA);
		expect(open[0]).toMatchObject({ country: null, region: '013' });
		expect(progressQuery.parse({ country: '013' }).country).toBe('013');
		expect(knownScope(t.db, '013')).toBe('013');
		expect(() => knownScope(t.db, '999')).toThrow(expect.objectContaining({ status: 404 }));
		expect(observationListQuery.safeParse({ country: '13a' }).success).toBe(false);
	});

	it('exports write the region code, and the template and SDMX-CSV read it back as the same series', () => {
		runImport(t.db, admin, { text: load(DDF_1073), fileName: DDF_1073 });
		const items = listObservations(t.db, admin, '10.7.3', { country: '013' });
		const csv = writeTemplate(items.map((o) => ({ ...o, indicator: o.indicator })));
		expect(csv).toContain('10.7.3,013,2016,,258');
		const again = runImport(t.db, admin, { text: csv, fileName: 'x.csv', dryRun: true });
		expect(again).toMatchObject({
			format: 'template',
			errors: [],
			rowsImported: 0,
			rowsUnchanged: 6
		});
		const sdmx = observationsSdmxCsv(t.db, admin, '10.7.3', { country: '013' }).csv;
		expect(sdmx).toContain(',013,');
		expect(sdmx).not.toContain(',RCM,');
		const back = runImport(t.db, admin, { text: sdmx, dryRun: true });
		expect(back).toMatchObject({ format: 'sdmx-csv', errors: [], rowsImported: 0 });
		expect(back.rowsUnchanged + back.rowsAnnotated).toBe(6);
	});
});

describe('editions and regional series', () => {
	freshDbPerTest();
	it('an edition holds the member states and the RCM, never a region taken for the RCM', async () => {
		const { createEdition, editionSnapshot } = await import('../editions');
		runImport(t.db, admin, { text: load(DDF_1073), fileName: DDF_1073 });
		expect(validatedObservations(t.db, ['10.7.3']).some((o) => o.region === '013')).toBe(true);
		createEdition(t.db, admin, { name: 'With regions' });
		const s = editionSnapshot(t.db, 'with-regions');
		const obs = s.observations.filter((o) => o.indicator === '10.7.3');
		expect(obs.length).toBeGreaterThan(0);
		expect(obs.every((o) => !(o as { region?: string }).region)).toBe(true);
		// No two values of the same scope, period and breakdown (a region would collide with RCM's).
		const keys = obs.map((o) => `${o.country}|${o.period}|${JSON.stringify(o.disaggregation)}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('import profiles keep regions too', () => {
	const RECORDS = [
		'Year,Area,Dead',
		'2019,013,5',
		'2019,013,7',
		'2019,Guatemala,2',
		'2019,World,9'
	].join('\n');
	const profile = (indicatorCode: string) => ({
		name: 'Records by area',
		indicator: indicatorCode,
		period: { column: 'Year', pattern: '{yyyy}' },
		geography: { column: 'Area', kind: 'm49' as const },
		value: { column: 'Dead' },
		aggregate: 'sum' as const
	});

	it('an M49 region summed into a regional series of a regional indicator', () => {
		const report = runImport(t.db, admin, {
			text: RECORDS,
			fileName: 'records.csv',
			profile: profile('10.7.3')
		});
		expect(report).toMatchObject({ format: 'profile', errors: [], committed: true });
		const rows = obsOf('10.7.3').filter((r) => r.period === '2019');
		expect(rows.filter((r) => r.regionM49 === '013').map((r) => r.value)).toEqual([12]);
		expect(rows.filter((r) => r.countryIso3 === 'GTM').map((r) => r.value)).toEqual([2]);
		expect(report.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('World')]);
	});

	it('an indicator that is not regional skips the region with the reason', () => {
		const report = runImport(t.db, admin, {
			text: RECORDS.replace(/,(\d+)$/gm, ',4.$1'),
			fileName: 'records.csv',
			profile: profile('10.c.1')
		});
		expect(report.errors).toEqual([]);
		expect(report.skipped.map((s) => s.reason).join(' ')).toContain('M49 13 Central America');
		expect(obsOf('10.c.1').filter((r) => r.scopeKey === '013')).toEqual([]);
	});
});
