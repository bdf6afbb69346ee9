// Outliers flagged at entry (issue 15 §7): hand-computed cases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { upsertObservations } from './upsert';
import {
	flagsOfEntry,
	flagValue,
	mergeSeries,
	outlierSettings,
	type SeriesPoint
} from './outliers';

const DEFAULTS = outlierSettings({});
const series = (first: number, values: number[]): SeriesPoint[] =>
	values.map((value, i) => ({ period: String(first + i), value }));
const last = (s: SeriesPoint[]) => s[s.length - 1];

describe('flagValue', () => {
	it('flags a value far from the median in MADs, and a jump, in words', () => {
		// 10 12 11 13 40: median 12; |deviations| 2 0 1 1 28 → MAD 1; 40 is 28 MADs away.
		// 13 → 40: +207.7%.
		const s = series(2015, [10, 12, 11, 13, 40]);
		expect(flagValue(s, last(s), DEFAULTS).map((f) => f.message)).toEqual([
			'28 MADs from the series median 12',
			'jump of 208% from 2018'
		]);
		// 13 itself: 1 MAD, +18%: no flag.
		expect(flagValue(s, s[3], DEFAULTS)).toEqual([]);
	});

	it('words the example of the issue: 3.4 MADs from the median 2.1', () => {
		// 1.1 2.1 3.1 2.1 5.5: median 2.1; deviations 1 0 1 0 3.4 → MAD 1. 3.1 → 5.5: +77%.
		const s = series(2015, [1.1, 2.1, 3.1, 2.1, 5.5]);
		const flags = flagValue(s, last(s), DEFAULTS);
		expect(flags[0]).toMatchObject({ kind: 'mad', mads: 3.4, median: 2.1 });
		expect(flags[0].message).toBe('3.4 MADs from the series median 2.1');
		expect(flags[1]).toMatchObject({ kind: 'jump', percent: 162, from: '2018' });
		// N per indicator: 4 MADs → only the jump; P = 200% → nothing.
		expect(
			flagValue(s, last(s), outlierSettings({ outlierMads: 4, outlierJumpPercent: 200 }))
		).toEqual([]);
		// 0 turns a test off.
		expect(flagValue(s, last(s), outlierSettings({ outlierMads: 0 })).map((f) => f.kind)).toEqual([
			'jump'
		]);
	});

	it('leaves a series with zero MAD to the jump test', () => {
		// 5 5 5 5 500: median 5, deviations 0 0 0 0 495 → MAD 0: no scale to measure by.
		const s = series(2015, [5, 5, 5, 5, 500]);
		expect(flagValue(s, last(s), DEFAULTS).map((f) => f.message)).toEqual([
			'jump of 9900% from 2018'
		]);
		// 5 5 5 5 5.1: MAD 0, +2%: nothing.
		const flat = series(2015, [5, 5, 5, 5, 5.1]);
		expect(flagValue(flat, last(flat), DEFAULTS)).toEqual([]);
	});

	it('judges a 2-point series by its jump only', () => {
		const up = series(2019, [100, 160]);
		expect(flagValue(up, last(up), DEFAULTS).map((f) => f.message)).toEqual([
			'jump of 60% from 2019'
		]);
		const calm = series(2019, [100, 140]);
		expect(flagValue(calm, last(calm), DEFAULTS)).toEqual([]);
		// The first value has nothing before it; a lone value nothing to compare with.
		expect(flagValue(up, up[0], DEFAULTS)).toEqual([]);
		expect(flagValue([up[0]], up[0], DEFAULTS)).toEqual([]);
	});

	it('measures negative values by their size', () => {
		// -10 -12 -11 -9 -4: median -10; deviations 0 2 1 1 6 → MAD 1; -4 is 6 MADs away.
		// -9 → -4: |5| / |-9| = 55.6%.
		const s = series(2015, [-10, -12, -11, -9, -4]);
		expect(flagValue(s, last(s), DEFAULTS).map((f) => f.message)).toEqual([
			'6 MADs from the series median -10',
			'jump of 56% from 2018'
		]);
	});

	it('takes a jump from 0 as unmeasurable', () => {
		const s = series(2018, [0, 0, 7]);
		expect(flagValue(s, last(s), { mads: 0, jumpPercent: 50 })).toEqual([]);
	});

	it('treats a percent indicator the same: the change relative to the value before', () => {
		// 40% → 45% → 70%: 45 → 70 is +55.6% (25 points); 3 values, MAD 5, 70 is 5 MADs from 45.
		const s = series(2020, [40, 45, 70]);
		expect(flagValue(s, last(s), DEFAULTS).map((f) => f.message)).toEqual([
			'5 MADs from the series median 45',
			'jump of 56% from 2021'
		]);
		// 2.0 2.1 2.2 3.4: median 2.15; deviations .15 .05 .05 1.25 → MAD 0.1 → 12.5 MADs.
		const small = series(2020, [2.0, 2.1, 2.2, 3.4]);
		expect(flagValue(small, last(small), DEFAULTS)[0]).toMatchObject({ mads: 12.5, median: 2.15 });
	});

	it('compares quarters with the quarter before, whatever the order given', () => {
		const s: SeriesPoint[] = [
			{ period: '2020-Q3', value: 100 },
			{ period: '2020-Q1', value: 10 },
			{ period: '2020-Q2', value: 95 }
		];
		expect(flagValue(s, s[0], { mads: 0, jumpPercent: 50 })).toEqual([]);
		expect(flagValue(s, s[2], { mads: 0, jumpPercent: 50 })[0].message).toBe(
			'jump of 850% from 2020-Q1'
		);
	});
});

describe('mergeSeries', () => {
	it('writes incoming values over stored ones of the same period', () => {
		const merged = mergeSeries(series(2018, [1, 2, 3]), [
			{ period: '2019', value: 20 },
			{ period: '2021', value: 4 }
		]);
		expect(merged.map((p) => [p.period, p.value])).toEqual([
			['2018', 1],
			['2019', 20],
			['2020', 3],
			['2021', 4]
		]);
	});
});

describe('flagsOfEntry (the value form)', () => {
	let t: TestDb;
	beforeEach(() => {
		t = freshDb();
	});
	afterEach(() => t.close());

	it('flags a value against its stored series, and not a value already stored', () => {
		const admin = cast(t.db).admin;
		upsertObservations(
			t.db,
			admin,
			'10.7.3',
			[10, 12, 11, 13].map((value, i) => ({
				country: 'GTM',
				period: String(2015 + i),
				disaggregation: {},
				value,
				status: 'final' as const,
				source: null,
				note: null
			}))
		);
		const entry = { country: 'GTM', period: '2019', disaggregation: {}, value: 40 };
		expect(flagsOfEntry(t.db, '10.7.3', entry).map((f) => f.message)).toEqual([
			'28 MADs from the series median 12',
			'jump of 208% from 2018'
		]);
		// another disaggregation is another series: nothing to compare with
		expect(flagsOfEntry(t.db, '10.7.3', { ...entry, disaggregation: { sex: 'female' } })).toEqual(
			[]
		);
		// a value as stored is not flagged again
		expect(flagsOfEntry(t.db, '10.7.3', { ...entry, period: '2018', value: 13 })).toEqual([]);
		// the indicator's own settings
		t.db.$client
			.prepare(
				"update indicator set outlier_mads = 0, outlier_jump_percent = 300 where code = '10.7.3'"
			)
			.run();
		expect(flagsOfEntry(t.db, '10.7.3', entry)).toEqual([]);
	});
});
