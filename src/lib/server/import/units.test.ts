import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { AppError } from '../http/errors';
import { readCsv } from './index';
import { runImport, type ImportReport } from './pipeline';
import { multiplierFactor, scaled, unitClass, unitConflict } from './units';

const DDF_881 =
	'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv';
const DDF_1073 = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';
const DDF_1072 =
	'unsdg-ddf__ddf--datapoints--sg_cpa_migrs--by--geo_area--nature--policy_domains--units--year.csv';
const load = (name: string) => readFileSync(`${SHARED_DATA}/${name}`, 'utf8');

describe('unit multipliers', () => {
	it('Open SDG words (en/es/fr) and SDMX powers of ten', () => {
		expect(multiplierFactor('Thousands')).toBe(1000);
		expect(multiplierFactor('Miles')).toBe(1000);
		expect(multiplierFactor('Milliers')).toBe(1000);
		expect(multiplierFactor('Millions')).toBe(1e6);
		expect(multiplierFactor('Units')).toBe(1);
		expect(multiplierFactor('')).toBe(1);
		expect(multiplierFactor('3')).toBe(1000);
		expect(multiplierFactor('0')).toBe(1);
		expect(multiplierFactor('lots')).toBeNull();
		expect(scaled(17, 1000)).toBe(17000);
		expect(scaled(0.1, 1000)).toBe(100);
		expect(scaled(1.7752956549916517, 1)).toBe(1.7752956549916517);
	});

	it('an Open SDG file with Unit multiplier = Thousands stores 17 as 17,000, and says so', () => {
		const text = [
			'Year,Sex,Units,Unit multiplier,Value',
			'2019,,Number,Thousands,17',
			'2019,Female,Number,Thousands,8.5',
			'2020,,Number,Units,19000'
		].join('\r\n');
		const read = readCsv(text, 'opensdg', { indicator: '10.7.3', country: 'MEX' });
		expect(read.errors).toEqual([]);
		expect(read.rows.map((r) => [r.period, r.disaggregation, r.value])).toEqual([
			['2019', {}, 17000],
			['2019', { sex: 'female' }, 8500],
			['2020', {}, 19000]
		]);
		expect(read.unit).toBe('Number');
		expect(read.multipliers).toEqual([{ multiplier: 'Thousands', factor: 1000, rows: 2 }]);
	});

	it('SDMX-CSV UNIT_MULT is applied', () => {
		const text = [
			'DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS',
			'IAEG:SDG(1.0),A,484,10.7.3,2019,0.2,NUMBER,3,A'
		].join('\n');
		const read = readCsv(text, null);
		expect(read.rows[0]).toMatchObject({ country: 'MEX', value: 200 });
		expect(read.multipliers).toEqual([{ multiplier: '3', factor: 1000, rows: 1 }]);
	});

	it('a bad multiplier is an error naming the column and line', () => {
		const text = ['Year,Unit multiplier,Value', '2019,Lots,17'].join('\n');
		const read = readCsv(text, 'opensdg', { country: 'MEX' });
		expect(read.rows).toEqual([]);
		expect(read.errors).toMatchObject([{ line: 2, column: 'Unit multiplier' }]);
	});
});

describe('observation statuses and footnotes', () => {
	it('an Open SDG status other than provisional or final is kept beside the footnote', () => {
		const text = [
			'Year,Observation status,COMMENT_OBS,Value',
			'2019,Estimated value,,1',
			'2020,Estimated value,Survey round 3,2',
			'2021,Normal value,Survey round 4,3',
			'2022,Provisional,,4'
		].join('\n');
		const read = readCsv(text, 'opensdg', { country: 'MEX' });
		expect(read.rows.map((r) => [r.status, r.note])).toEqual([
			['final', 'Observation status: Estimated value'],
			['final', 'Survey round 3 (Observation status: Estimated value)'],
			['final', 'Survey round 4'],
			['provisional', null]
		]);
	});
});

describe('units', () => {
	it('tells percent, rates per 100,000 and numbers apart', () => {
		expect(unitClass('Percent')).toBe('percent');
		expect(unitClass('Porcentaje')).toBe('percent');
		expect(unitClass('per_100000_emp')).toBe('per_100k');
		expect(unitClass('Number')).toBe('number');
		expect(unitClass('number')).toBe('number');
		expect(unitClass('Index')).toBeNull();
		expect(unitConflict('Number', '10.c.1', 'percent')).toBe(
			"The file's unit is 'Number' but 10.c.1 is measured in percent; import it into an indicator with that unit, or convert the file."
		);
		expect(unitConflict('number', '10.7.2', 'score')).toBeNull();
		expect(unitConflict('per_100000_emp', '8.8.1', 'per_100k')).toBeNull();
	});

	it('two units in one file are refused, naming the column (not "Repeats line 2")', () => {
		const text = [
			'Year,Units,Value',
			'2019,Percent,3.1',
			'2019,Number,1200',
			'2020,Percent,3.3'
		].join('\n');
		expect(() => readCsv(text, 'opensdg', { country: 'MEX' })).toThrow(
			"The column Units holds two units: 'Percent' (line 2) and 'Number' (line 3)"
		);
	});

	it('the real DDF files state one unit each, compatible with their indicators', () => {
		expect(readCsv(load(DDF_881), null).unit).toBe('per_100000_emp');
		expect(readCsv(load(DDF_1073), null).unit).toBe('number');
		expect(readCsv(load(DDF_1072), null).unit).toBe('number');
	});
});

describe('units in the pipeline', () => {
	let t: TestDb;
	beforeEach(() => {
		t = freshDb();
	});
	afterEach(() => t.close());

	it('a Number file for a percent indicator is refused naming both, and writes nothing', () => {
		const admin = person(t.db, 'admin');
		const text = ['Year,Units,Value', '2019,Number,17'].join('\n');
		let report: ImportReport | null = null;
		try {
			runImport(t.db, admin, { text, indicator: '10.c.1', country: 'MEX' });
		} catch (e) {
			if (!(e instanceof AppError)) throw e;
			report = e.details as ImportReport;
		}
		expect(report?.committed).toBe(false);
		expect(report?.errors).toEqual([
			{
				line: 1,
				column: 'Units',
				message:
					"The file's unit is 'Number' but 10.c.1 is measured in percent; import it into an indicator with that unit, or convert the file."
			}
		]);
		const n = t.db.$client.prepare('select count(*) as n from observation').get() as { n: number };
		const dry = runImport(t.db, admin, { text, indicator: '10.c.1', country: 'MEX', dryRun: true });
		expect(dry.errors).toHaveLength(1);
		expect(
			(t.db.$client.prepare('select count(*) as n from observation').get() as { n: number }).n
		).toBe(n.n);
	});

	it('the report records the unit and the multipliers applied', () => {
		const admin = person(t.db, 'admin');
		const text = ['Year,Units,Unit multiplier,Value', '2019,Number,Thousands,1.2'].join('\n');
		const report = runImport(t.db, admin, { text, indicator: '10.7.3', country: 'MEX' });
		expect(report).toMatchObject({
			committed: true,
			rowsImported: 1,
			unit: 'Number',
			unitMultipliers: [{ multiplier: 'Thousands', factor: 1000, rows: 1 }]
		});
		const v = t.db.$client
			.prepare(
				"select value from observation o join indicator i on i.id = o.indicator_id where i.code = '10.7.3' and o.country_iso3 = 'MEX' and o.period = '2019'"
			)
			.get() as { value: number };
		expect(v.value).toBe(1200);
	});
});
