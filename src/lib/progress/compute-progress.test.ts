// computeProgress against cases computed by hand (DESIGN §6): bands of every method, targets,
// deterioration, insufficient data, periods and base years.
import { describe, it, expect } from 'vitest';
import {
	annualSeries,
	chooseBaseYear,
	computeProgress,
	METHODS,
	type Method,
	type Status
} from './index';
import {
	corridor,
	GROWTH_METHODS,
	headline,
	indicator,
	remittanceCost,
	statusOf
} from './progress-test-setup';

describe('computeProgress: hand-computed cases', () => {
	it('increase with a target, on track', () => {
		// 50 (2015) → 60 (2020), target 80 by 2030, higher is better.
		// A: CAGR_o = 1.2^(1/5) − 1 = 0.03714; CAGR_r = 1.6^(1/15) − 1 = 0.03183;
		//    R = 0.03714 / 0.03183 = 1.167 ≥ 0.95 → on_track
		// B: ŷ_2030 = 60 × 1.2^(10/5) = 60 × 1.44 = 86.4; Q = (86.4 − 50) / (80 − 50) = 1.213 → on_track
		const ind = indicator({ baselineYear: 2015, targetYear: 2030, targetValue: 80 });
		const obs = headline(['2015', 50], ['2020', 60]);
		const a = computeProgress(ind, obs, 'cagr-ratio');
		expect(a.status).toBe('on_track');
		expect(a.components.cagrObserved).toBeCloseTo(0.03714, 5);
		expect(a.components.cagrRequired).toBeCloseTo(0.03183, 5);
		expect(a.components.ratio).toBeCloseTo(1.1668, 4);
		const b = computeProgress(ind, obs, 'progress-chart');
		expect(b.status).toBe('on_track');
		expect(b.components.projectedValue).toBeCloseTo(86.4, 6);
		expect(b.components.q).toBeCloseTo(1.21333, 5);
	});

	it('increase with a target, needs acceleration / fair progress', () => {
		// 50 (2015) → 56 (2020), target 80 by 2030.
		// A: CAGR_o = 1.12^(1/5) − 1 = 0.022925; R = 0.022925 / 0.031830 = 0.720 → needs_acceleration
		// B: ŷ_2030 = 56 × 1.12^2 = 70.2464; Q = (70.2464 − 50) / 30 = 0.6749 → fair_progress
		const ind = indicator({ targetYear: 2030, targetValue: 80 });
		const obs = headline(['2015', 50], ['2020', 56]);
		const a = computeProgress(ind, obs, 'cagr-ratio');
		expect(a.status).toBe('needs_acceleration');
		expect(a.components.ratio).toBeCloseTo(0.7202, 4);
		const b = computeProgress(ind, obs, 'progress-chart');
		expect(b.status).toBe('fair_progress');
		expect(b.components.projectedValue).toBeCloseTo(70.2464, 4);
		expect(b.components.q).toBeCloseTo(0.67488, 5);
	});

	it('no target: every band of both methods', () => {
		// Higher is better (d = 1), 100 in 2015, 10 years to 2025: CAGR_o = (v/100)^(1/10) − 1.
		// A bands on P = d·CAGR_o: ≥1.5% on_track, 0.5–1.5% needs_acceleration, 0–0.5% limited, <0 deterioration
		// B bands on d·CAGR_o: ≥2% on_track, 0.5–2% fair_progress, <0.5% stagnation_or_regression
		const ind = indicator();
		const cases: [number, number, Status, Status][] = [
			// 1.3^0.1 − 1 = 2.658%
			[130, 0.026584, 'on_track', 'on_track'],
			// 1.2^0.1 − 1 = 1.840%
			[120, 0.018399, 'on_track', 'fair_progress'],
			// 1.1^0.1 − 1 = 0.958%
			[110, 0.009577, 'needs_acceleration', 'fair_progress'],
			// 1.02^0.1 − 1 = 0.198%
			[102, 0.001982, 'limited_progress', 'stagnation_or_regression'],
			// 100 → 100: 0%
			[100, 0, 'limited_progress', 'stagnation_or_regression'],
			// 0.9^0.1 − 1 = −1.048%
			[90, -0.010481, 'deterioration', 'stagnation_or_regression']
		];
		for (const [latest, rate, statusA, statusB] of cases) {
			const obs = headline(['2015', 100], ['2025', latest]);
			const a = computeProgress(ind, obs, 'cagr-ratio');
			expect(a.status, `A ${latest}`).toBe(statusA);
			expect(a.components.cagrObserved).toBeCloseTo(rate, 6);
			expect(a.components.cagrRequired).toBeNull();
			expect(a.components.ratio).toBeNull();
			expect(a.components.targetYear).toBeNull();
			expect(a.components.targetValue).toBeNull();
			expect(a.components.thresholds[0]).toMatchObject({ status: 'on_track', min: 0.015 });
			const b = computeProgress(ind, obs, 'progress-chart');
			expect(b.status, `B ${latest}`).toBe(statusB);
			expect(b.components.projectedValue).toBeNull();
			expect(b.components.q).toBeNull();
			expect(b.components.thresholds[0]).toMatchObject({ status: 'on_track', min: 0.02 });
		}
	});

	it('no target, lower is better: d = −1 turns a fall into progress', () => {
		// 100 → 80 over 10 years: CAGR_o = 0.8^0.1 − 1 = −2.207%; P = −1 × −2.207% = 2.207%
		// A: ≥ 1.5% → on_track; B: ≥ 2% → on_track
		const ind = indicator({ direction: 'decrease' });
		const obs = headline(['2015', 100], ['2025', 80]);
		const a = computeProgress(ind, obs, 'cagr-ratio');
		expect(a.status).toBe('on_track');
		expect(a.formula).toContain('P = d × CAGR_o = −1 × −2.21% = 2.21%');
		expect(statusOf(ind, obs, 'progress-chart')).toBe('on_track');
		// 100 → 120 is a deterioration when lower is better: P = −1.84%
		const worse = headline(['2015', 100], ['2025', 120]);
		expect(statusOf(ind, worse, 'cagr-ratio')).toBe('deterioration');
		expect(statusOf(ind, worse, 'progress-chart')).toBe('stagnation_or_regression');
	});

	it('target_achieved when the latest value meets the target (both methods)', () => {
		// Lower is better: 2.8 (2020) ≤ 3 → target_achieved; exactly 3 also meets it.
		for (const latest of [2.8, 3]) {
			const obs = headline(['2015', 6], ['2020', latest]);
			for (const method of METHODS) {
				const r = computeProgress(remittanceCost, obs, method);
				// The SDSN arrows call a series already at its target "maintaining".
				expect(r.status).toBe(method === 'sdsn-trend' ? 'maintaining' : 'target_achieved');
				expect(r.reason).toBeNull();
				expect(r.components.cagrObserved).toBeNull();
			}
		}
		// Higher is better: 85 ≥ 80 → target_achieved
		const ind = indicator({ targetYear: 2030, targetValue: 80 });
		const obs = headline(['2015', 50], ['2020', 85]);
		expect(statusOf(ind, obs, 'cagr-ratio')).toBe('target_achieved');
		expect(statusOf(ind, obs, 'progress-chart')).toBe('target_achieved');
		// A latest value of 0 meets a target of 0 (lower is better) although 0 is no growth base.
		const zero = indicator({ direction: 'decrease', targetValue: 0 });
		expect(statusOf(zero, headline(['2015', 12], ['2022', 0]), 'cagr-ratio')).toBe(
			'target_achieved'
		);
	});

	it('deterioration when R < 0', () => {
		// Lower is better, 6 (2015) → 7 (2020), target 3 by 2030.
		// A: CAGR_o = (7/6)^(1/5) − 1 = +0.03131; CAGR_r = −0.04516; R = −0.693 < 0 → deterioration
		// B: ŷ_2030 = 7 × (7/6)^2 = 9.5278; Q = (9.5278 − 6) / (3 − 6) = −1.176 < 0.10 → stagnation_or_regression
		const obs = headline(['2015', 6], ['2020', 7]);
		const a = computeProgress(remittanceCost, obs, 'cagr-ratio');
		expect(a.status).toBe('deterioration');
		expect(a.components.ratio).toBeCloseTo(-0.69334, 5);
		const b = computeProgress(remittanceCost, obs, 'progress-chart');
		expect(b.status).toBe('stagnation_or_regression');
		expect(b.components.projectedValue).toBeCloseTo(9.52778, 5);
		expect(b.components.q).toBeCloseTo(-1.17593, 5);
	});

	it('insufficient_data with one data point, none, or nothing after the base year', () => {
		for (const method of METHODS) {
			const one = computeProgress(remittanceCost, headline(['2020', 4]), method);
			expect(one.status).toBe('insufficient_data');
			expect(one.reason).toBe('Only one year has data (2020); at least two years are needed.');
			expect(one.components.latestYear).toBe(2020);
			expect(one.components.cagrObserved).toBeNull();

			// Two quarters of the same year are one annual point.
			const sameYear = headline(['2020-Q1', 4], ['2020-Q2', 5]);
			expect(statusOf(remittanceCost, sameYear, method)).toBe('insufficient_data');

			const none = computeProgress(remittanceCost, [], method);
			expect(none.status).toBe('insufficient_data');
			expect(none.series).toBeNull();
			expect(none.reason).toMatch(/no observations/);
			expect(none.points).toEqual([]);

			// Baseline 2020 has data, but nothing comes after it (2015 is before the base).
			const ind = indicator({ baselineYear: 2020 });
			const after = computeProgress(ind, headline(['2015', 1], ['2020', 2]), method);
			expect(after.status).toBe('insufficient_data');
			expect(after.reason).toMatch(/no data after the base year 2020/);
		}
	});

	it('not_computable when the base value is 0', () => {
		// (y_t / 0) is undefined: no growth rate from zero.
		for (const method of GROWTH_METHODS) {
			const r = computeProgress(indicator(), headline(['2015', 0], ['2020', 4]), method);
			expect(r.status).toBe('not_computable');
			expect(r.reason).toBe('The base value is 0; a growth rate cannot be computed from zero.');
		}
	});

	it('not_computable with a negative value (real RPW data has −4.546)', () => {
		// Base −4.546 (2015), latest 4.0 (2020), target 3 not met: (4.0 / −4.546)^(1/5) is not real.
		for (const method of GROWTH_METHODS) {
			const r = computeProgress(remittanceCost, headline(['2015', -4.546], ['2020', 4]), method);
			expect(r.status).toBe('not_computable');
			expect(r.reason).toBe(
				'The base value is −4.546; a growth rate cannot be computed from a negative value.'
			);
			// A negative latest value without a target.
			const latest = computeProgress(indicator(), headline(['2015', 5], ['2020', -4.546]), method);
			expect(latest.status).toBe('not_computable');
			expect(latest.reason).toMatch(/^The latest value is −4.546/);
		}
		// A negative target cannot be reached by a growth rate (method A only).
		const negative = indicator({ targetValue: -1, targetYear: 2030, direction: 'decrease' });
		const r = computeProgress(negative, headline(['2015', 5], ['2020', 4]), 'cagr-ratio');
		expect(r.status).toBe('not_computable');
		expect(r.reason).toMatch(/target is −1/);
	});

	it('a target of 0 counts as 0.001', () => {
		// Lower is better, 100 (2015) → 50 (2020), target 0 by 2030 → 0.001.
		// A: CAGR_o = 0.5^(1/5) − 1 = −0.12945; CAGR_r = (0.001/100)^(1/15) − 1 = 10^(−1/3) − 1 = −0.53584;
		//    R = 0.24158 → limited_progress
		// B: ŷ_2030 = 50 × 0.5^(10/5) = 12.5; Q = (12.5 − 100) / (0.001 − 100) = 0.875009 → fair_progress
		const ind = indicator({ direction: 'decrease', targetYear: 2030, targetValue: 0 });
		const obs = headline(['2015', 100], ['2020', 50]);
		const a = computeProgress(ind, obs, 'cagr-ratio');
		expect(a.status).toBe('limited_progress');
		expect(a.components.targetValue).toBe(0.001);
		expect(a.components.cagrRequired).toBeCloseTo(-0.535841, 6);
		expect(a.components.ratio).toBeCloseTo(0.241582, 6);
		expect(a.formula).toContain('Target: 0 (a target of 0 counts as 0.001) by 2030');
		const b = computeProgress(ind, obs, 'progress-chart');
		expect(b.status).toBe('fair_progress');
		expect(b.components.projectedValue).toBeCloseTo(12.5, 9);
		expect(b.components.q).toBeCloseTo(0.875009, 6);
	});

	it('target year defaults to 2030 when only the target value is set', () => {
		// Same as the worked example without a target year.
		const ind = { ...remittanceCost, targetYear: null };
		const r = computeProgress(ind, headline(['2015', 6], ['2023', 5]), 'cagr-ratio');
		expect(r.components.targetYear).toBe(2030);
		expect(r.components.cagrRequired).toBeCloseTo(-0.04516, 5);
		expect(r.status).toBe('limited_progress');
		// A target year without a target value is no target.
		const yearOnly = indicator({ targetYear: 2030 });
		const s = computeProgress(yearOnly, headline(['2015', 6], ['2023', 5]), 'cagr-ratio');
		expect(s.components.targetYear).toBeNull();
		expect(s.components.thresholds[0]?.label).toBe('P ≥ 1.5%');
	});

	it('quarterly and monthly values are averaged per calendar year', () => {
		// 2015: (5.8 + 6.2 + 6.1 + 5.9) / 4 = 6.0; 2023: (5.1 + 4.9) / 2 = 5.0 → the worked example.
		const obs = headline(
			['2015-Q1', 5.8],
			['2015-Q2', 6.2],
			['2015-Q3', 6.1],
			['2015-Q4', 5.9],
			['2023-01', 5.1],
			['2023-07', 4.9]
		);
		const series = annualSeries(obs);
		expect(series.series).toBe('headline');
		expect(series.points).toHaveLength(2);
		const [y2015, y2023] = series.points;
		expect(y2015?.year).toBe(2015);
		expect(y2015?.value).toBeCloseTo(6.0, 12);
		expect(y2015?.n).toBe(4);
		expect(y2023?.year).toBe(2023);
		expect(y2023?.value).toBeCloseTo(5.0, 12);
		expect(y2023?.n).toBe(2);
		const r = computeProgress(remittanceCost, obs, 'cagr-ratio');
		expect(r.status).toBe('limited_progress');
		expect(r.components.ratio).toBeCloseTo(0.49897, 4);
	});

	it('no headline: the mean of the disaggregates per year', () => {
		// Corridor A: 2015 → 8, 2020 → 6. Corridor B: 2015-Q1 4 and 2015-Q3 6 → 5, 2020 → 4.
		// Corridor C: only 2018 → 9.
		// 2015: (8 + 5) / 2 = 6.5 (n 2); 2018: 9 (n 1); 2020: (6 + 4) / 2 = 5 (n 2).
		// Lower is better, no target: CAGR_o = (5 / 6.5)^(1/5) − 1 = −5.112%; P = 5.112% → on_track
		const obs = [
			corridor('A', '2015', 8),
			corridor('A', '2020', 6),
			corridor('B', '2015-Q1', 4),
			corridor('B', '2015-Q3', 6),
			corridor('B', '2020', 4),
			corridor('C', '2018', 9)
		];
		expect(annualSeries(obs)).toEqual({
			series: 'mean_of_disaggregates',
			points: [
				{ year: 2015, value: 6.5, n: 2, subPeriods: 2, frequency: 4 },
				{ year: 2018, value: 9, n: 1, subPeriods: 1, frequency: 4 },
				{ year: 2020, value: 5, n: 2, subPeriods: 1, frequency: 4 }
			]
		});
		const r = computeProgress(indicator({ direction: 'decrease' }), obs, 'cagr-ratio');
		expect(r.series).toBe('mean_of_disaggregates');
		expect(r.status).toBe('on_track');
		expect(r.components.cagrObserved).toBeCloseTo(-0.05112, 5);
		expect(r.formula[0]).toMatch(/mean of the disaggregates/);

		// One headline observation is enough to make the headline the series (disaggregates ignored).
		const withHeadline = [...obs, ...headline(['2020', 4])];
		expect(annualSeries(withHeadline)).toEqual({
			series: 'headline',
			points: [{ year: 2020, value: 4, n: 1, subPeriods: 1, frequency: 1 }]
		});
		expect(statusOf(indicator(), withHeadline, 'cagr-ratio')).toBe('insufficient_data');
		expect(annualSeries([])).toEqual({ series: 'none', points: [] });
	});

	it('base year: baseline year, else 2015, else the first later year with data', () => {
		expect(chooseBaseYear([2014, 2015, 2020], null)?.year).toBe(2015);
		expect(chooseBaseYear([2014, 2016, 2020], null)?.year).toBe(2016);
		expect(chooseBaseYear([2010, 2012], null)?.year).toBe(2010);
		expect(chooseBaseYear([2015, 2017, 2020], 2017)?.year).toBe(2017);
		expect(chooseBaseYear([2015, 2018, 2022], 2017)?.year).toBe(2018);
		expect(chooseBaseYear([2010, 2012], 2017)?.year).toBe(2010);
		expect(chooseBaseYear([], 2017)).toBeNull();

		// Baseline 2017 has no data: base 2018 (value 10), latest 2022 (value 12), higher is better.
		// CAGR_o = 1.2^(1/4) − 1 = 4.664% → P ≥ 1.5% → on_track
		const ind = indicator({ baselineYear: 2017 });
		const obs = headline(['2015', 1], ['2018', 10], ['2022', 12]);
		const r = computeProgress(ind, obs, 'cagr-ratio');
		expect(r.components.baseYear).toBe(2018);
		expect(r.components.baseValue).toBe(10);
		expect(r.components.cagrObserved).toBeCloseTo(0.046635, 6);
		expect(r.status).toBe('on_track');
		expect(r.formula).toContain(
			'Base year t_0 = 2018 (the first year with data after the baseline year 2017): y_0 = 10.0'
		);

		// No baseline and no 2015: the first year with data after 2015.
		const noBaseline = computeProgress(
			indicator(),
			headline(['2014', 1], ['2016', 10], ['2022', 12]),
			'progress-chart'
		);
		expect(noBaseline.components.baseYear).toBe(2016);
	});

	it('period ranges count as their end year', () => {
		// '2011/2015' → 2015 (value 40), '2016/2021' → 2021 (value 44), higher is better, no target.
		// CAGR_o = 1.1^(1/6) − 1 = 1.601% → A: P ≥ 1.5% on_track; B: 0.5–2% fair_progress
		const obs = headline(['2011/2015', 40], ['2016/2021', 44]);
		const a = computeProgress(indicator(), obs, 'cagr-ratio');
		expect(a.points.map((p) => p.year)).toEqual([2015, 2021]);
		expect(a.components.baseYear).toBe(2015);
		expect(a.components.latestYear).toBe(2021);
		expect(a.components.cagrObserved).toBeCloseTo(0.016012, 6);
		expect(a.status).toBe('on_track');
		expect(statusOf(indicator(), obs, 'progress-chart')).toBe('fair_progress');
	});

	it('CAGR_r = 0 (target equals the base value): A deterioration, B not_computable', () => {
		// Lower is better, 5 (2015) → 6 (2020), target 5 by 2030: CAGR_r = (5/5)^(1/15) − 1 = 0.
		// The target is not met (6 > 5), so the value moved away from it: A → deterioration, R null.
		// B: Q = (ŷ − 5) / (5 − 5) divides by zero → not_computable.
		const ind = indicator({ direction: 'decrease', targetYear: 2030, targetValue: 5 });
		const obs = headline(['2015', 5], ['2020', 6]);
		const a = computeProgress(ind, obs, 'cagr-ratio');
		expect(a.status).toBe('deterioration');
		expect(a.components.cagrRequired).toBe(0);
		expect(a.components.ratio).toBeNull();
		const b = computeProgress(ind, obs, 'progress-chart');
		expect(b.status).toBe('not_computable');
		expect(b.reason).toMatch(/target equals the base value/);
	});

	it('a target year not after the base year has passed: target_missed (every method)', () => {
		const ind = indicator({ baselineYear: 2015, targetYear: 2015, targetValue: 80 });
		for (const method of METHODS) {
			const r = computeProgress(ind, headline(['2015', 50], ['2020', 60]), method);
			expect(r.status).toBe('target_missed');
			expect(r.components.valueAtTargetYear).toBe(50);
		}
	});

	it('currentYear ignores data after it', () => {
		// Points 2015 (6), 2023 (5), 2031 (1, a projection): as of 2025 the worked example remains.
		const obs = headline(['2015', 6], ['2023', 5], ['2031-Q1', 1]);
		const r = computeProgress(remittanceCost, obs, 'cagr-ratio', { currentYear: 2025 });
		expect(r.points.map((p) => p.year)).toEqual([2015, 2023]);
		expect(r.status).toBe('limited_progress');
		expect(statusOf(remittanceCost, obs, 'cagr-ratio')).toBe('target_achieved');
	});

	it('rejects an unknown method', () => {
		expect(() => computeProgress(indicator(), [], 'magic' as Method)).toThrow();
	});

	it('results are plain JSON (no NaN or Infinity)', () => {
		const r = computeProgress(remittanceCost, headline(['2015', 6], ['2023', 5]), 'progress-chart');
		expect(JSON.parse(JSON.stringify(r))).toEqual(r);
	});
});
