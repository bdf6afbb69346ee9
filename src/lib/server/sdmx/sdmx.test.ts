import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { indicator, observation } from '../db/schema';
import { runImport } from '../import/pipeline';
import { detectFormat, readCsv } from '../import';
import { upsertObservations } from '../observations';
import type { Actor } from '../auth/authz';
import { observationsSdmxCsv } from '.';

const RPW = 'worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv';
const DDF_881 =
	'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv';
const CANADA = 'canada-opensdg__indicator_10-7-4.csv';

let a: TestDb;
let admin: Actor;

beforeAll(() => {
	a = freshDb();
	admin = person(a.db, 'admin');
	for (const name of [RPW, DDF_881, CANADA]) {
		const text = readFileSync(`${SHARED_DATA}/${name}`, 'utf8');
		runImport(a.db, admin, { text, fileName: name, country: name === CANADA ? 'CAN' : null });
	}
	// Values the real files lack: regional, provisional, ages, a month, notes with commas and quotes.
	upsertObservations(a.db, admin, '8.8.1', [
		{
			country: null,
			period: '2022',
			disaggregation: {},
			value: 2.5,
			status: 'provisional',
			source: 'ILO, modelled',
			note: 'Says "estimate", not final'
		},
		{
			country: 'MEX',
			period: '2023-05',
			disaggregation: { sex: 'female', age: '15-24' },
			value: -1.25,
			status: 'final',
			source: null,
			note: null
		},
		{
			country: 'MEX',
			period: '2023',
			disaggregation: { age: '65+' },
			value: 0,
			status: 'final',
			source: null,
			note: null
		}
	]);
});
afterAll(() => a.close());

/** Every observation of an indicator, as comparable records. */
function stored(t: TestDb, code: string) {
	const ind = t.db.select().from(indicator).where(eq(indicator.code, code)).get()!;
	return t.db
		.select()
		.from(observation)
		.where(eq(observation.indicatorId, ind.id))
		.all()
		.map((o) => ({
			country: o.countryIso3,
			period: o.period,
			disaggregation: o.disaggKey,
			value: o.value,
			status: o.status,
			source: o.source,
			note: o.note
		}))
		.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

describe('SDMX-CSV', () => {
	it('writes the 1.0 layout with the SDG concepts and codes', () => {
		const { csv } = observationsSdmxCsv(a.db, admin, '8.8.1', {});
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe(
			'DATAFLOW,FREQ,INDICATOR,SERIES,REF_AREA,SEX,AGE,MIGRATORY_STATUS,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,COMMENT_OBS,SOURCE_DETAIL'
		);
		expect(lines).toContain(
			'RCM:DF_AVANCE(1.0),M,8.8.1,SL_EMP_FTLINJUR,484,F,Y15T24,_T,2023-05,-1.25,PER_100000_POP,0,A,,'
		);
		expect(lines).toContain(
			'RCM:DF_AVANCE(1.0),A,8.8.1,SL_EMP_FTLINJUR,484,_T,Y_GE65,_T,2023,0,PER_100000_POP,0,A,,'
		);
		const rpw = observationsSdmxCsv(a.db, admin, '10.c.1', { country: 'MEX' }).csv;
		expect(rpw).toMatch(
			/\r\nRCM:DF_AVANCE\(1\.0\),Q,10\.c\.1,SI_RMT_COST_BC,484,USA>MEX,2017-Q1,[\d.]+,PT,0,A,/
		);
		expect(detectFormat(rpw)).toBe('sdmx-csv');
		const regional = observationsSdmxCsv(a.db, admin, '8.8.1', { country: 'REGION' }).csv;
		expect(regional).toContain(
			'\r\nRCM:DF_AVANCE(1.0),A,8.8.1,SL_EMP_FTLINJUR,RCM,2022,2.5,PER_100000_POP,0,P,"Says ""estimate"", not final","ILO, modelled"\r\n'
		);
	});

	it('round-trips: out, then in on an empty store, gives identical observations', () => {
		const b = freshDb();
		try {
			const adminB = person(b.db, 'admin');
			for (const code of ['10.c.1', '8.8.1', '10.7.4']) {
				const before = stored(a, code);
				expect(before.length).toBeGreaterThan(code === '10.c.1' ? 10_000 : 3);
				expect(stored(b, code)).toEqual([]);
				const { csv } = observationsSdmxCsv(a.db, admin, code, {});
				// Sent as a text/csv body without a file name (the pipeline names a file as the source of
				// rows that carry none).
				const report = runImport(b.db, adminB, { text: csv });
				expect(report).toMatchObject({ format: 'sdmx-csv', errors: [], committed: true });
				expect(report.rowsImported).toBe(before.length);
				expect(stored(b, code)).toEqual(before);
			}
		} finally {
			b.close();
		}
	});

	it('reads SDMX-CSV written elsewhere: labels, series codes, totals, E and unknown codes', () => {
		const text = [
			'DATAFLOW,FREQ: Frequency,SERIES,REF_AREA: Reference area,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT',
			'IAEG-SDGs:DF_SDG_GLH(1.0),A: Annual,SM_DTH_MIGR,484: Mexico,_T,2019,12,E,0',
			'IAEG-SDGs:DF_SDG_GLH(1.0),A,SM_DTH_MIGR,484,F,2019,3,A,0',
			'IAEG-SDGs:DF_SDG_GLH(1.0),A,SM_DTH_MIGR,419,_T,2019,40,A,0',
			'IAEG-SDGs:DF_SDG_GLH(1.0),A,SM_DTH_MIGR,484,_T,2020,NaN,A,0',
			'IAEG-SDGs:DF_SDG_GLH(1.0),A,SM_DTH_MIGR,999,_T,2020,1,X,0'
		].join('\n');
		const r = readCsv(text, null);
		expect(r.format).toBe('sdmx-csv');
		expect(
			r.rows.map((o) => [o.indicator, o.country, o.period, o.disaggregation, o.value, o.status])
		).toEqual([
			['10.7.3', 'MEX', '2019', {}, 12, 'final'],
			['10.7.3', 'MEX', '2019', { sex: 'female' }, 3, 'final']
		]);
		expect(r.skipped.map((s) => s.reason)).toEqual([
			expect.stringContaining('regional aggregate'),
			'missing value'
		]);
		expect(r.errors.map((e) => e.column)).toEqual(['REF_AREA: Reference area', 'OBS_STATUS']);
	});
});
