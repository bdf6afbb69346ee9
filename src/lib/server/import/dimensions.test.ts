import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { countryVerdict } from '../progress';
import { Harmoniser, isTotalCode, TOTAL_CODES } from './dimensions';
import { readCsv } from './index';
import { runImport } from './pipeline';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures');
const MEXICO_881 = 'mexico-opensdg__indicator_8-8-1.csv';
const DDF_881 =
	'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv';
const DDF_1072 =
	'unsdg-ddf__ddf--datapoints--sg_cpa_migrs--by--geo_area--nature--policy_domains--units--year.csv';

describe('the one table of totals', () => {
	it('holds every code the issue lists, in any case, and a blank cell', () => {
		for (const code of [
			'Total',
			'total',
			'TOTAL',
			't',
			'_T',
			'_Z',
			'notspec',
			'ALLAREA',
			'bothsex',
			'BOTHSEX',
			'alldomains',
			'Ambos sexos',
			'Todos',
			'Tous',
			'Les deux sexes',
			'',
			'  '
		]) {
			expect(isTotalCode(code), code).toBe(true);
		}
		for (const code of ['male', 'Hombres', 'migper', 'domain1', 'Mexico', '15-24'])
			expect(isTotalCode(code), code).toBe(false);
		expect(TOTAL_CODES.has('notspec')).toBe(true);
	});

	it('maps column names and values to canonical keys and codes, and says what it mapped', () => {
		const h = new Harmoniser();
		expect(h.key('Sexo', 'sexo')).toBe('sex');
		expect(h.key('Sexe', 'sexe')).toBe('sex');
		expect(h.key('Country of origin', 'country_of_origin')).toBe('country_of_origin');
		expect(h.value('sex', 'Hombres')).toBe('male');
		expect(h.value('sex', 'Femmes')).toBe('female');
		expect(h.value('sex', 'F')).toBe('female');
		expect(h.value('sex', 'male')).toBe('male');
		expect(h.value('country_of_origin', 'Guatemala')).toBe('Guatemala');
		expect(h.applied).toEqual([
			{ kind: 'key', from: 'Sexo', to: 'sex' },
			{ kind: 'key', from: 'Sexe', to: 'sex' },
			{ kind: 'value', from: 'Hombres', to: 'male' },
			{ kind: 'value', from: 'Femmes', to: 'female' },
			{ kind: 'value', from: 'F', to: 'female' }
		]);
	});

	it('takes mappings admins added over the built-in ones', () => {
		const h = new Harmoniser({
			keys: new Map([['condición', 'migratory_status']]),
			values: new Map([['migratory_status', new Map([['migrantes', 'migrant']])]])
		});
		expect(h.key('Condición', 'condicion')).toBe('migratory_status');
		expect(h.value('migratory_status', 'Migrantes')).toBe('migrant');
	});
});

describe('totals in the real files are the headline', () => {
	let t: TestDb;
	beforeEach(() => {
		t = freshDb();
	});
	afterEach(() => t.close());

	it("Mexico's Open SDG 8.8.1 (Sexo = Total): the headline, and the verdict's base is the total", () => {
		const text = readFileSync(resolve(FIXTURES, MEXICO_881), 'utf8');
		const read = readCsv(text, null, { indicator: '8.8.1', country: 'MEX' });
		expect(read.errors).toEqual([]);
		const headline = read.rows.filter((r) => Object.keys(r.disaggregation).length === 0);
		expect(headline).toHaveLength(14);
		expect(headline.find((r) => r.period === '2015')?.value).toBeCloseTo(2.4644953702309573, 12);
		expect(read.rows.filter((r) => r.disaggregation.sex === 'male')).toHaveLength(14);
		expect(read.rows.filter((r) => r.disaggregation.sex === 'female')).toHaveLength(14);
		expect(read.mappings).toEqual([
			{ kind: 'key', from: 'Sexo', to: 'sex' },
			{ kind: 'value', from: 'Hombres', to: 'male' },
			{ kind: 'value', from: 'Mujeres', to: 'female' }
		]);

		const admin = person(t.db, 'admin');
		const report = runImport(t.db, admin, {
			text,
			fileName: 'indicator_8-8-1.csv',
			country: 'MEX'
		});
		expect(report).toMatchObject({ committed: true, rowsImported: 42, errors: [] });
		expect(report.dimensionMappings).toEqual(read.mappings);
		const v = countryVerdict(t.db, admin, '8.8.1', 'MEX', 'cagr-ratio');
		expect(v.series).toBe('headline');
		expect(v.components.baseYear).toBe(2015);
		// 2.46 (the total), not 2.41 (the mean of the total and its own parts)
		expect(v.components.baseValue).toBeCloseTo(2.4645, 4);
	});

	it('UN DDF 8.8.1: migratory_status t/notspec and sex bothsex are the headline', () => {
		const text = readFileSync(resolve(SHARED_DATA, DDF_881), 'utf8');
		const read = readCsv(text, null);
		expect(read.errors).toEqual([]);
		const mex = read.rows.filter((r) => r.country === 'MEX');
		const mex2015 = mex.filter((r) => r.period === '2015');
		expect(mex2015.map((r) => [r.disaggregation, r.value])).toEqual([
			[{}, 8.23],
			[{ sex: 'female' }, 1.64],
			[{ sex: 'male' }, 12.02]
		]);
		// notspec (another country's "not specified" migrant status) is no disaggregate
		expect(read.rows.some((r) => r.disaggregation.migratory_status === 'notspec')).toBe(false);
	});

	it('UN DDF 10.7.2: alldomains is the headline score', () => {
		const read = readCsv(readFileSync(resolve(SHARED_DATA, DDF_1072), 'utf8'), null);
		const mex = read.rows.filter((r) => r.country === 'MEX');
		expect(mex.filter((r) => Object.keys(r.disaggregation).length === 0)).toMatchObject([
			{ period: '2019', value: 1 }
		]);
		expect(mex).toHaveLength(7);
	});
});

describe('every file in ../shared/data: its headline series, where it has one', () => {
	const headlineOf = (name: string, opts: { indicator?: string; country?: string } = {}) => {
		const read = readCsv(readFileSync(resolve(SHARED_DATA, name), 'utf8'), null, opts);
		return read.rows.filter((r) => Object.keys(r.disaggregation).length === 0);
	};

	it('DDF 10.7.3 (no dimensions): every value is the headline; Mexico 134…200', () => {
		const mex = headlineOf(
			'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv'
		).filter((r) => r.country === 'MEX');
		expect(mex.map((r) => r.value)).toEqual([134, 142, 207, 146, 135, 200]);
	});

	it('DDF 10.7.2 (alldomains) and 8.8.1 (t, bothsex): one headline per country and year', () => {
		const h1072 = headlineOf(DDF_1072);
		for (const iso3 of ['CAN', 'SLV', 'GTM', 'HND', 'MEX', 'PAN'])
			expect(h1072.filter((r) => r.country === iso3).map((r) => r.period)).toEqual(['2019']);
		const cri = headlineOf(DDF_881).filter((r) => r.country === 'CRI');
		expect(cri.map((r) => r.period)).toEqual(
			Array.from({ length: 17 }, (_, i) => String(2000 + i))
		);
	});

	it("Mexico's 17.3.2 (no disaggregation): all 109 quarters are the headline", () => {
		expect(
			headlineOf('mexico-opensdg__indicator_17-3-2.csv', { indicator: '17.3.2', country: 'MEX' })
		).toHaveLength(109);
	});

	it('Canada 10.7.4 and World Bank RPW hold no total: no headline is invented', () => {
		expect(
			headlineOf('canada-opensdg__indicator_10-7-4.csv', { indicator: '10.7.4', country: 'CAN' })
		).toEqual([]);
		expect(headlineOf('worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv')).toEqual([]);
	});
});
