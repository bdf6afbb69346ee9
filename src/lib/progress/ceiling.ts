/**
 * Ceilings (DESIGN §6): a value no single disaggregate may pass (5% for corridors of 10.c.1).
 */
import { comparePeriods } from './period';
import { disaggregationKey, isHeadline } from './series';
import type { CeilingItem, CeilingResult, IndicatorInput, ObservationInput } from './types';

/**
 * Among the disaggregated observations of the ceiling's key (`ceilingKey`, e.g. only
 * `{corridor: …}` disaggregates for 10.c.1; every disaggregate when the indicator names no key),
 * each disaggregate's latest observation (by period order) is compared with the ceiling: past it means above when lower is better
 * (direction decrease), below when higher is better. `above` is sorted worst first; `worst`
 * is the worst latest value, past the ceiling or not (ties: first by disaggregation key).
 * Returns null when the indicator has no ceiling.
 */
export function ceilingAnalysis(
	indicator: IndicatorInput,
	obs: ObservationInput[]
): CeilingResult | null {
	const ceiling = indicator.ceiling;
	if (ceiling === null || ceiling === undefined || !Number.isFinite(ceiling)) return null;

	const ceilingKey = indicator.ceilingKey ?? null;
	const latest = new Map<string, ObservationInput>();
	for (const observation of obs) {
		if (isHeadline(observation) || !Number.isFinite(observation.value)) continue;
		if (ceilingKey !== null && !(ceilingKey in observation.disaggregation)) continue;
		const key = disaggregationKey(observation.disaggregation);
		const current = latest.get(key);
		if (!current || comparePeriods(observation.period, current.period) > 0) {
			latest.set(key, observation);
		}
	}

	const decrease = indicator.direction === 'decrease';
	// Worse first: higher values when lower is better, lower values when higher is better.
	const items = [...latest.entries()]
		.sort(([idA, a], [idB, b]) => {
			const byValue = decrease ? b.value - a.value : a.value - b.value;
			return byValue || (idA < idB ? -1 : idA > idB ? 1 : 0);
		})
		.map(([, o]): CeilingItem => ({
			disaggregation: { ...o.disaggregation },
			period: o.period,
			value: o.value
		}));
	const above = items.filter((item) => (decrease ? item.value > ceiling : item.value < ceiling));

	return {
		value: ceiling,
		key: ceilingKey,
		status: above.length > 0 ? 'breached' : 'clear',
		count: items.length,
		share: items.length === 0 ? 0 : above.length / items.length,
		above,
		worst: items[0] ?? null
	};
}
