// Issue 16 on real data: method=all gives five verdicts for every starter indicator and member
// state with data from ../shared/data; an unknown country is 404; the country summaries and the
// verdicts carry flags, the ceiling status and a plain-words explanation.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { sharedFile } from '../../../../tests/helpers/shared-data';
import type { Actor } from '../auth/authz';
import { AppError } from '../http/errors';
import { runImport } from '../import/pipeline';
import { METHODS } from '$lib/progress';
import {
	allMethodVerdicts,
	countryIndicatorSummaries,
	countryVerdict,
	indicatorVerdicts,
	loadSeries,
	memberScopes
} from '.';
import { indicator } from '../db/schema';
import { upsertObservations } from '../observations';
import { observationInputSchema } from '$lib/schemas/observations';

const FILES: [string, string?][] = [
	['worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv'],
	['unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv'],
	[
		'unsdg-ddf__ddf--datapoints--sg_cpa_migrs--by--geo_area--nature--policy_domains--units--year.csv'
	],
	[
		'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv'
	],
	['canada-opensdg__indicator_10-7-4.csv', 'CAN'],
	['mexico-opensdg__indicator_17-3-2.csv', 'MEX']
];

let t: TestDb;
let admin: Actor;

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	for (const [name, country] of FILES) {
		runImport(t.db, admin, {
			text: readFileSync(sharedFile(name), 'utf8'),
			fileName: name,
			country
		});
	}
});
afterAll(() => t.close());

describe('method=all on the real data', () => {
	it('five verdicts for every starter indicator and member state with data', () => {
		const members = memberScopes(t.db).filter((s) => s !== '');
		let pairs = 0;
		for (const ind of t.db.select().from(indicator).all()) {
			const series = loadSeries(t.db, admin, ind.id, { scopes: members });
			for (const iso3 of series.keys()) {
				const all = allMethodVerdicts(t.db, admin, ind.code, iso3, { locale: 'es' });
				expect(all.indicator).toBe(ind.code);
				expect(all.country).toBe(iso3);
				expect(all.methods.map((v) => v.method)).toEqual([...METHODS]);
				expect(['agree', 'disagree']).toContain(all.agreement);
				for (const v of all.methods) {
					expect(Array.isArray(v.flags)).toBe(true);
					expect(v.explanation.length).toBeGreaterThan(10);
					// plain JSON: no NaN or Infinity
					expect(JSON.parse(JSON.stringify(v))).toEqual(v);
				}
				pairs++;
			}
		}
		expect(pairs).toBeGreaterThan(15);
	});

	it('10.c.1 for Nicaragua: CRI>NIC past 5% is a breached ceiling, never target_achieved', () => {
		const all = allMethodVerdicts(t.db, admin, '10.c.1', 'NIC');
		for (const v of all.methods) {
			expect(v.ceiling?.status).toBe('breached');
			expect(v.ceiling?.key).toBe('corridor');
			expect(v.status).not.toBe('target_achieved');
		}
	});

	it('10.c.1 quarters: 2020 is a partial year (3 of 4 quarters) in the flags', () => {
		const v = countryVerdict(t.db, admin, '10.c.1', 'MEX', 'cagr-ratio');
		expect(v.flags).toContainEqual({
			code: 'partial_year',
			years: [{ year: 2020, subPeriods: 3, frequency: 4 }]
		});
		expect(v.flags.find((f) => f.code === 'stale')).toEqual({ code: 'stale', since: 2020 });
		expect(v.explanation).toMatch(/a year since 2015/);
	});

	it('10.7.2 is a threshold indicator: met / not_met, whatever the method', () => {
		const verdicts = indicatorVerdicts(t.db, admin, '10.7.2', 'eurostat');
		expect(verdicts.length).toBeGreaterThan(0);
		for (const v of verdicts) {
			expect(['met', 'not_met', 'insufficient_data']).toContain(v.status);
			expect(v.components.threshold).toBe(3);
		}
	});

	it('10.7.3 deaths (a count) sum their disaggregates when there is no headline', () => {
		const parse = (o: Record<string, unknown>) => observationInputSchema.parse(o);
		// (the real file has a headline for every country: a fresh database)
		const own = freshDb();
		const a = person(own.db, 'admin');
		upsertObservations(own.db, a, '10.7.3', [
			parse({ country: 'VAT', period: '2016', value: 3, disaggregation: { route: 'north' } }),
			parse({ country: 'VAT', period: '2016', value: 4, disaggregation: { route: 'south' } }),
			parse({ country: 'VAT', period: '2019', value: 1, disaggregation: { route: 'north' } }),
			parse({ country: 'VAT', period: '2019', value: 2, disaggregation: { route: 'south' } })
		]);
		const v = countryVerdict(own.db, a, '10.7.3', 'VAT', 'cagr-ratio');
		expect(v.series).toBe('sum_of_disaggregates');
		expect(v.points.map((p) => p.value)).toEqual([7, 3]);
		own.close();
	});

	it('an unknown country is 404, not insufficient_data', () => {
		for (const call of [
			() => countryVerdict(t.db, admin, '10.c.1', 'ZZZ', 'cagr-ratio'),
			() => allMethodVerdicts(t.db, admin, '10.c.1', 'ZZZ'),
			() => countryIndicatorSummaries(t.db, admin, 'ZZZ')
		]) {
			let error: unknown;
			try {
				call();
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(AppError);
			expect((error as AppError).status).toBe(404);
		}
		// an existing country without data is still a verdict (insufficient_data)
		expect(countryVerdict(t.db, admin, '10.c.1', 'BLZ', 'cagr-ratio').status).toBe(
			'insufficient_data'
		);
	});

	it("the default method: the indicator's, then the site's", () => {
		expect(countryVerdict(t.db, admin, '10.c.1', 'MEX').method).toBe('cagr-ratio');
		t.db.update(indicator).set({ defaultMethod: 'eurostat', version: 99 }).run();
		expect(countryVerdict(t.db, admin, '10.c.1', 'MEX').method).toBe('eurostat');
		t.db.update(indicator).set({ defaultMethod: null, version: 100 }).run();
	});
});
