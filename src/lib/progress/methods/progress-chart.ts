/**
 * B. Progress chart ('progress-chart'; UNSD style), DESIGN §6.
 * A target equal to the base value → not_computable (Q divides by target − y_0).
 */
import { formatPercent, formatRatio, formatSigned, formatValue, MINUS } from '../format';
import { classify, observedGrowth, onePlus, type MethodDefinition } from './shared';

export const progressChart: MethodDefinition = {
	thresholds: {
		withTarget: [
			{ status: 'on_track', min: 0.95, max: null, label: 'Q ≥ 0.95' },
			{ status: 'fair_progress', min: 0.1, max: 0.95, label: '0.10 ≤ Q < 0.95' },
			{ status: 'stagnation_or_regression', min: null, max: 0.1, label: 'Q < 0.10' }
		],
		withoutTarget: [
			{ status: 'on_track', min: 0.02, max: null, label: 'd × CAGR_o ≥ 2%' },
			{ status: 'fair_progress', min: 0.005, max: 0.02, label: '0.5% ≤ d × CAGR_o < 2%' },
			{
				status: 'stagnation_or_regression',
				min: null,
				max: 0.005,
				label: 'd × CAGR_o < 0.5%'
			}
		]
	},
	run(ctx) {
		const observed = observedGrowth(ctx);
		if (typeof observed !== 'number') return observed;
		const { target, d, y0, yt, t, components, formula } = ctx;
		if (!target) {
			const p = d * observed;
			formula.push(
				`d × CAGR_o = ${formatSigned(d)} × ${formatPercent(observed)} = ${formatPercent(p)}`
			);
			return classify(p, ctx);
		}
		const T = target.year;
		const yT = target.value;
		if (yT === y0) {
			return {
				status: 'not_computable',
				reason: `The target equals the base value (${formatValue(y0)}); progress cannot be measured as a share of the distance to it.`
			};
		}
		const projected = yt * Math.pow(1 + observed, T - t);
		const q = (projected - y0) / (yT - y0);
		components.projectedValue = projected;
		components.q = q;
		formula.push(
			`ŷ_${T} = y_t × (1 + CAGR_o)^(T ${MINUS} t) = ${formatValue(yt)} × (${onePlus(observed)})^(${T} ${MINUS} ${t}) = ${formatValue(projected)}`
		);
		formula.push(
			`Q = (ŷ_T ${MINUS} y_0) / (target ${MINUS} y_0) = (${formatValue(projected)} ${MINUS} ${formatValue(y0)}) / (${formatValue(yT)} ${MINUS} ${formatValue(y0)}) = ${formatRatio(q)}`
		);
		return classify(q, ctx);
	}
};
