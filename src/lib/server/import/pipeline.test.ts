// The import pipeline on the real files in the shared data folder, as they are.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEntry, importRun } from '../db/schema';
import { indicatorFromFileName, runImport } from './pipeline';
import { listImportRuns } from './runs';
import {
	admin,
	CANADA,
	DDF_1072,
	DDF_1073,
	DDF_881,
	freshDbPerTest,
	load,
	MEXICO,
	obsOf,
	RPW,
	t
} from './pipeline-test-setup';

freshDbPerTest();

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

	it('DDF 10.7.3: deaths by country; M49 regions kept as regional series, other aggregates skipped', () => {
		const report = runImport(t.db, admin, { text: load(DDF_1073), fileName: DDF_1073 });
		// 10.7.3 is regional: 186 rows of M49 regions (001 World, 013 Central America…) are
		// regional series (regions.test.ts); the 6 rows of other aggregates are skipped.
		expect(report).toMatchObject({
			format: 'sdg-ddf',
			rowsRead: 1668,
			rowsImported: 1476 + 186,
			rowsSkipped: 6,
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
