/**
 * D. SDSN trend ('sdsn-trend'): the Sustainable Development Report's trend arrows. The observed
 * average change per year since the base year, (y_t − y_0) / (t − t_0), against the linear change
 * per year needed to reach the target by the target year, (target − y_0) / (T − t_0):
 * ρ = observed / required; ρ ≥ 1 `on_track`, 0.5 ≤ ρ < 1 `moderately_improving`,
 * 0 ≤ ρ < 0.5 `stagnating`, ρ < 0 `decreasing`; already at the target: `maintaining` (given by
 * the common checks). The arrows are defined against a target only: without one, the method
 * does not apply (not_computable, with the reason).
 */
import { formatRatio, formatValue, MINUS } from '../format';
import { classify, verdictLine, type MethodDefinition } from './shared';

export const sdsnTrend: MethodDefinition = {
	thresholds: {
		withTarget: [
			{ status: 'on_track', min: 1, max: null, label: 'ρ ≥ 1' },
			{ status: 'moderately_improving', min: 0.5, max: 1, label: '0.5 ≤ ρ < 1' },
			{ status: 'stagnating', min: 0, max: 0.5, label: '0 ≤ ρ < 0.5' },
			{ status: 'decreasing', min: null, max: 0, label: 'ρ < 0' }
		],
		withoutTarget: []
	},
	run(ctx) {
		const { target, y0, yt, t0, t, components, formula } = ctx;
		if (!target) {
			return {
				status: 'not_computable',
				reason:
					'The SDSN trend arrows compare the pace with the pace a target needs; this indicator has no target.'
			};
		}
		const T = target.year;
		if (T <= t0) {
			return {
				status: 'not_computable',
				reason: `The target year ${T} is not after the base year ${t0}; the required pace cannot be computed.`
			};
		}
		const observed = (yt - y0) / (t - t0);
		const required = (target.given - y0) / (T - t0);
		components.annualChangeObserved = observed;
		components.annualChangeRequired = required;
		formula.push(
			`Observed change per year = (${formatValue(yt)} ${MINUS} ${formatValue(y0)}) / (${t} ${MINUS} ${t0}) = ${formatValue(observed)}`
		);
		formula.push(
			`Required change per year = (${formatValue(target.given)} ${MINUS} ${formatValue(y0)}) / (${T} ${MINUS} ${t0}) = ${formatValue(required)}`
		);
		if (required === 0) {
			formula.push(verdictLine('The latest value has moved away from the target', 'decreasing'));
			return { status: 'decreasing' };
		}
		const ratio = observed / required;
		components.ratio = ratio;
		formula.push(
			`ρ = observed / required = ${formatValue(observed)} / ${formatValue(required)} = ${formatRatio(ratio)}`
		);
		return classify(ratio, ctx);
	}
};
