/**
 * E. Eurostat ('eurostat'): the EU SDG monitoring report's assessment of indicator trends.
 * Two windows ending at the latest year t: short-term (from t − 5) and long-term (from t − 15);
 * each starts at the first year with data in the window. With a target: the observed CAGR over
 * the window against the CAGR required from the window's start to reach the target by its year,
 * RCAGR = CAGR_a / CAGR_r: ≥ 95% `significant_progress`, 60–95% `moderate_progress`,
 * 0–60% `insufficient_progress`, < 0 `movement_away`. Without a target: d × CAGR_a ≥ 1%
 * `significant_progress`, 0–1% `moderate_progress`, −1–0% `moderate_movement_away`,
 * < −1% `significant_movement_away`. The status is the short-term one (the report's headline
 * assessment); the long-term one is in components.longTerm. A short-term window with no year
 * before t falls back to the long-term window.
 */
import { formatPercent, formatRatio, formatSigned, formatValue, MINUS } from '../format';
import type { AnnualPoint, Status } from '../types';
import {
	cagr,
	nonPositiveReason,
	statusForValue,
	verdictLine,
	bandLabel,
	type MethodContext,
	type MethodDefinition
} from './shared';

export const SHORT_TERM_YEARS = 5;
export const LONG_TERM_YEARS = 15;

interface WindowResult {
	baseYear: number;
	baseValue: number;
	cagrObserved: number;
	cagrRequired: number | null;
	ratio: number | null;
	status: Status;
	lines: string[];
}

function windowStart(points: AnnualPoint[], t: number, years: number): AnnualPoint | null {
	return points.find((p) => p.year >= t - years && p.year < t) ?? null;
}

function assess(ctx: MethodContext, start: AnnualPoint, name: string): WindowResult | string {
	const { target, d, t, yt, thresholds } = ctx;
	const s = start.year;
	const ys = start.value;
	if (ys <= 0) return nonPositiveReason(`${name} start value`, ys);
	if (yt <= 0) return nonPositiveReason('latest value', yt);
	const observed = cagr(ys, yt, s, t);
	const lines = [
		`${name} (${s}–${t}): CAGR_a = (${formatValue(yt)} / ${formatValue(ys)})^(1/(${t} ${MINUS} ${s})) ${MINUS} 1 = ${formatPercent(observed)}`
	];
	if (!target) {
		const p = d * observed;
		lines.push(
			`d × CAGR_a = ${formatSigned(d)} × ${formatPercent(observed)} = ${formatPercent(p)}`
		);
		const status = statusForValue(p, thresholds);
		lines.push(verdictLine(bandLabel(status, thresholds), status));
		return {
			baseYear: s,
			baseValue: ys,
			cagrObserved: observed,
			cagrRequired: null,
			ratio: null,
			status,
			lines
		};
	}
	const T = target.year;
	if (T <= s || target.value < 0) {
		return `The target (${formatValue(target.given)} by ${T}) cannot be reached by a growth rate from ${s}.`;
	}
	const required = cagr(ys, target.value, s, T);
	lines.push(
		`CAGR_r = (${formatValue(target.value)} / ${formatValue(ys)})^(1/(${T} ${MINUS} ${s})) ${MINUS} 1 = ${formatPercent(required)}`
	);
	if (required === 0) {
		lines.push(verdictLine('The latest value has moved away from the target', 'movement_away'));
		return {
			baseYear: s,
			baseValue: ys,
			cagrObserved: observed,
			cagrRequired: 0,
			ratio: null,
			status: 'movement_away',
			lines
		};
	}
	const ratio = observed / required;
	lines.push(
		`RCAGR = CAGR_a / CAGR_r = ${formatPercent(observed)} / ${formatPercent(required)} = ${formatRatio(ratio)}`
	);
	const status = statusForValue(ratio, thresholds);
	lines.push(verdictLine(bandLabel(status, thresholds), status));
	return {
		baseYear: s,
		baseValue: ys,
		cagrObserved: observed,
		cagrRequired: required,
		ratio,
		status,
		lines
	};
}

export const eurostat: MethodDefinition = {
	thresholds: {
		withTarget: [
			{ status: 'significant_progress', min: 0.95, max: null, label: 'RCAGR ≥ 95%' },
			{ status: 'moderate_progress', min: 0.6, max: 0.95, label: '60% ≤ RCAGR < 95%' },
			{ status: 'insufficient_progress', min: 0, max: 0.6, label: '0 ≤ RCAGR < 60%' },
			{ status: 'movement_away', min: null, max: 0, label: 'RCAGR < 0' }
		],
		withoutTarget: [
			{ status: 'significant_progress', min: 0.01, max: null, label: 'd × CAGR_a ≥ 1%' },
			{ status: 'moderate_progress', min: 0, max: 0.01, label: '0 ≤ d × CAGR_a < 1%' },
			{ status: 'moderate_movement_away', min: -0.01, max: 0, label: '−1% ≤ d × CAGR_a < 0' },
			{ status: 'significant_movement_away', min: null, max: -0.01, label: 'd × CAGR_a < −1%' }
		]
	},
	run(ctx) {
		const { points, t, components, formula } = ctx;
		const longStart = windowStart(points, t, LONG_TERM_YEARS);
		const shortStart = windowStart(points, t, SHORT_TERM_YEARS);
		if (!longStart) {
			return {
				status: 'insufficient_data',
				reason: `No year with data in the ${LONG_TERM_YEARS} years before ${t}.`
			};
		}
		const long = assess(ctx, longStart, 'Long term');
		if (typeof long === 'string') return { status: 'not_computable', reason: long };
		components.longTerm = {
			baseYear: long.baseYear,
			baseValue: long.baseValue,
			cagrObserved: long.cagrObserved,
			cagrRequired: long.cagrRequired,
			ratio: long.ratio,
			status: long.status
		};
		const short = shortStart ? assess(ctx, shortStart, 'Short term') : null;
		const main = short && typeof short !== 'string' ? short : long;
		if (!short)
			formula.push(
				`No year with data in the ${SHORT_TERM_YEARS} years before ${t}: the long-term assessment is the verdict.`
			);
		else if (typeof short === 'string') formula.push(short);
		Object.assign(components, {
			baseYear: main.baseYear,
			baseValue: main.baseValue,
			cagrObserved: main.cagrObserved,
			cagrRequired: main.cagrRequired,
			ratio: main.ratio
		});
		if (main !== long) formula.push(...main.lines);
		formula.push(...long.lines);
		return { status: main.status };
	}
};
