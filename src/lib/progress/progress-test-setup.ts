// Shared builders of the progress tests (progress.test.ts, compute-progress.test.ts): headline and
// corridor observations, indicators, the worked example's 10.c.1, and the status one method gives.
import {
	computeProgress,
	type IndicatorInput,
	type Method,
	type ObservationInput,
	type Status
} from './index';

/** Headline observations from [period, value] pairs. */
export function headline(...pairs: [string, number][]): ObservationInput[] {
	return pairs.map(([period, value]) => ({ period, value, disaggregation: {} }));
}

export function corridor(name: string, period: string, value: number): ObservationInput {
	return { period, value, disaggregation: { corridor: name } };
}

export function indicator(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
	return {
		code: 'TEST',
		direction: 'increase',
		baselineYear: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		...overrides
	};
}

export const remittanceCost = indicator({
	code: '10.c.1',
	direction: 'decrease',
	baselineYear: 2015,
	targetYear: 2030,
	targetValue: 3,
	ceiling: 5
});

/** The two methods of DESIGN §6 (growth rates from the base value). */
export const GROWTH_METHODS: Method[] = ['cagr-ratio', 'progress-chart'];

export function statusOf(ind: IndicatorInput, obs: ObservationInput[], method: Method): Status {
	return computeProgress(ind, obs, method).status;
}
