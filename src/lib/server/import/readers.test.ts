import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, NO_GEOGRAPHY_MESSAGE, readCsv } from './index';
import type { ParsedObservation } from './types';
import { SHARED_DATA_URL } from '../../../../tests/helpers/shared-data';

const dataDir = SHARED_DATA_URL;
const RPW = 'worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv';
const DDF_1073 = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';
const DDF_1072 =
	'unsdg-ddf__ddf--datapoints--sg_cpa_migrs--by--geo_area--nature--policy_domains--units--year.csv';
const DDF_881 =
	'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv';
const CANADA = 'canada-opensdg__indicator_10-7-4.csv';
const MEXICO = 'mexico-opensdg__indicator_17-3-2.csv';

function load(name: string): string {
	return readFileSync(new URL(name, dataDir), 'utf8');
}

function find(rows: ParsedObservation[], match: Partial<ParsedObservation>): ParsedObservation[] {
	return rows.filter((r) =>
		Object.entries(match).every(([k, v]) =>
			k === 'disaggregation'
				? JSON.stringify(r.disaggregation) === JSON.stringify(v)
				: r[k as keyof ParsedObservation] === v
		)
	);
}

it('finds the shared data directory (../shared/data beside the checkout)', () => {
	expect(fileURLToPath(dataDir)).toMatch(/[\\/]shared[\\/]data[\\/]$/);
	expect(load(CANADA).length).toBeGreaterThan(0);
});

describe('detectFormat on the real files', () => {
	it.each([
		[RPW, 'databank'],
		[DDF_1073, 'sdg-ddf'],
		[DDF_1072, 'sdg-ddf'],
		[DDF_881, 'sdg-ddf'],
		[CANADA, 'opensdg'],
		[MEXICO, 'opensdg']
	])('%s → %s', (file, format) => {
		expect(detectFormat(load(file))).toBe(format);
	});
});

describe('World Bank RPW (databank)', () => {
	const text = load(RPW);
	const result = readCsv(text, null, {});
	const lines = text.replace(/^\ufeff/, '').split('\n');

	it('reads every data row without errors; blank and footer lines are not rows', () => {
		expect(result.format).toBe('databank');
		expect(result.errors).toEqual([]);
		const dataLines = lines
			.slice(1)
			.filter((l) => l.replace(/,/g, '').trim() !== '' && !/^(Data from|Last Updated)/.test(l));
		expect(result.rowsRead).toBe(dataLines.length);
		const footerLine = lines.findIndex((l) => l.startsWith('Data from database')) + 1;
		expect(result.skipped.some((s) => s.line >= footerLine)).toBe(false);
		expect(result.rows.some((r) => r.line >= footerLine)).toBe(false);
	});

	it('USA>MEX: one observation per non-missing cell, periods as 2013-Q1', () => {
		const lineIndex = lines.findIndex((l) =>
			l.startsWith(
				'United States of America,USA,Average Total Cost to remit in corridor,ATCR.CORR,Mexico,MEX,'
			)
		);
		const cells = lines[lineIndex].split(',').slice(6);
		const header = lines[0].split(',').slice(6);
		const expected = cells.filter((c) => c.trim() !== '..').length;
		const mex = find(result.rows, { country: 'MEX', disaggregation: { corridor: 'USA>MEX' } });
		expect(mex.length).toBe(expected);
		expect(mex.every((r) => r.line === lineIndex + 1)).toBe(true);
		const q = header.indexOf('2013Q1 [YR2013Q1]');
		const obs = find(mex, { period: '2013-Q1' });
		expect(obs).toHaveLength(1);
		expect(obs[0].value).toBe(Number(cells[q]));
		expect(obs[0]).toMatchObject({
			indicator: '10.c.1',
			status: 'final',
			source: 'World Bank, Remittance Prices Worldwide (ATCR.CORR)',
			note: null
		});
	});

	it('keeps the negative USA>HND value of 2014-Q2', () => {
		const hnd = find(result.rows, {
			country: 'HND',
			disaggregation: { corridor: 'USA>HND' },
			period: '2014-Q2'
		});
		expect(hnd).toHaveLength(1);
		expect(hnd[0].value).toBeCloseTo(-4.546, 3);
	});

	it('has the CRI>NIC corridor for Nicaragua', () => {
		const nic = find(result.rows, { disaggregation: { corridor: 'CRI>NIC' } });
		expect(nic.length).toBeGreaterThan(0);
		expect(nic.every((r) => r.country === 'NIC')).toBe(true);
	});

	it('gives every row a SENDER>RECEIVER corridor of ISO3 codes ending in its country', () => {
		for (const r of result.rows) {
			expect(Object.keys(r.disaggregation)).toEqual(['corridor']);
			expect(r.disaggregation.corridor).toMatch(/^[A-Z]{3}>[A-Z]{3}$/);
			expect(r.disaggregation.corridor.slice(4)).toBe(r.country);
			expect(r.period).toMatch(/^\d{4}-Q[1-4]$/);
		}
		// World Bank's KSV is Kosovo's XKX.
		expect(find(result.rows, { disaggregation: { corridor: 'DEU>XKX' } }).length).toBeGreaterThan(
			0
		);
	});

	it('skips corridors with no value at all as missing', () => {
		expect(result.skipped.length).toBeGreaterThan(0);
		expect(new Set(result.skipped.map((s) => s.reason))).toEqual(new Set(['missing value']));
		expect(result.skipped.length + new Set(result.rows.map((r) => r.line)).size).toBe(
			result.rowsRead
		);
	});

	it('uses the indicator the caller gives', () => {
		const other = readCsv(text, 'databank', { indicator: 'RCM-2.1' });
		expect(other.rows[0].indicator).toBe('RCM-2.1');
	});
});

describe('UN SDG DDF', () => {
	it('10.7.3: member states by M49 code; World and regions skipped', () => {
		const result = readCsv(load(DDF_1073), null, {});
		expect(result.format).toBe('sdg-ddf');
		expect(result.errors).toEqual([]);
		expect(result.rowsRead).toBe(1668);
		expect(find(result.rows, { country: 'MEX', period: '2019' })).toMatchObject([
			{ value: 200, indicator: '10.7.3', disaggregation: {}, status: 'final' }
		]);
		expect(find(result.rows, { country: 'USA', period: '2019' })).toMatchObject([{ value: 429 }]);
		expect(find(result.rows, { country: 'BLZ', period: '2014' })).toHaveLength(1);
		expect(result.rows[0].source).toBe('UN SDG Global Database (SM_DTH_MIGR)');
		const reasons = result.skipped.map((s) => s.reason);
		expect(reasons).toContain('regional aggregate (M49 1 World)');
		expect(reasons).toContain('regional aggregate (M49 419 Latin America and the Caribbean)');
		expect(reasons.every((r) => r.startsWith('regional aggregate (M49 '))).toBe(true);
		expect(result.rows.length + result.skipped.length).toBe(result.rowsRead);
	});

	it('10.7.2: alldomains is the headline, domains are disaggregated, N is missing', () => {
		const result = readCsv(load(DDF_1072), null, {});
		expect(result.errors).toEqual([]);
		const can = find(result.rows, { country: 'CAN' });
		expect(find(can, { disaggregation: {} })).toMatchObject([
			{ period: '2019', value: 3, indicator: '10.7.2' }
		]);
		expect(find(can, { disaggregation: { policy_domain: 'domain2' } })).toMatchObject([
			{ value: 4 }
		]);
		expect(can).toHaveLength(7);
		expect(find(result.rows, { country: 'MEX', disaggregation: {} })).toMatchObject([{ value: 1 }]);
		const nLines = load(DDF_1072)
			.split('\n')
			.map((l, i) => [l.trim(), i + 1] as const)
			.filter(([l]) => l.endsWith(',N'))
			.map(([, n]) => n);
		expect(nLines.length).toBe(350);
		const skippedLines = new Map(result.skipped.map((s) => [s.line, s.reason]));
		for (const n of nLines) expect(skippedLines.has(n)).toBe(true);
		const missing = result.skipped.filter((s) => s.reason === 'missing value');
		expect(missing.length).toBeGreaterThan(300);
		expect(missing.every((s) => nLines.includes(s.line))).toBe(true);
		expect(result.rows.some((r) => nLines.includes(r.line))).toBe(false);
	});

	it('8.8.1: t + bothsex is the headline; Panama migrants by sex are disaggregated', () => {
		const result = readCsv(load(DDF_881), null, {});
		expect(result.errors).toEqual([]);
		const pan = find(result.rows, { country: 'PAN', period: '2016' });
		expect(find(pan, { disaggregation: {} })).toMatchObject([{ value: 4, indicator: '8.8.1' }]);
		expect(
			find(pan, { disaggregation: { migratory_status: 'migper', sex: 'male' } })
		).toMatchObject([{ value: 0.4 }]);
		expect(find(pan, { disaggregation: { migratory_status: 'migper' } })).toMatchObject([
			{ value: 0.4 }
		]);
		expect(find(pan, { disaggregation: { sex: 'male' } })).toMatchObject([{ value: 0.4 }]);
		expect(find(result.rows, { country: 'CRI', disaggregation: {} }).length).toBe(17);
		for (const r of result.rows) {
			expect(
				Object.keys(r.disaggregation).every((k) => k === 'sex' || k === 'migratory_status')
			).toBe(true);
		}
	});
});

describe('Open SDG', () => {
	it("Canada 10.7.4 for CAN: 815 rows, ranges, 'Country of origin' disaggregation", () => {
		const result = readCsv(load(CANADA), null, { country: 'CAN', indicator: '10.7.4' });
		expect(result.format).toBe('opensdg');
		expect(result.errors).toEqual([]);
		expect(result.skipped).toEqual([]);
		expect(result.rowsRead).toBe(815);
		expect(result.rows).toHaveLength(815);
		expect(new Set(result.rows.map((r) => r.period))).toEqual(
			new Set(['1980/1990', '1991/2000', '2001/2010', '2011/2015', '2016/2021'])
		);
		const slv = find(result.rows, {
			period: '2016/2021',
			disaggregation: { country_of_origin: 'El Salvador' }
		});
		expect(slv).toHaveLength(1);
		expect(slv[0]).toMatchObject({
			country: 'CAN',
			indicator: '10.7.4',
			value: 18.9388899556998,
			status: 'final',
			line: expect.any(Number)
		});
		expect(result.rows.every((r) => Object.keys(r.disaggregation).length === 1)).toBe(true);
	});

	it('Canada without a country: one clear error, no rows', () => {
		const result = readCsv(load(CANADA), null, {});
		expect(result.rows).toEqual([]);
		expect(result.errors).toEqual([{ line: 1, column: null, message: NO_GEOGRAPHY_MESSAGE }]);
		expect(result.rowsRead).toBe(815);
	});

	it('Mexico 17.3.2 for MEX: Roman quarters, provisional marker, newest first', () => {
		const result = readCsv(load(MEXICO), null, { country: 'MEX' });
		expect(result.errors).toEqual([]);
		expect(result.rowsRead).toBe(109);
		expect(result.rows).toHaveLength(109);
		expect(result.rows[0]).toEqual({
			line: 2,
			indicator: null,
			country: 'MEX',
			period: '2023-Q1',
			disaggregation: {},
			value: 3.55445419,
			status: 'final',
			source: null,
			note: null
		});
		expect(find(result.rows, { period: '2022-Q1' })).toMatchObject([
			{ status: 'provisional', value: 3.787550255, line: 6 }
		]);
		expect(find(result.rows, { period: '1996-Q1' })).toMatchObject([{ value: 0.983190719 }]);
		expect(result.rows.filter((r) => r.status === 'provisional')).toHaveLength(1);
	});

	it('an unknown country for the file is an error', () => {
		const result = readCsv(load(MEXICO), 'opensdg', { country: 'XYZ' });
		expect(result.rows).toEqual([]);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0].message).toContain("'XYZ'");
	});

	it('GeoCode, attributes and blank disaggregations', () => {
		const text = [
			'Year,Sex,Units,Series,Observation status,COMMENT_OBS,GeoCode,Value',
			'2020,,Percent,S1,,,MEX,5',
			'2020,Female,Percent,S1,P,estimated,MEX,6',
			'2020,,Percent,S1,,,484,..',
			'2020,,Percent,S1,,,419,3',
			'2020,,Percent,S1,,,Atlantis,3',
			'2020,,Percent,S1,,,,4',
			'2021 Q3,Male,Percent,S1,Provisional,,CAN,abc'
		].join('\n');
		const result = readCsv(text, null, {});
		expect(result.format).toBe('opensdg');
		expect(result.rowsRead).toBe(7);
		expect(result.rows).toEqual([
			expect.objectContaining({ line: 2, country: 'MEX', disaggregation: {}, value: 5 }),
			expect.objectContaining({
				line: 3,
				disaggregation: { sex: 'female' },
				status: 'provisional',
				note: 'estimated'
			})
		]);
		expect(result.skipped).toEqual([
			{ line: 4, reason: 'missing value' },
			{ line: 5, reason: 'regional aggregate (M49 419 Latin America and the Caribbean)' }
		]);
		expect(result.errors.map((e) => [e.line, e.column])).toEqual([
			[6, 'GeoCode'],
			[7, 'GeoCode'],
			[8, 'Value']
		]);
	});
});
