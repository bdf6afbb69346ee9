/**
 * C. Anticipated progress ('anticipated-progress'): ESCAP's Anticipated Progress Index, as the
 * five UN regional commissions (ECLAC among them) apply it. The value at the target year is
 * projected from the observed trend by a time-weighted linear regression (recent years weigh
 * more: weight = year − first year + 1, data from 2000 on); the gap ratio
 * G = (target − ŷ_T) / (target − y_0) reads G ≤ 0 `on_track` (the target will be reached),
 * 0 < G < 1 `too_slow` (right direction, too slow), G ≥ 1 `regressing` (the projection is no
 * better than the base). Without a target: P = d × b / y_0 (the fitted change per year as a
 * share of the base value): P ≥ 2% on_track, 0 ≤ P < 2% too_slow, P < 0 regressing.
 * See docs/progress-methods.md.
 */
import { formatPercent, formatRatio, formatSigned, formatValue, MINUS } from '../format';
import type { AnnualPoint } from '../types';
import { classify, type MethodDefinition } from './shared';

/** Data before this year is left out of the regression (the regional commissions' window). */
export const REGRESSION_FIRST_YEAR = 2000;

export interface WeightedFit {
	/** Fitted change per year. */
	slope: number;
	/** The fitted value at a year. */
	at(year: number): number;
}

/** Weighted least squares of value on year, weight = year − first year + 1. */
export function timeWeightedFit(points: AnnualPoint[]): WeightedFit | null {
	const used = points.filter((p) => p.year >= REGRESSION_FIRST_YEAR);
	if (used.length < 2) return null;
	const first = used[0].year;
	let sw = 0;
	let sx = 0;
	let sy = 0;
	for (const p of used) {
		const w = p.year - first + 1;
		sw += w;
		sx += w * p.year;
		sy += w * p.value;
	}
	const mx = sx / sw;
	const my = sy / sw;
	let sxy = 0;
	let sxx = 0;
	for (const p of used) {
		const w = p.year - first + 1;
		sxy += w * (p.year - mx) * (p.value - my);
		sxx += w * (p.year - mx) ** 2;
	}
	if (sxx === 0) return null;
	const slope = sxy / sxx;
	return { slope, at: (year) => my + slope * (year - mx) };
}

export const anticipatedProgress: MethodDefinition = {
	thresholds: {
		withTarget: [
			{ status: 'on_track', min: null, max: 0, maxInclusive: true, label: 'G ≤ 0' },
			{ status: 'too_slow', min: 0, max: 1, label: '0 < G < 1' },
			{ status: 'regressing', min: 1, max: null, label: 'G ≥ 1' }
		],
		withoutTarget: [
			{ status: 'on_track', min: 0.02, max: null, label: 'P ≥ 2%' },
			{ status: 'too_slow', min: 0, max: 0.02, label: '0 ≤ P < 2%' },
			{ status: 'regressing', min: null, max: 0, label: 'P < 0' }
		]
	},
	run(ctx) {
		const { target, d, y0, points, components, formula } = ctx;
		const fit = timeWeightedFit(points);
		if (!fit) {
			return {
				status: 'insufficient_data',
				reason: `Fewer than two years with data since ${REGRESSION_FIRST_YEAR}; no trend can be fitted.`
			};
		}
		formula.push(
			`Time-weighted regression (weight = year ${MINUS} first year + 1): b = ${formatValue(fit.slope)} per year`
		);
		if (!target) {
			if (y0 <= 0) {
				return {
					status: 'not_computable',
					reason: `The base value is ${formatValue(y0)}; the change cannot be read as a share of it.`
				};
			}
			const p = (d * fit.slope) / y0;
			components.annualChangeObserved = fit.slope;
			formula.push(
				`P = d × b / y_0 = ${formatSigned(d)} × ${formatValue(fit.slope)} / ${formatValue(y0)} = ${formatPercent(p)}`
			);
			return classify(p, ctx);
		}
		const T = target.year;
		const yT = target.given;
		if (yT === y0) {
			return {
				status: 'not_computable',
				reason: `The target equals the base value (${formatValue(y0)}); the gap cannot be measured as a share of the distance to it.`
			};
		}
		const projected = fit.at(T);
		const g = (yT - projected) / (yT - y0);
		components.projectedValue = projected;
		components.gapRatio = g;
		components.annualChangeObserved = fit.slope;
		formula.push(`ŷ_${T} = ${formatValue(projected)} (the fitted line at the target year)`);
		formula.push(
			`G = (target ${MINUS} ŷ_T) / (target ${MINUS} y_0) = (${formatValue(yT)} ${MINUS} ${formatValue(projected)}) / (${formatValue(yT)} ${MINUS} ${formatValue(y0)}) = ${formatRatio(g)}`
		);
		return classify(g, ctx);
	}
};
