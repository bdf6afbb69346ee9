// The import pipeline: dry runs, rejected rows, permissions and the size of one import.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { snapshot } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { auditEntry } from '../db/schema';
import { runImport } from './pipeline';
import { writeTemplate } from './index';
import {
	admin,
	freshDbPerTest,
	load,
	MEXICO,
	obsOf,
	rejected,
	RPW,
	t
} from './pipeline-test-setup';

freshDbPerTest();

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
