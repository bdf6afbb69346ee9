// The pure progress functions: periods to years, the constants of the methods, the worked example
// of DESIGN §6 and the ceiling analysis (computeProgress's hand-computed cases:
// compute-progress.test.ts).
import { describe, it, expect } from 'vitest';
import {
	ceilingAnalysis,
	comparePeriods,
	computeProgress,
	METHODS,
	periodToYear,
	STATUSES_BY_METHOD,
	type ObservationInput
} from './index';
import {
	corridor,
	GROWTH_METHODS,
	headline,
	indicator,
	remittanceCost
} from './progress-test-setup';

describe('periodToYear', () => {
	it('reads every period form', () => {
		expect(periodToYear('2023')).toBe(2023);
		expect(periodToYear('2023-Q2')).toBe(2023);
		expect(periodToYear('2023-Q4')).toBe(2023);
		expect(periodToYear('2023-05')).toBe(2023);
		expect(periodToYear('2023-12')).toBe(2023);
		// a range counts as its end year
		expect(periodToYear('2016/2021')).toBe(2021);
		expect(periodToYear('2011/2015')).toBe(2015);
		expect(periodToYear('2020-Q1/2021-Q2')).toBe(2021);
	});

	it('throws on garbage', () => {
		for (const bad of [
			'',
			'abc',
			'20',
			'02023',
			'2023-Q5',
			'2023-Q0',
			'2023-13',
			'2023-00',
			'2023-5',
			'2023Q1',
			'2023 Q1',
			' 2023',
			'2023/',
			'/2023',
			'2021/2016',
			'2016/2018/2021',
			'2016 to 2021'
		]) {
			expect(() => periodToYear(bad), bad).toThrow();
		}
	});

	it('orders periods by year, then inside the year', () => {
		const sorted = ['2020-Q3', '2021', '2020', '2019-12', '2020-Q2', '2020-05'].sort(
			comparePeriods
		);
		expect(sorted).toEqual(['2019-12', '2020', '2020-05', '2020-Q2', '2020-Q3', '2021']);
	});
});

describe('constants', () => {
	it('lists the methods and their status words', () => {
		expect(METHODS).toEqual([
			'cagr-ratio',
			'progress-chart',
			'anticipated-progress',
			'sdsn-trend',
			'eurostat'
		]);
		expect(STATUSES_BY_METHOD['cagr-ratio']).toContain('needs_acceleration');
		expect(STATUSES_BY_METHOD['cagr-ratio']).not.toContain('fair_progress');
		expect(STATUSES_BY_METHOD['progress-chart']).toContain('stagnation_or_regression');
		expect(STATUSES_BY_METHOD['progress-chart']).not.toContain('deterioration');
		for (const method of GROWTH_METHODS) {
			expect(STATUSES_BY_METHOD[method]).toContain('target_achieved');
			expect(STATUSES_BY_METHOD[method]).toContain('insufficient_data');
			expect(STATUSES_BY_METHOD[method]).toContain('not_computable');
		}
	});
});

describe('worked example of §6 (10.c.1, lower is better)', () => {
	// 6.0 in 2015, 5.0 in 2023, target 3 by 2030.
	const obs = headline(['2015', 6.0], ['2023', 5.0]);

	it('method A: CAGR ratio → limited_progress', () => {
		// CAGR_o = (5/6)^(1/8) − 1 = −0.02253; CAGR_r = (3/6)^(1/15) − 1 = −0.04516;
		// R = −0.02253 / −0.04516 = 0.499 → 0 ≤ R < 0.6 → limited_progress
		const r = computeProgress(remittanceCost, obs, 'cagr-ratio');
		expect(r.status).toBe('limited_progress');
		expect(r.series).toBe('headline');
		expect(r.reason).toBeNull();
		expect(r.components.baseYear).toBe(2015);
		expect(r.components.baseValue).toBe(6);
		expect(r.components.latestYear).toBe(2023);
		expect(r.components.latestValue).toBe(5);
		expect(r.components.targetYear).toBe(2030);
		expect(r.components.targetValue).toBe(3);
		expect(r.components.cagrObserved).toBeCloseTo(-0.0225, 4);
		expect(r.components.cagrRequired).toBeCloseTo(-0.0452, 4);
		expect(r.components.ratio).toBeCloseTo(0.5, 2);
		expect(r.components.projectedValue).toBeNull();
		expect(r.components.q).toBeNull();
		expect(r.components.direction).toBe('decrease');
		expect(r.components.thresholds.map((t) => t.status)).toEqual([
			'on_track',
			'needs_acceleration',
			'limited_progress',
			'deterioration'
		]);
		expect(r.components.thresholds[0]).toMatchObject({ min: 0.95, max: null });
		expect(r.formula).toContain('CAGR_o = (5.0 / 6.0)^(1/(2023 − 2015)) − 1 = −2.25%');
		expect(r.formula).toContain('CAGR_r = (3.0 / 6.0)^(1/(2030 − 2015)) − 1 = −4.52%');
		expect(r.formula).toContain('R = CAGR_o / CAGR_r = −2.25% / −4.52% = 0.499');
		expect(r.formula.at(-1)).toBe('0 ≤ R < 0.6 → limited progress');
		expect(r.points).toEqual([
			{ year: 2015, value: 6, n: 1, subPeriods: 1, frequency: 1 },
			{ year: 2023, value: 5, n: 1, subPeriods: 1, frequency: 1 }
		]);
	});

	it('method B: progress chart → fair_progress', () => {
		// ŷ_2030 = 5.0 × (1 − 0.02253)^(2030 − 2023) = 4.2627;
		// Q = (4.2627 − 6) / (3 − 6) = 0.579 → 0.10 ≤ Q < 0.95 → fair_progress
		const r = computeProgress(remittanceCost, obs, 'progress-chart');
		expect(r.status).toBe('fair_progress');
		expect(r.components.cagrObserved).toBeCloseTo(-0.0225, 4);
		expect(r.components.projectedValue).toBeCloseTo(4.26, 2);
		expect(r.components.q).toBeCloseTo(0.58, 2);
		expect(r.components.cagrRequired).toBeNull();
		expect(r.components.ratio).toBeNull();
		expect(r.components.thresholds.map((t) => t.status)).toEqual([
			'on_track',
			'fair_progress',
			'stagnation_or_regression'
		]);
		expect(r.formula).toContain(
			'ŷ_2030 = y_t × (1 + CAGR_o)^(T − t) = 5.0 × (1 − 2.25%)^(2030 − 2023) = 4.2627'
		);
		expect(r.formula.at(-1)).toBe('0.10 ≤ Q < 0.95 → fair progress');
	});

	it('reports the ceiling beside the verdict', () => {
		const r = computeProgress(
			remittanceCost,
			[...obs, corridor('USA>MEX', '2023', 4), corridor('CRI>NIC', '2023', 6)],
			'cagr-ratio'
		);
		expect(r.series).toBe('headline');
		expect(r.status).toBe('limited_progress');
		expect(r.ceiling).toMatchObject({ value: 5, share: 0.5 });
		expect(r.ceiling?.worst?.disaggregation).toEqual({ corridor: 'CRI>NIC' });
	});
});

describe('ceilingAnalysis', () => {
	it('lists the corridors whose latest value is above the ceiling, their share and the worst', () => {
		const obs = [
			...headline(['2020', 4.2]),
			// latest 2020-Q3 = 4.5 (an earlier 6.0 no longer counts)
			corridor('USA>MEX', '2020-Q2', 6.0),
			corridor('USA>MEX', '2020-Q3', 4.5),
			// latest 2020-Q3 = 5.125 > 5
			corridor('CRI>NIC', '2020-Q3', 5.125),
			corridor('CRI>NIC', '2020-Q2', 4.0),
			// latest 2020-Q1 = 5.5 > 5 (2019 is older)
			corridor('CAN>MEX', '2019', 7.0),
			corridor('CAN>MEX', '2020-Q1', 5.5),
			// exactly at the ceiling is not above it
			corridor('USA>GTM', '2020', 5.0)
		];
		const c = ceilingAnalysis(remittanceCost, obs);
		// 2 of 4 corridors above 5 → share 0.5; worst = highest latest value = CAN>MEX 5.5
		expect(c).toEqual({
			value: 5,
			key: null,
			status: 'breached',
			count: 4,
			share: 0.5,
			above: [
				{ disaggregation: { corridor: 'CAN>MEX' }, period: '2020-Q1', value: 5.5 },
				{ disaggregation: { corridor: 'CRI>NIC' }, period: '2020-Q3', value: 5.125 }
			],
			worst: { disaggregation: { corridor: 'CAN>MEX' }, period: '2020-Q1', value: 5.5 }
		});
	});

	it('still names the worst when none is above', () => {
		const obs = [corridor('A', '2021', 3.1), corridor('B', '2021', 4.9), corridor('C', '2021', 2)];
		const c = ceilingAnalysis(remittanceCost, obs);
		expect(c?.share).toBe(0);
		expect(c?.above).toEqual([]);
		expect(c?.worst).toEqual({ disaggregation: { corridor: 'B' }, period: '2021', value: 4.9 });
	});

	it('when higher is better, past the ceiling means below it and the worst is the lowest', () => {
		const ind = indicator({ ceiling: 50 });
		const obs = [corridor('A', '2021', 40), corridor('B', '2021', 60), corridor('C', '2021', 45)];
		const c = ceilingAnalysis(ind, obs);
		// A (40) and C (45) are below 50 → share 2/3; worst = A
		expect(c?.share).toBeCloseTo(2 / 3, 12);
		expect(c?.above.map((a) => a.disaggregation.corridor)).toEqual(['A', 'C']);
		expect(c?.worst?.value).toBe(40);
	});

	it('null without a ceiling; worst null when there are no disaggregates', () => {
		const obs = [corridor('A', '2021', 9)];
		expect(ceilingAnalysis({ ...remittanceCost, ceiling: null }, obs)).toBeNull();
		expect(computeProgress({ ...remittanceCost, ceiling: null }, obs, 'cagr-ratio').ceiling).toBe(
			null
		);
		expect(ceilingAnalysis(remittanceCost, headline(['2020', 6]))).toEqual({
			value: 5,
			key: null,
			status: 'clear',
			count: 0,
			share: 0,
			above: [],
			worst: null
		});
		expect(ceilingAnalysis(remittanceCost, [])?.worst).toBeNull();
	});

	it('takes the latest observation by period order (quarters after the whole year)', () => {
		const obs = [
			corridor('X', '2020-Q3', 6),
			corridor('X', '2020', 2),
			corridor('X', '2020-Q2', 3),
			corridor('X', '2019-Q4', 9)
		];
		// 2020-Q3 > 2020-Q2 > 2020 > 2019-Q4 → latest 6 (above 5)
		const c = ceilingAnalysis(remittanceCost, obs);
		expect(c?.above).toEqual([{ disaggregation: { corridor: 'X' }, period: '2020-Q3', value: 6 }]);
		expect(c?.share).toBe(1);
	});

	it('groups disaggregations by their key=value pairs whatever the key order', () => {
		const obs: ObservationInput[] = [
			{ period: '2019', value: 9, disaggregation: { sex: 'female', status: 'migrant' } },
			{ period: '2020', value: 1, disaggregation: { status: 'migrant', sex: 'female' } },
			{ period: '2020', value: 6, disaggregation: { sex: 'male', status: 'migrant' } }
		];
		const c = ceilingAnalysis(remittanceCost, obs);
		// two disaggregates; female's latest is 1 (2020), male's is 6 → 1 of 2 above
		expect(c?.share).toBe(0.5);
		expect(c?.worst?.value).toBe(6);
	});
});
