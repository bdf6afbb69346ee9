import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { auditEntry, importRun, indicator, observation } from '../db/schema';
import type { Actor } from '../auth/authz';
import { indicatorFromFileName, runImport, type ImportReport } from './pipeline';
import { listImportRuns } from './runs';
import { writeTemplate } from './index';
import { AppError } from '../http/errors';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';

const DATA = SHARED_DATA + '/';
const RPW = 'worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv';
const DDF_1073 = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';
const DDF_1072 =
	'unsdg-ddf__ddf--datapoints--sg_cpa_migrs--by--geo_area--nature--policy_domains--units--year.csv';
const DDF_881 =
	'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv';
const CANADA = 'canada-opensdg__indicator_10-7-4.csv';
const MEXICO = 'mexico-opensdg__indicator_17-3-2.csv';

const load = (name: string) => readFileSync(DATA + name, 'utf8');

let t: TestDb;
let admin: Actor;
beforeEach(async () => {
	t = freshDb();
	admin = person(t.db, 'admin');
});
afterEach(() => t.close());

function obsOf(code: string) {
	const ind = t.db.select().from(indicator).where(eq(indicator.code, code)).get()!;
	return t.db.select().from(observation).where(eq(observation.indicatorId, ind.id)).all();
}

function rejected(fn: () => unknown): { error: AppError; report: ImportReport } {
	try {
		fn();
	} catch (e) {
		if (e instanceof AppError) return { error: e, report: e.details as ImportReport };
		throw e;
	}
	throw new Error('expected the import to be rejected');
}

describe('the real files in /work/shared/data, as they are', () => {
	it('World Bank RPW: 10.c.1 per corridor of the receiving country, quarters, audited', () => {
		const text = load(RPW);
		const report = runImport(t.db, admin, { text, fileName: RPW });
		expect(report).toMatchObject({
			format: 'databank',
			dryRun: false,
			committed: true,
			rowsRead: 5328,
			rowsImported: 10417,
			rowsUpdated: 0,
			rowsSkipped: 4951,
			errors: [],
			indicators: ['10.c.1'],
			reviewState: 'validated'
		});
		const rows = obsOf('10.c.1');
		expect(rows).toHaveLength(10417);
		// USA>MEX 2013Q1, checked against the file's own line.
		const line = text
			.split('\n')
			.find((l) =>
				l.startsWith(
					'United States of America,USA,Average Total Cost to remit in corridor,ATCR.CORR,Mexico,MEX,'
				)
			)!;
		const header = text
			.replace(/^\ufeff/, '')
			.split('\n')[0]
			.split(',');
		const q1 = line.split(',')[header.indexOf('2013Q1 [YR2013Q1]')];
		const mex = rows.find(
			(r) => r.countryIso3 === 'MEX' && r.disaggKey === 'corridor=USA>MEX' && r.period === '2013-Q1'
		)!;
		expect(mex).toMatchObject({
			scopeKey: 'MEX',
			year: 2013,
			periodSort: '2013-03 2013-Q1',
			disaggregation: { corridor: 'USA>MEX' },
			value: Number(q1),
			status: 'final',
			reviewState: 'validated',
			validated: { value: Number(q1), status: 'final' }
		});
		// the negative outlier is kept
		const hnd = rows.find((r) => r.disaggKey === 'corridor=USA>HND' && r.period === '2014-Q2')!;
		expect(hnd.value).toBeCloseTo(-4.546, 3);

		const audits = t.db.select().from(auditEntry).where(eq(auditEntry.entity, 'import_run')).all();
		expect(audits).toHaveLength(1);
		expect(audits[0]).toMatchObject({ operation: 'import', userId: admin.id });
		expect(audits[0].after).toMatchObject({
			fileName: RPW,
			rowsImported: 10417,
			rowsRead: 5328,
			rowsSkipped: 4951,
			user: { id: admin.id, email: admin.email }
		});
		// and one per observation, as every write path leaves (issue 12), naming the run
		const perValue = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.entity, 'observation'))
			.all();
		expect(perValue).toHaveLength(10417);
		expect(perValue[0]).toMatchObject({
			operation: 'create',
			note: `import ${report.importRunId}`
		});
		const run = t.db.select().from(importRun).get()!;
		expect(run).toMatchObject({ fileName: RPW, rowsImported: 10417, userId: admin.id });
		expect(listImportRuns(t.db, admin)[0]).toMatchObject({ fileName: RPW, userName: admin.name });
	});

	it('re-importing the same file updates nothing and duplicates nothing', () => {
		const text = load(RPW);
		runImport(t.db, admin, { text, fileName: RPW });
		const again = runImport(t.db, admin, { text, fileName: RPW });
		expect(again).toMatchObject({ rowsImported: 0, rowsUpdated: 0, rowsUnchanged: 10417 });
		expect(obsOf('10.c.1')).toHaveLength(10417);
		expect(obsOf('10.c.1').every((r) => r.version === 1)).toBe(true);
	});

	it('DDF 10.7.3: deaths by country; World and regional aggregates skipped with a reason', () => {
		const report = runImport(t.db, admin, { text: load(DDF_1073), fileName: DDF_1073 });
		expect(report).toMatchObject({
			format: 'sdg-ddf',
			rowsRead: 1668,
			rowsImported: 1476,
			rowsSkipped: 192,
			errors: []
		});
		expect(report.skipped.every((s) => s.reason.startsWith('regional aggregate'))).toBe(true);
		const mex = obsOf('10.7.3').filter((r) => r.countryIso3 === 'MEX');
		expect(
			mex.sort((a, b) => a.year - b.year).map((r) => [r.period, r.value, r.disaggKey])
		).toEqual([
			['2014', 134, ''],
			['2015', 142, ''],
			['2016', 207, ''],
			['2017', 146, ''],
			['2018', 135, ''],
			['2019', 200, '']
		]);
		expect(mex[0].periodSort).toBe('2014-00 2014');
	});

	it('DDF 10.7.2: policy score, alldomains as headline and each domain as a disaggregate', () => {
		const report = runImport(t.db, admin, { text: load(DDF_1072), fileName: DDF_1072 });
		expect(report).toMatchObject({ rowsImported: 777, rowsSkipped: 350, errors: [] });
		const can = obsOf('10.7.2').filter((r) => r.countryIso3 === 'CAN');
		expect(can).toHaveLength(7);
		expect(can.find((r) => r.disaggKey === '')!.value).toBe(3);
		expect(can.find((r) => r.disaggKey === 'policy_domain=domain2')!.value).toBe(4);
	});

	it('DDF 8.8.1: by sex and migratory status', () => {
		const report = runImport(t.db, admin, { text: load(DDF_881), fileName: DDF_881 });
		expect(report).toMatchObject({ rowsImported: 3416, errors: [] });
		const pan = obsOf('8.8.1').filter((r) => r.countryIso3 === 'PAN' && r.period === '2016');
		expect(pan.find((r) => r.disaggKey === '')!.value).toBe(4);
		expect(pan.find((r) => r.disaggKey === 'migratory_status=migper;sex=male')).toMatchObject({
			value: 0.4,
			disaggregation: { migratory_status: 'migper', sex: 'male' }
		});
	});

	it("Canada's Open SDG file: needs its country; period ranges; indicator from the file name", () => {
		const dry = runImport(t.db, admin, { text: load(CANADA), fileName: CANADA, dryRun: true });
		expect(dry.errors).toEqual([
			{
				line: 1,
				column: null,
				message: 'This file has no geography column; choose the country it describes.'
			}
		]);
		expect(indicatorFromFileName(CANADA)).toBe('10.7.4');
		const report = runImport(t.db, admin, { text: load(CANADA), fileName: CANADA, country: 'CAN' });
		expect(report).toMatchObject({
			format: 'opensdg',
			rowsRead: 815,
			rowsImported: 815,
			errors: [],
			indicators: ['10.7.4']
		});
		const slv = obsOf('10.7.4').find(
			(r) => r.period === '2016/2021' && r.disaggregation.country_of_origin === 'El Salvador'
		)!;
		expect(slv).toMatchObject({
			countryIso3: 'CAN',
			year: 2021,
			periodSort: '2021-00 2016/2021',
			value: 18.9388899556998,
			source: `Import of ${CANADA}`
		});
		expect(new Set(obsOf('10.7.4').map((r) => r.period))).toEqual(
			new Set(['1980/1990', '1991/2000', '2001/2010', '2011/2015', '2016/2021'])
		);
	});

	it("Mexico's Open SDG file: quarters from Roman numerals, P/ as provisional", () => {
		const report = runImport(t.db, admin, { text: load(MEXICO), fileName: MEXICO, country: 'MEX' });
		expect(report).toMatchObject({ rowsRead: 109, rowsImported: 109, errors: [] });
		const rows = obsOf('17.3.2');
		expect(rows.find((r) => r.period === '2022-Q1')).toMatchObject({
			status: 'provisional',
			value: 3.787550255,
			periodSort: '2022-03 2022-Q1'
		});
		expect(rows.find((r) => r.period === '2023-Q1')).toMatchObject({
			status: 'final',
			value: 3.55445419
		});
		expect(rows.filter((r) => r.status === 'provisional')).toHaveLength(1);
		expect(rows.every((r) => r.countryIso3 === 'MEX' && r.disaggKey === '')).toBe(true);
	});
});

describe('dry runs, rejected rows and permissions', () => {
	it('a dry run reports the same counts and writes nothing', () => {
		const before = snapshot(t.db);
		const report = runImport(t.db, admin, { text: load(RPW), fileName: RPW, dryRun: true });
		expect(report).toMatchObject({ dryRun: true, committed: false, rowsImported: 10417 });
		expect(report.importRunId).toBeNull();
		expect(snapshot(t.db)).toEqual(before);
	});

	const malformed = [
		'indicator,country,period,disaggregation,value,status,source,note',
		'10.c.1,MEX,2021-Q1,corridor=USA>MEX,4.1,final,,',
		'10.c.1,MEX,2021-Q2,corridor=USA>MEX,four,final,,',
		'10.c.1,Atlantis,2021,,3.2,final,,',
		'10.c.1,GTM,2021,,3.0,maybe,,',
		'99.z.9,GTM,2021,,3.0,final,,',
		'10.7.2,MEX,2021,,7,final,,'
	].join('\n');

	it('a malformed file gets a row-by-row report and writes nothing', () => {
		const before = snapshot(t.db);
		const dry = runImport(t.db, admin, { text: malformed, dryRun: true });
		expect(dry.errors.map((e) => [e.line, e.column])).toEqual([
			[3, 'value'],
			[4, 'country'],
			[5, 'status'],
			[6, 'indicator'],
			[7, 'value']
		]);
		expect(dry.errors[0].message).toBe("'four' is not a number.");
		expect(dry.errors[1].message).toBe("Unknown country 'Atlantis'.");
		expect(dry.errors[3].message).toContain('There is no indicator 99.z.9');
		expect(dry.errors[4].message).toContain('above the scale');
		expect(dry.rowsImported).toBe(1);
		const { error, report } = rejected(() =>
			runImport(t.db, admin, { text: malformed, fileName: 'bad.csv' })
		);
		expect(error.status).toBe(422);
		expect(error.code).toBe('import_rejected');
		expect(report.committed).toBe(false);
		expect(report.errors).toHaveLength(5);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('wrong columns: one file-level error, nothing written', () => {
		const before = snapshot(t.db);
		const text = 'indicator,country,period,amount\n10.c.1,MEX,2020,4\n';
		const dry = runImport(t.db, admin, { text, dryRun: true });
		expect(dry.errors).toHaveLength(1);
		expect(dry.errors[0].line).toBe(1);
		expect(dry.errors[0].message).toContain(
			"lacks the column value and has unexpected columns 'amount'"
		);
		const { error } = rejected(() => runImport(t.db, admin, { text }));
		expect(error.status).toBe(422);
		const unknown = runImport(t.db, admin, { text: 'a,b\n1,2\n', dryRun: true });
		expect(unknown.format).toBeNull();
		expect(unknown.errors[0].message).toContain('not recognised');
		expect(snapshot(t.db)).toEqual(before);
	});

	it('validOnly commits the valid rows and reports the rejected ones', () => {
		const report = runImport(t.db, admin, { text: malformed, validOnly: true });
		expect(report).toMatchObject({ committed: true, rowsImported: 1 });
		expect(report.errors).toHaveLength(5);
		expect(obsOf('10.c.1').map((r) => [r.period, r.value])).toEqual([['2021-Q1', 4.1]]);
	});

	it('counts an observation as updated only when its value, status, source or note changed', () => {
		const rows = [
			{
				indicator: '10.c.1',
				country: 'GTM',
				period: '2020',
				disaggregation: {},
				value: 4,
				status: 'final' as const,
				source: 'S',
				note: null
			},
			{
				indicator: '10.c.1',
				country: 'GTM',
				period: '2021',
				disaggregation: {},
				value: 3.5,
				status: 'provisional' as const,
				source: 'S',
				note: null
			}
		];
		runImport(t.db, admin, { text: writeTemplate(rows) });
		rows[1] = { ...rows[1], value: 3.4, status: 'final' };
		const again = runImport(t.db, admin, { text: writeTemplate(rows) });
		expect(again).toMatchObject({ rowsImported: 0, rowsUpdated: 1, rowsUnchanged: 1 });
		const stored = obsOf('10.c.1').sort((a, b) => a.year - b.year);
		expect(stored.map((r) => [r.value, r.status, r.version])).toEqual([
			[4, 'final', 1],
			[3.4, 'final', 2]
		]);
		expect(stored[1].validated).toMatchObject({ value: 3.4, status: 'final' });
	});

	it('a coordinator imports only rows of their own countries, as submitted', async () => {
		const coord = person(t.db, 'coordinator', ['MEX']);
		const text = load(RPW);
		const dry = runImport(t.db, coord, { text, fileName: RPW, dryRun: true });
		expect(dry.errors.length).toBeGreaterThan(1000);
		expect(dry.errors[0].message).toMatch(/only import values of your own countries/);
		const { report } = rejected(() => runImport(t.db, coord, { text, fileName: RPW }));
		expect(report.committed).toBe(false);
		expect(obsOf('10.c.1')).toHaveLength(0);

		const ok = runImport(t.db, coord, { text, fileName: RPW, validOnly: true });
		expect(ok.reviewState).toBe('submitted');
		const rows = obsOf('10.c.1');
		expect(rows.length).toBe(ok.rowsImported);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.every((r) => r.countryIso3 === 'MEX')).toBe(true);
		expect(rows.every((r) => r.reviewState === 'submitted' && r.validated === null)).toBe(true);
		// regional rows are refused too
		const regional = runImport(t.db, coord, {
			text: 'indicator,country,period,value\n10.c.1,,2020,4\n',
			dryRun: true
		});
		expect(regional.errors[0].message).toContain('regional');
		// an admin re-import of the same values validates them without counting them as updates
		const adminRun = runImport(t.db, admin, { text, fileName: RPW, validOnly: true });
		expect(adminRun.rowsUpdated).toBe(0);
		const mex = obsOf('10.c.1').filter((r) => r.countryIso3 === 'MEX');
		expect(mex.every((r) => r.reviewState === 'validated')).toBe(true);
	});

	it('viewers may not import; signed-out callers get 401', async () => {
		const viewer = person(t.db, 'viewer');
		expect(() => runImport(t.db, viewer, { text: load(MEXICO), dryRun: true })).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() => runImport(t.db, null, { text: load(MEXICO), dryRun: true })).toThrow(
			expect.objectContaining({ status: 401 })
		);
	});

	it('an import of 100,000 rows completes in one transaction', () => {
		const rows = [];
		const members = ['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA'];
		for (let i = 0; i < 100_000; i++) {
			const month = (i % 12) + 1;
			const year = 2000 + (Math.floor(i / 12) % 25);
			rows.push({
				indicator: '16.2.2',
				country: members[i % 11],
				period: `${year}-${String(month).padStart(2, '0')}`,
				disaggregation: { group: `g${Math.floor(i / 300)}` },
				value: (i % 97) / 10,
				status: 'final' as const,
				source: 'synthetic',
				note: null
			});
		}
		const text = writeTemplate(rows);
		const report = runImport(t.db, admin, { text, fileName: 'big.csv' });
		expect(report).toMatchObject({ rowsRead: 100_000, errors: [], committed: true });
		expect(report.rowsImported + report.rowsUnchanged + report.rowsUpdated).toBe(100_000);
		const count = t.db.$client
			.prepare('select count(*) as n from observation where import_run_id = ?')
			.get(report.importRunId) as { n: number };
		expect(count.n).toBe(report.rowsImported);
		expect(
			t.db
				.select()
				.from(auditEntry)
				.where(and(eq(auditEntry.entity, 'import_run'), eq(auditEntry.operation, 'import')))
				.all()
		).toHaveLength(1);
	});
});

describe('size of one import', () => {
	it('refuses a file of more than 300,000 values with a clear 413, and writes nothing', () => {
		const lines = ['indicator,country,period,disaggregation,value,status,source,note'];
		for (let i = 0; i < 300_001; i++) {
			lines.push(`10.7.3,MEX,${1950 + (i % 75)},group=g${Math.floor(i / 75)},1,final,,`);
		}
		const before = snapshot(t.db);
		for (const dryRun of [true, false]) {
			expect(() =>
				runImport(t.db, admin, { text: lines.join('\n'), format: 'template', dryRun })
			).toThrow(
				expect.objectContaining({
					status: 413,
					message: expect.stringContaining('300,001 values; one import takes at most 300,000')
				})
			);
		}
		expect(snapshot(t.db)).toEqual(before);
	});
});
