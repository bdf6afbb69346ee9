// The three methods added in issue 16 (docs/progress-methods.md): each worked example of the
// doc, then hand-computed awkward cases (compound target, passed target year, aggregation,
// flags, threshold indicators).
import { describe, it, expect } from 'vitest';
import {
	computeProgress,
	METHODS,
	onTrackSide,
	type IndicatorInput,
	type ObservationInput
} from './index';

function headline(...pairs: [string, number][]): ObservationInput[] {
	return pairs.map(([period, value]) => ({ period, value, disaggregation: {} }));
}

const remittanceCost: IndicatorInput = {
	code: '10.c.1',
	direction: 'decrease',
	baselineYear: 2015,
	targetYear: 2030,
	targetValue: 3,
	ceiling: 5,
	ceilingKey: 'corridor'
};

const plain = (overrides: Partial<IndicatorInput> = {}): IndicatorInput => ({
	code: 'T',
	direction: 'increase',
	baselineYear: null,
	targetYear: null,
	targetValue: null,
	ceiling: null,
	...overrides
});

describe('worked examples (docs/progress-methods.md)', () => {
	// DESIGN §6: 6.0 in 2015, 5.0 in 2023, target 3 by 2030, lower is better.
	const two = headline(['2015', 6], ['2023', 5]);
	const three = headline(['2015', 6], ['2018', 5.6], ['2023', 5]);

	it('anticipated-progress, two points: the line through them, G = 0.375 → too_slow', () => {
		// b = (5 − 6) / 8 = −0.125; ŷ_2030 = 5 − 0.125 × 7 = 4.125; G = (3 − 4.125) / (3 − 6) = 0.375
		const r = computeProgress(remittanceCost, two, 'anticipated-progress');
		expect(r.status).toBe('too_slow');
		expect(r.components.projectedValue).toBeCloseTo(4.125, 10);
		expect(r.components.gapRatio).toBeCloseTo(0.375, 10);
	});

	it('anticipated-progress, three points: recent years weigh more (1, 4, 9)', () => {
		// weighted means: x̄ = 2021, ȳ = 5.242857; b = −0.122222; ŷ_2030 = 4.142857; G = 0.380952
		const r = computeProgress(remittanceCost, three, 'anticipated-progress');
		expect(r.status).toBe('too_slow');
		expect(r.components.annualChangeObserved).toBeCloseTo(-0.122222, 6);
		expect(r.components.projectedValue).toBeCloseTo(4.142857, 6);
		expect(r.components.gapRatio).toBeCloseTo(0.380952, 6);
	});

	it('sdsn-trend: −0.125 a year against −0.2 needed, ρ = 0.625 → moderately_improving', () => {
		const r = computeProgress(remittanceCost, two, 'sdsn-trend');
		expect(r.status).toBe('moderately_improving');
		expect(r.components.annualChangeObserved).toBeCloseTo(-0.125, 10);
		expect(r.components.annualChangeRequired).toBeCloseTo(-0.2, 10);
		expect(r.components.ratio).toBeCloseTo(0.625, 10);
	});

	it('eurostat: short term 2018–2023 RCAGR 0.442, long term 2015–2023 0.499 → insufficient_progress', () => {
		const r = computeProgress(remittanceCost, three, 'eurostat');
		expect(r.status).toBe('insufficient_progress');
		expect(r.components.baseYear).toBe(2018);
		expect(r.components.cagrObserved).toBeCloseTo(-0.022411, 6);
		expect(r.components.cagrRequired).toBeCloseTo(-0.050683, 6);
		expect(r.components.ratio).toBeCloseTo(0.442173, 6);
		expect(r.components.longTerm).toMatchObject({
			baseYear: 2015,
			status: 'insufficient_progress'
		});
		expect(r.components.longTerm?.ratio).toBeCloseTo(0.498965, 6);
	});

	it('eurostat without a target: d × CAGR bands', () => {
		// 100 → 110 over 5 years (2018–2023): CAGR = 1.924% > 1% → significant_progress
		const up = headline(['2018', 100], ['2023', 110]);
		expect(computeProgress(plain(), up, 'eurostat').status).toBe('significant_progress');
		// 100 → 97 over 5 years: −0.607% → moderate_movement_away
		const down = headline(['2018', 100], ['2023', 97]);
		expect(computeProgress(plain(), down, 'eurostat').status).toBe('moderate_movement_away');
		// lower is better: the same fall is progress, 0.607% → moderate_progress
		expect(computeProgress(plain({ direction: 'decrease' }), down, 'eurostat').status).toBe(
			'moderate_progress'
		);
	});

	it('sdsn-trend needs a target; anticipated-progress without one reads P = d × b / y_0', () => {
		const up = headline(['2015', 100], ['2020', 110]);
		const sdsn = computeProgress(plain(), up, 'sdsn-trend');
		expect(sdsn.status).toBe('not_computable');
		expect(sdsn.reason).toMatch(/no target/);
		// b = 2 a year, P = 2 / 100 = 2% → on_track
		expect(computeProgress(plain(), up, 'anticipated-progress').status).toBe('on_track');
	});
});

describe('compound target 10.c (ceiling key corridor)', () => {
	it('an average of 2.5% with a corridor at 6% is not target_achieved: ceiling breached', () => {
		const obs = [
			...headline(['2015', 6], ['2023', 2.5]),
			{ period: '2023', value: 6, disaggregation: { corridor: 'USA>GTM' } },
			{ period: '2023', value: 4, disaggregation: { corridor: 'USA>MEX' } }
		];
		for (const method of METHODS) {
			const r = computeProgress(remittanceCost, obs, method);
			expect(r.status).not.toBe('target_achieved');
			expect(r.status).not.toBe('maintaining');
			expect(r.ceiling?.status).toBe('breached');
			expect(r.ceiling?.above.map((a) => a.disaggregation.corridor)).toEqual(['USA>GTM']);
			expect(r.ceiling?.share).toBe(0.5);
		}
		// Without the corridor above 5%, the same average achieves the target.
		const clear = obs.filter((o) => o.disaggregation.corridor !== 'USA>GTM');
		const r = computeProgress(remittanceCost, clear, 'cagr-ratio');
		expect(r.status).toBe('target_achieved');
		expect(r.ceiling?.status).toBe('clear');
	});

	it('amount bands are not corridors: only disaggregates of the ceiling key count', () => {
		const obs = [
			...headline(['2015', 6], ['2023', 2.5]),
			{
				period: '2023',
				value: 13,
				disaggregation: { amount: '$100 or less', method: 'Non-electronic methods' }
			},
			{ period: '2023', value: 4.5, disaggregation: { corridor: 'CAN>MEX' } }
		];
		const r = computeProgress(remittanceCost, obs, 'cagr-ratio');
		expect(r.ceiling).toMatchObject({ key: 'corridor', status: 'clear', count: 1, share: 0 });
		expect(r.status).toBe('target_achieved');
	});
});

describe('target year passed', () => {
	it('target 3 by 2020, latest 2023 = 5: every method reads target_missed', () => {
		const ind = { ...remittanceCost, targetYear: 2020 };
		const obs = headline(['2015', 6], ['2020', 5.5], ['2023', 5]);
		for (const method of METHODS) {
			const r = computeProgress(ind, obs, method);
			expect(r.status).toBe('target_missed');
			expect(r.components.valueAtTargetYear).toBe(5.5);
		}
	});
});

describe('aggregation', () => {
	it('a count indicator sums its disaggregates per year', () => {
		const region = (r: string, period: string, value: number): ObservationInput => ({
			period,
			value,
			disaggregation: { region: r }
		});
		const obs = [
			region('A', '2015', 10),
			region('B', '2015', 20),
			region('A', '2020', 5),
			region('B', '2020', 10)
		];
		const r = computeProgress(
			plain({ direction: 'decrease', aggregation: 'sum' }),
			obs,
			'cagr-ratio'
		);
		expect(r.series).toBe('sum_of_disaggregates');
		expect(r.points.map((p) => p.value)).toEqual([30, 15]);
		const mean = computeProgress(plain({ direction: 'decrease' }), obs, 'cagr-ratio');
		expect(mean.points.map((p) => p.value)).toEqual([15, 7.5]);
	});
});

describe('flags', () => {
	const codes = (r: { flags: { code: string }[] }) => r.flags.map((f) => f.code);

	it('at_best_value: a lower-is-better series at 0 reads maintaining, or target_achieved with a target of 0', () => {
		const obs = headline(['2015', 4], ['2020', 0]);
		const none = computeProgress(plain({ direction: 'decrease' }), obs, 'cagr-ratio', {
			nowYear: 2021
		});
		expect(none.status).toBe('maintaining');
		expect(codes(none)).toContain('at_best_value');
		const zero = computeProgress(
			plain({ direction: 'decrease', targetValue: 0 }),
			obs,
			'cagr-ratio'
		);
		expect(zero.status).toBe('target_achieved');
		expect(codes(zero)).toContain('at_best_value');
	});

	it('few_points with two years only', () => {
		const opts = { nowYear: 2021 };
		expect(
			codes(computeProgress(plain(), headline(['2015', 1], ['2020', 2]), 'cagr-ratio', opts))
		).toEqual(['few_points']);
		expect(
			codes(
				computeProgress(
					plain(),
					headline(['2015', 1], ['2018', 1.5], ['2020', 2]),
					'cagr-ratio',
					opts
				)
			)
		).toEqual([]);
	});

	it('partial_year names the year and its sub-periods', () => {
		const obs = headline(
			['2015-Q1', 6],
			['2015-Q2', 6],
			['2015-Q3', 6],
			['2015-Q4', 6],
			['2020-Q1', 5],
			['2020-Q2', 5],
			['2020-Q3', 5]
		);
		const r = computeProgress(remittanceCost, obs, 'cagr-ratio', { nowYear: 2021 });
		expect(r.flags).toContainEqual({
			code: 'partial_year',
			years: [{ year: 2020, subPeriods: 3, frequency: 4 }]
		});
	});

	it('stale with the actual year: no value since 2020', () => {
		const r = computeProgress(plain(), headline(['2015', 1], ['2020', 2]), 'eurostat', {
			nowYear: 2026
		});
		expect(r.flags).toContainEqual({ code: 'stale', since: 2020 });
	});

	it('base_from_indicator_baseline: the baseline value stands in for a missing baseline year', () => {
		const ind = { ...remittanceCost, baselineValue: 6 };
		const r = computeProgress(ind, headline(['2018', 5.6], ['2023', 5]), 'cagr-ratio', {
			nowYear: 2024
		});
		expect(r.components.baseYear).toBe(2015);
		expect(r.components.baseValue).toBe(6);
		expect(r.status).toBe('limited_progress');
		expect(r.flags).toContainEqual({ code: 'base_from_indicator_baseline', year: 2015, value: 6 });
	});

	it('zero_target_substituted when a target of 0 enters a growth formula', () => {
		const ind = plain({ direction: 'decrease', targetValue: 0, targetYear: 2030 });
		const r = computeProgress(ind, headline(['2015', 10], ['2020', 5]), 'cagr-ratio', {
			nowYear: 2021
		});
		expect(r.flags).toContainEqual({ code: 'zero_target_substituted', value: 0.001 });
	});

	it('headline_older_than_parts when the disaggregates run later than the headline', () => {
		const obs = [
			...headline(['2015', 6], ['2018', 5]),
			{ period: '2025', value: 4, disaggregation: { corridor: 'USA>MEX' } }
		];
		const r = computeProgress(remittanceCost, obs, 'cagr-ratio', { nowYear: 2026 });
		expect(r.flags).toContainEqual({
			code: 'headline_older_than_parts',
			headlineYear: 2018,
			partsYear: 2025
		});
	});
});

describe('threshold indicators (10.7.2 policy score, met at ≥ 3)', () => {
	const policy = plain({ code: '10.7.2', kind: 'threshold', threshold: 3 });
	it('met / not_met with the threshold, whatever the method, even from one year', () => {
		for (const method of METHODS) {
			const met = computeProgress(policy, headline(['2021', 3]), method);
			expect(met.status).toBe('met');
			expect(met.components.threshold).toBe(3);
			expect(computeProgress(policy, headline(['2019', 3.5], ['2021', 2.5]), method).status).toBe(
				'not_met'
			);
		}
	});
});

describe('agreement side', () => {
	it('puts statuses on one side of on-track', () => {
		expect(onTrackSide('on_track')).toBe(true);
		expect(onTrackSide('maintaining')).toBe(true);
		expect(onTrackSide('significant_progress')).toBe(true);
		expect(onTrackSide('too_slow')).toBe(false);
		expect(onTrackSide('target_missed')).toBe(false);
		expect(onTrackSide('insufficient_data')).toBeNull();
	});
});
