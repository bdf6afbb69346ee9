/**
 * A. CAGR ratio ('cagr-ratio'; Statistics Canada, Open SDG's automatic progress), DESIGN §6.
 * - CAGR_r = 0 (the target equals the base value): R is undefined; as the target is not
 *   achieved, the latest value has moved away from it: `deterioration`.
 * - A target year not after the base year, or a negative target → not_computable.
 */
import { formatPercent, formatRatio, formatSigned, formatValue, MINUS } from '../format';
import { cagr, classify, observedGrowth, verdictLine, type MethodDefinition } from './shared';

export const cagrRatio: MethodDefinition = {
	thresholds: {
		withTarget: [
			{ status: 'on_track', min: 0.95, max: null, label: 'R ≥ 0.95' },
			{ status: 'needs_acceleration', min: 0.6, max: 0.95, label: '0.6 ≤ R < 0.95' },
			{ status: 'limited_progress', min: 0, max: 0.6, label: '0 ≤ R < 0.6' },
			{ status: 'deterioration', min: null, max: 0, label: 'R < 0' }
		],
		withoutTarget: [
			{ status: 'on_track', min: 0.015, max: null, label: 'P ≥ 1.5%' },
			{ status: 'needs_acceleration', min: 0.005, max: 0.015, label: '0.5% ≤ P < 1.5%' },
			{ status: 'limited_progress', min: 0, max: 0.005, label: '0 ≤ P < 0.5%' },
			{ status: 'deterioration', min: null, max: 0, label: 'P < 0' }
		]
	},
	run(ctx) {
		const observed = observedGrowth(ctx);
		if (typeof observed !== 'number') return observed;
		const { target, d, y0, t0, components, formula } = ctx;
		if (!target) {
			const p = d * observed;
			formula.push(
				`P = d × CAGR_o = ${formatSigned(d)} × ${formatPercent(observed)} = ${formatPercent(p)}`
			);
			return classify(p, ctx);
		}
		const T = target.year;
		const yT = target.value;
		if (yT < 0) {
			return {
				status: 'not_computable',
				reason: `The target is ${formatValue(yT)}; a growth rate cannot be computed towards a negative value.`
			};
		}
		if (T <= t0) {
			return {
				status: 'not_computable',
				reason: `The target year ${T} is not after the base year ${t0}; the required growth rate cannot be computed.`
			};
		}
		const required = cagr(y0, yT, t0, T);
		components.cagrRequired = required;
		formula.push(
			`CAGR_r = (${formatValue(yT)} / ${formatValue(y0)})^(1/(${T} ${MINUS} ${t0})) ${MINUS} 1 = ${formatPercent(required)}`
		);
		if (required === 0) {
			formula.push(
				'R = CAGR_o / CAGR_r is undefined (the target equals the base value, so CAGR_r = 0).'
			);
			formula.push(verdictLine('The latest value has moved away from the target', 'deterioration'));
			return { status: 'deterioration' };
		}
		const ratio = observed / required;
		components.ratio = ratio;
		formula.push(
			`R = CAGR_o / CAGR_r = ${formatPercent(observed)} / ${formatPercent(required)} = ${formatRatio(ratio)}`
		);
		return classify(ratio, ctx);
	}
};
