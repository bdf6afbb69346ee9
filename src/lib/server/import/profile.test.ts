import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { AppError } from '../http/errors';
import { readWithProfile, type ImportProfileSpec } from './index';
import { runImport, type ImportReport } from './pipeline';
import { revertImportRun } from './runs';
import { periodMatcher } from './readers/profile';

const IOM = 'iom-mmp-kaggle__global-missing-migrants.csv';
const iom = () => readFileSync(`${SHARED_DATA}/${IOM}`, 'utf8');

const IOM_BY_ORIGIN: ImportProfileSpec = {
	name: 'IOM deaths by country of origin',
	indicator: '10.7.3',
	period: { column: 'Incident year', pattern: '{yyyy}' },
	geography: { column: 'Country of Origin', kind: 'name' },
	value: { column: 'Total Number of Dead and Missing' },
	aggregate: 'sum'
};

/** World Bank RPW in its long layout (the columns and period labels of the bulk download). */
const RPW_LONG = [
	'period,source_code,source_name,destination_code,destination_name,firm_type,avg_cost_pct_200usd',
	'2016_1Q,USA,United States,MEX,Mexico,Bank,6.1',
	'2016_1Q,USA,United States,MEX,Mexico,Money Transfer Operator,4.1',
	'2016_2Q,USA,United States,MEX,Mexico,Bank,5.9',
	'2016_2Q,USA,United States,GTM,Guatemala,Bank,5.2',
	'2016_2Q,CRI,Costa Rica,NIC,Nicaragua,Bank,..'
].join('\n');

const RPW_PROFILE: ImportProfileSpec = {
	name: 'RPW long',
	indicator: '10.c.1',
	period: { column: 'period', pattern: '{yyyy}_{q}Q' },
	geography: { column: 'destination_code', kind: 'iso3' },
	value: { column: 'avg_cost_pct_200usd' },
	disaggregations: [{ key: 'corridor', template: '{source_code}>{destination_code}' }],
	aggregate: 'mean'
};

describe('period patterns', () => {
	it('{yyyy}_{q}Q, {yyyy}, {yyyy}-{mm}', () => {
		expect(periodMatcher('{yyyy}_{q}Q')!('2016_2Q')).toBe('2016-Q2');
		expect(periodMatcher('{yyyy}')!('2014')).toBe('2014');
		expect(periodMatcher('{yyyy}-{mm}')!('2020-3')).toBe('2020-03');
		expect(periodMatcher('{yyyy}-{mm}')!('2020-13')).toBeNull();
		expect(periodMatcher('{q}Q')).toBeNull();
	});
});

describe('a profile maps any layout', () => {
	it('IOM incident records summed by year and country of origin: Guatemala 46, 15, 23', () => {
		const read = readWithProfile(iom(), IOM_BY_ORIGIN);
		expect(read.errors).toEqual([]);
		expect(read.rowsRead).toBe(2191);
		const gtm = read.rows.filter((r) => r.country === 'GTM');
		expect(gtm.map((r) => [r.period, r.value])).toEqual([
			['2014', 46],
			['2015', 15],
			['2016', 23]
		]);
		expect(gtm[0]).toMatchObject({ indicator: '10.7.3', disaggregation: {} });
		expect(read.skipped.filter((s) => s.reason.includes("'Unknown'"))).toHaveLength(1455);
		expect(read.skipped[0].reason).toMatch(/^unknown geography '.*' in Country of Origin$/);
	});

	it('a filter keeps the rows it names (Region of Incident = Central America)', () => {
		const read = readWithProfile(iom(), {
			...IOM_BY_ORIGIN,
			geography: { fixed: 'GTM' },
			filters: [{ column: 'Region of Incident', equals: 'Central America' }]
		});
		expect(read.errors).toEqual([]);
		expect(read.skipped.some((s) => s.reason.startsWith('filtered out (Region of Incident'))).toBe(
			true
		);
		expect(read.rows.every((r) => r.country === 'GTM')).toBe(true);
		expect(read.rows.length).toBeGreaterThan(0);
	});

	it('count and max aggregations', () => {
		const count = readWithProfile(iom(), { ...IOM_BY_ORIGIN, aggregate: 'count' });
		expect(count.rows.filter((r) => r.country === 'GTM').map((r) => r.value)).toEqual([
			expect.any(Number),
			expect.any(Number),
			expect.any(Number)
		]);
		const gtmRecords = count.rows
			.filter((r) => r.country === 'GTM')
			.reduce((a, r) => a + r.value, 0);
		expect(gtmRecords).toBe(35);
	});

	it('the World Bank long layout: periods 2016_2Q, a corridor composed from two columns', () => {
		const read = readWithProfile(RPW_LONG, RPW_PROFILE);
		expect(read.errors).toEqual([]);
		expect(read.rows.map((r) => [r.country, r.period, r.disaggregation, r.value])).toEqual([
			['MEX', '2016-Q1', { corridor: 'USA>MEX' }, 5.1],
			['MEX', '2016-Q2', { corridor: 'USA>MEX' }, 5.9],
			['GTM', '2016-Q2', { corridor: 'USA>GTM' }, 5.2]
		]);
		expect(read.skipped).toEqual([{ line: 6, reason: 'missing value' }]);
	});
});

describe('bad profiles and files: a clear error naming the column and line, nothing written', () => {
	let t: TestDb;
	beforeEach(() => {
		t = freshDb();
	});
	afterEach(() => t.close());

	const count = () =>
		(t.db.$client.prepare('select count(*) as n from observation').get() as { n: number }).n;
	function refused(profile: ImportProfileSpec, text = iom()): ImportReport {
		const admin = person(t.db, 'admin');
		const before = count();
		try {
			runImport(t.db, admin, { text, fileName: 'x.csv', profile });
		} catch (e) {
			if (!(e instanceof AppError)) throw e;
			expect(count()).toBe(before);
			return e.details as ImportReport;
		}
		throw new Error('expected a refusal');
	}

	it('a profile naming a missing column', () => {
		const report = refused({ ...IOM_BY_ORIGIN, value: { column: 'Deaths' } });
		expect(report.errors).toEqual([
			{
				line: 1,
				column: 'Deaths',
				message: expect.stringContaining(
					"The profile 'IOM deaths by country of origin' names column the file does not have: Deaths"
				)
			}
		]);
	});

	it('a pattern that matches no period', () => {
		const report = refused({
			...IOM_BY_ORIGIN,
			period: { column: 'Reported Month', pattern: '{yyyy}' }
		});
		expect(report.errors[0]).toEqual({
			line: 1,
			column: 'Reported Month',
			message: "No cell of Reported Month matches the period pattern '{yyyy}'."
		});
		expect(report.errors[1]).toMatchObject({ line: 2, column: 'Reported Month' });
	});

	it('an aggregation of text', () => {
		const report = refused({ ...IOM_BY_ORIGIN, value: { column: 'Cause of Death' } });
		expect(report.errors[0]).toEqual({
			line: 2,
			column: 'Cause of Death',
			message: "'Mixed or unknown' is not a number, so it cannot be aggregated (sum)."
		});
	});

	it('the IOM profile commits through the one write path, and undo works', () => {
		const admin = person(t.db, 'admin');
		const before = count();
		const report = runImport(t.db, admin, { text: iom(), fileName: IOM, profile: IOM_BY_ORIGIN });
		expect(report).toMatchObject({ format: 'profile', committed: true, errors: [] });
		const gtm = t.db.$client
			.prepare(
				"select period, value from observation o join indicator i on i.id = o.indicator_id where i.code = '10.7.3' and o.country_iso3 = 'GTM' order by period"
			)
			.all();
		expect(gtm).toEqual([
			{ period: '2014', value: 46 },
			{ period: '2015', value: 15 },
			{ period: '2016', value: 23 }
		]);
		revertImportRun(t.db, admin, report.importRunId!);
		expect(count()).toBe(before);
	});
});
