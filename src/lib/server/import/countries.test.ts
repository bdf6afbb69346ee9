import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { resolveCountry } from './countries';
import { SHARED_DATA_URL } from '../../../../tests/helpers/shared-data';

const dataDir = SHARED_DATA_URL;
const load = (name: string) => readFileSync(new URL(name, dataDir), 'utf8');

describe('resolveCountry', () => {
	it.each([
		['MEX', 'MEX'],
		['mex', 'MEX'],
		['484', 'MEX'],
		['84', 'BLZ'],
		['084', 'BLZ'],
		['840', 'USA'],
		['124', 'CAN'],
		['United States of America', 'USA'],
		['Korea, Rep.', 'KOR'],
		['Congo, Dem. Rep', 'COD'],
		['Congo, Rep.', 'COG'],
		['Congo', 'COG'],
		['Egypt, Arab Rep.', 'EGY'],
		['Venezuela, RB', 'VEN'],
		['Gambia, The', 'GMB'],
		["Cote d'Ivoire", 'CIV'],
		["Côte d'Ivoire", 'CIV'],
		['Ivory Coast', 'CIV'],
		['Lao PDR', 'LAO'],
		['Lao, PDR', 'LAO'],
		['Russian Federation', 'RUS'],
		['Turkey', 'TUR'],
		['Kyrgyz Republic', 'KGZ'],
		['Slovak Republic', 'SVK'],
		['Vietnam', 'VNM'],
		['Viet Nam', 'VNM'],
		['Yemen, Rep.', 'YEM'],
		['Iran, Islamic Rep.', 'IRN'],
		['Hong Kong SAR, China', 'HKG'],
		['West Bank and Gaza', 'PSE'],
		['West Bank/Gaza Strip', 'PSE'],
		['Kosovo', 'XKX'],
		['KSV', 'XKX'],
		['412', 'XKX'],
		['Micronesia, Fed. Sts.', 'FSM'],
		['St. Lucia', 'LCA'],
		['St. Vincent and the Grenadines', 'VCT'],
		['Netherlands-Antilles', 'ANT'],
		['Curaçao', 'CUW'],
		['Czechia', 'CZE']
	])('%s → %s', (raw, iso3) => {
		expect(resolveCountry(raw)).toEqual({ iso3 });
	});

	it.each([
		['1', 'World'],
		['2', 'Africa'],
		['419', 'Latin America and the Caribbean'],
		['9', 'Oceania'],
		['53', 'Australia and New Zealand'],
		['513', 'Europe and Northern America'],
		['514', expect.stringContaining('Developed regions')],
		['515', 'Developing regions'],
		['518', 'Eastern Asia (excluding Japan)'],
		['543', 'Oceania (exc. Australia and New Zealand)'],
		['722', 'Small island developing States (SIDS)'],
		['738', 'Sub-Saharan Africa (inc. Sudan)'],
		['746', 'Northern Africa (exc. Sudan)'],
		['747', 'Northern Africa and Western Asia'],
		['753', 'Eastern and South-Eastern Asia'],
		['WLD', 'World'],
		['LCN', 'Latin America & Caribbean'],
		['World', 'World']
	])('%s is an aggregate', (raw, name) => {
		expect(resolveCountry(raw)).toMatchObject({ aggregate: true, name });
	});

	it('names the M49 region an aggregate stands for, when it is one Avance keeps series of', () => {
		expect(resolveCountry('13')).toEqual({
			aggregate: true,
			name: 'Central America',
			region: '013'
		});
		expect(resolveCountry('419')).toMatchObject({ region: '419' });
		expect(resolveCountry('830')).toEqual({ aggregate: true, name: 'Channel Islands' });
		expect(resolveCountry('WLD')).toEqual({ aggregate: true, name: 'World' });
	});

	it.each(['', 'XYZ', 'Atlantis', '999', '12345'])('%j is unknown', (raw) => {
		expect(resolveCountry(raw)).toBeNull();
	});

	it('maps every name in the RPW file to the ISO3 code beside it', () => {
		const records = parse(load('worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv'), {
			bom: true,
			relax_column_count: true
		}) as string[][];
		const pairs = new Map<string, string>();
		for (const r of records.slice(1)) {
			if (r[1]) pairs.set(r[0], r[1]);
			if (r[5]) pairs.set(r[4], r[5]);
		}
		expect(pairs.size).toBeGreaterThan(100);
		for (const [name, code] of pairs) {
			const expected = code === 'KSV' ? 'XKX' : code;
			expect([name, resolveCountry(name)]).toEqual([name, { iso3: expected }]);
			expect([code, resolveCountry(code)]).toEqual([code, { iso3: expected }]);
		}
	});

	it("maps every 'Country of origin' in Canada's file", () => {
		const records = parse(load('canada-opensdg__indicator_10-7-4.csv')) as string[][];
		const names = new Set(records.slice(1).map((r) => r[1]));
		expect(names.size).toBe(163);
		for (const name of names) {
			const resolved = resolveCountry(name);
			expect([name, resolved !== null && 'iso3' in resolved]).toEqual([name, true]);
		}
		expect(resolveCountry('United States of America')).toEqual({ iso3: 'USA' });
	});

	it('classifies every geo_area code in the DDF files', () => {
		const files = [
			'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv',
			'unsdg-ddf__ddf--datapoints--sg_cpa_migrs--by--geo_area--nature--policy_domains--units--year.csv',
			'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv'
		];
		const aggregates = new Set<string>();
		for (const file of files) {
			for (const line of load(file).split('\n').slice(1)) {
				const code = line.split(',')[0];
				if (!code) continue;
				const resolved = resolveCountry(code);
				expect([code, resolved]).not.toEqual([code, null]);
				if (resolved && 'aggregate' in resolved) aggregates.add(code);
			}
		}
		for (const code of ['1', '2', '419', '9', '53', '513', '543', '722', '747', '753', '830']) {
			expect(aggregates.has(code)).toBe(true);
		}
		for (const member of [
			'84',
			'124',
			'188',
			'214',
			'222',
			'320',
			'340',
			'484',
			'558',
			'591',
			'840'
		]) {
			expect(aggregates.has(member)).toBe(false);
		}
	});
});
