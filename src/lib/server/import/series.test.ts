// Issue 15 §6 "Replace the whole series" and §7 outliers in the import preview: a re-import
// with series=replace removes the years the file no longer holds (with their history, so the
// undo puts them back), only for the file's indicator × geographies and never a better-ranked
// value; values far from their series are flagged in the preview and still import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { indicator } from '../db/schema';
import { listObservations, observationHistory } from '../observations';
import { runImport } from './pipeline';
import { revertImportRun } from './runs';

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
});
afterEach(() => t.close());

const HEADER = 'indicator,country,period,disaggregation,value,status,source,note';
const file = (rows: [string, string, number, string?][]) =>
	[HEADER, ...rows.map(([c, p, v, d]) => `10.7.3,${c},${p},${d ?? ''},${v},final,INE,`)].join('\n');
const series = (country: string) =>
	listObservations(t.db, who.admin, '10.7.3', { country }).map((o) => [
		o.period,
		o.value,
		...(Object.keys(o.disaggregation).length ? [o.disaggregation] : [])
	]);

describe('series=replace', () => {
	it('removes the years the new file no longer holds, and the undo puts them back', () => {
		runImport(t.db, who.admin, {
			text: file([
				['GTM', '2018', 10],
				['GTM', '2019', 11],
				['GTM', '2020', 12],
				['GTM', '2020', 5, 'sex=female'],
				['MEX', '2019', 40]
			]),
			fileName: 'first.csv'
		});
		// a later change to 2019, so its history has two versions
		runImport(t.db, who.admin, { text: file([['GTM', '2019', 13]]), fileName: 'fix.csv' });
		const kept2019 = listObservations(t.db, who.admin, '10.7.3', { country: 'GTM' }).find(
			(o) => o.period === '2019'
		)!;
		expect(observationHistory(t.db, who.admin, '10.7.3', kept2019.id).items.length).toBe(2);

		const again = file([
			['GTM', '2018', 10],
			['GTM', '2020', 12]
		]);
		const preview = runImport(t.db, who.admin, {
			text: again,
			fileName: 'again.csv',
			series: 'replace',
			dryRun: true
		});
		expect(preview).toMatchObject({ series: 'replace', rowsRemoved: 2, rowsUnchanged: 2 });
		expect(preview.removals.map((r) => [r.country, r.period, r.value, r.disaggregation])).toEqual([
			['GTM', '2019', 13, {}],
			['GTM', '2020', 5, { sex: 'female' }]
		]);
		// Without series=replace nothing is removed.
		expect(runImport(t.db, who.admin, { text: again, dryRun: true }).rowsRemoved).toBe(0);

		const run = runImport(t.db, who.admin, {
			text: again,
			fileName: 'again.csv',
			series: 'replace'
		});
		expect(run).toMatchObject({ committed: true, rowsRemoved: 2 });
		expect(series('GTM')).toEqual([
			['2018', 10],
			['2020', 12]
		]);
		// Another geography of the indicator is not the file's: untouched.
		expect(series('MEX')).toEqual([['2019', 40]]);

		expect(revertImportRun(t.db, who.admin, run.importRunId!)).toEqual({ restored: 2, removed: 0 });
		expect(series('GTM')).toEqual([
			['2018', 10],
			['2019', 13],
			['2020', 12],
			['2020', 5, { sex: 'female' }]
		]);
		const back = listObservations(t.db, who.admin, '10.7.3', { country: 'GTM' }).find(
			(o) => o.period === '2019'
		)!;
		expect(back.id).toBe(kept2019.id);
		// its two versions, and the undo
		expect(observationHistory(t.db, who.admin, '10.7.3', back.id).items.length).toBe(3);
	});

	it('keeps a value of a better-ranked source, saying why', () => {
		const ind = t.db.select().from(indicator).where(eq(indicator.code, '10.7.3')).get()!;
		t.db
			.update(indicator)
			.set({ sourceRanking: JSON.stringify(['INE', 'UN']) })
			.where(eq(indicator.id, ind.id))
			.run();
		runImport(t.db, who.admin, {
			text: file([
				['GTM', '2018', 10],
				['GTM', '2019', 11]
			])
		});
		const un = [HEADER, '10.7.3,GTM,2018,,9,final,UN,'].join('\n');
		const report = runImport(t.db, who.admin, {
			text: un,
			series: 'replace',
			existing: 'prefer-ranked',
			dryRun: true
		});
		expect(report.rowsRemoved).toBe(0);
		expect(report.skipped.map((s) => s.reason)).toEqual([
			'kept the value from INE (GTM 2019, not in the file)',
			'kept the value from INE'
		]);
	});
});

describe('outliers in the import preview', () => {
	it('flags values far from their series, with the reason in words, and imports them', () => {
		runImport(t.db, who.admin, {
			text: file([
				['GTM', '2015', 10],
				['GTM', '2016', 12],
				['GTM', '2017', 11],
				['GTM', '2018', 13]
			])
		});
		const next = file([
			['GTM', '2019', 40],
			['MEX', '2019', 5]
		]);
		const preview = runImport(t.db, who.admin, { text: next, dryRun: true });
		expect(preview.outliers).toEqual([
			{
				line: 2,
				indicator: '10.7.3',
				country: 'GTM',
				period: '2019',
				disaggregation: {},
				value: 40,
				flags: [
					{ kind: 'mad', mads: 28, median: 12, message: '28 MADs from the series median 12' },
					{ kind: 'jump', percent: 208, from: '2018', message: 'jump of 208% from 2018' }
				]
			}
		]);
		const done = runImport(t.db, who.admin, { text: next });
		expect(done).toMatchObject({ committed: true, rowsImported: 2 });
		expect(done.outliers.length).toBe(1);
		expect(series('GTM').at(-1)).toEqual(['2019', 40]);
	});

	it('follows the indicator’s settings, and leaves unchanged values alone', () => {
		runImport(t.db, who.admin, {
			text: file([
				['GTM', '2018', 100],
				['GTM', '2019', 160]
			])
		});
		const text = file([
			['GTM', '2018', 100],
			['GTM', '2019', 160],
			['GTM', '2020', 250]
		]);
		// 160 → 250: +56%; 160 is unchanged (not flagged even though +60%).
		expect(
			runImport(t.db, who.admin, { text, dryRun: true }).outliers.map((o) => [
				o.period,
				o.flags.map((f) => f.message)
			])
		).toEqual([['2020', ['jump of 56% from 2019']]]);
		t.db
			.update(indicator)
			.set({ outlierJumpPercent: 60 })
			.where(eq(indicator.code, '10.7.3'))
			.run();
		expect(runImport(t.db, who.admin, { text, dryRun: true }).outliers).toEqual([]);
	});
});
