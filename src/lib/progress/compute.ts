/**
 * DESIGN §6: the two published progress methods, as pure functions.
 *
 * A. CAGR ratio ('cagr-ratio'; Statistics Canada, Open SDG's automatic progress).
 * B. Progress chart ('progress-chart'; UNSD style).
 *
 * Decisions beyond the text of §6 (documented here and in the formula lines):
 * - Order of checks: no data / fewer than two years / nothing after the base year →
 *   insufficient_data; then target_achieved (so a latest value of 0 or below can still meet a
 *   target); then values ≤ 0 needed in a growth rate → not_computable.
 * - target_achieved compares the latest value with the target as given (0 stays 0); the growth
 *   formulas use 0.001 for a target of 0, and components.targetValue is that value.
 * - Base year: the baseline year (else 2015) when it has data, else the first later year with
 *   data, else (all data before it) the first year with data.
 * - Method A, CAGR_r = 0 (the target equals the base value, y_T = y_0): R is undefined
 *   (ratio null). As the target is not achieved, the latest value has moved away from the
 *   base/target value in the wrong direction, so the verdict is `deterioration`.
 * - Method A, a target year not after the base year, or a negative target → not_computable.
 * - Method B, a target equal to the base value → not_computable (Q divides by target − y_0).
 */
import { ceilingAnalysis } from './ceiling';
import { formatPercent, formatRatio, formatSigned, formatValue, MINUS } from './format';
import { periodToYear } from './period';
import { annualSeries } from './series';
import {
	METHODS,
	STATUS_LABELS,
	type AnnualPoint,
	type IndicatorInput,
	type Method,
	type ObservationInput,
	type ProgressComponents,
	type ProgressOptions,
	type ProgressResult,
	type Status,
	type Threshold
} from './types';

/** Year used as the base when the indicator has no baseline year. */
export const DEFAULT_BASE_YEAR = 2015;
/** Target year assumed when a target value has no year. */
export const DEFAULT_TARGET_YEAR = 2030;
/** A target of 0 counts as this in the growth formulas. */
export const ZERO_TARGET_SUBSTITUTE = 0.001;

/** The bands each method reads its verdict from, with and without a target. */
export const THRESHOLDS: Record<Method, { withTarget: Threshold[]; withoutTarget: Threshold[] }> = {
	'cagr-ratio': {
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
	'progress-chart': {
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
	}
};

/** The band a value falls in (min inclusive, max exclusive). */
export function statusForValue(value: number, thresholds: Threshold[]): Status {
	for (const band of thresholds) {
		if ((band.min === null || value >= band.min) && (band.max === null || value < band.max)) {
			return band.status;
		}
	}
	// Unreachable with the bands above (they cover the whole line); NaN lands here.
	return 'not_computable';
}

/** Compound annual growth rate from v0 in year t0 to v1 in year t1: (v1 / v0)^(1/(t1 − t0)) − 1. */
export function cagr(v0: number, v1: number, t0: number, t1: number): number {
	return Math.pow(v1 / v0, 1 / (t1 - t0)) - 1;
}

export interface BaseYearChoice {
	year: number;
	/** Why this year, for the formula lines. */
	why: string;
}

/**
 * The base year among the years with data: the baseline year (else 2015) if it has data,
 * else the first later year with data, else the first year with data. Null when no data.
 */
export function chooseBaseYear(
	years: number[],
	baselineYear: number | null
): BaseYearChoice | null {
	const sorted = [...years].sort((a, b) => a - b);
	const first = sorted[0];
	if (first === undefined) return null;
	const anchor = baselineYear ?? DEFAULT_BASE_YEAR;
	const anchorName =
		baselineYear === null ? `${anchor} (there is no baseline year)` : `the baseline year ${anchor}`;
	if (sorted.includes(anchor)) {
		return {
			year: anchor,
			why: baselineYear === null ? `${anchor}, as there is no baseline year` : 'the baseline year'
		};
	}
	const later = sorted.find((year) => year > anchor);
	if (later !== undefined) {
		return { year: later, why: `the first year with data after ${anchorName}` };
	}
	return { year: first, why: `the first year with data; all data is before ${anchorName}` };
}

interface ResolvedTarget {
	year: number;
	/** The target as given. */
	given: number;
	/** The target used in the formulas (0 counts as 0.001). */
	value: number;
	yearAssumed: boolean;
}

function resolveTarget(indicator: IndicatorInput): ResolvedTarget | null {
	const given = indicator.targetValue;
	if (given === null || given === undefined || !Number.isFinite(given)) return null;
	const yearAssumed = indicator.targetYear === null || indicator.targetYear === undefined;
	return {
		year: yearAssumed ? DEFAULT_TARGET_YEAR : (indicator.targetYear as number),
		given,
		value: given === 0 ? ZERO_TARGET_SUBSTITUTE : given,
		yearAssumed
	};
}

function meetsTarget(latest: number, target: number, direction: IndicatorInput['direction']) {
	return direction === 'decrease' ? latest <= target : latest >= target;
}

function nonPositiveReason(what: string, value: number): string {
	return value === 0
		? `The ${what} is 0; a growth rate cannot be computed from zero.`
		: `The ${what} is ${formatValue(value)}; a growth rate cannot be computed from a negative value.`;
}

function verdictLine(label: string, status: Status): string {
	return `${label} → ${STATUS_LABELS[status]}`;
}

function bandLabel(status: Status, thresholds: Threshold[]): string {
	return thresholds.find((band) => band.status === status)?.label ?? '';
}

/** 1 + rate written without a double sign: 1 − 2.25%, 1 + 1.50%. */
function onePlus(rate: number): string {
	return rate < 0 ? `1 ${MINUS} ${formatPercent(-rate)}` : `1 + ${formatPercent(rate)}`;
}

/**
 * Computes the progress verdict of one country's observations of one indicator with one method.
 * Pure: the observations are those of the series to judge (one indicator, one country).
 */
export function computeProgress(
	indicator: IndicatorInput,
	obs: ObservationInput[],
	method: Method,
	opts: ProgressOptions = {}
): ProgressResult {
	if (!METHODS.includes(method)) throw new Error(`Unknown progress method: ${String(method)}`);

	const currentYear = opts.currentYear;
	const used =
		currentYear === undefined ? obs : obs.filter((o) => periodToYear(o.period) <= currentYear);
	const { series, points } = annualSeries(used);

	const direction = indicator.direction;
	const d = direction === 'decrease' ? -1 : 1;
	const target = resolveTarget(indicator);
	const thresholds = target ? THRESHOLDS[method].withTarget : THRESHOLDS[method].withoutTarget;

	const components: ProgressComponents = {
		baseYear: null,
		baseValue: null,
		latestYear: null,
		latestValue: null,
		targetYear: target ? target.year : null,
		targetValue: target ? target.value : null,
		cagrObserved: null,
		cagrRequired: null,
		ratio: null,
		projectedValue: null,
		q: null,
		direction,
		thresholds: thresholds.map((band) => ({ ...band }))
	};
	const formula: string[] = [];
	const result = (status: Status, reason: string | null = null): ProgressResult => ({
		method,
		status,
		series: series === 'none' ? null : series,
		reason,
		components,
		ceiling: ceilingAnalysis(indicator, used),
		formula,
		points
	});

	if (series === 'none' || points.length === 0) {
		return result('insufficient_data', 'There are no observations to compute progress from.');
	}
	formula.push(
		series === 'headline'
			? 'Series: the headline (undisaggregated) values, averaged per calendar year.'
			: 'Series: there are no headline values, so the mean of the disaggregates per year is used.'
	);

	const base = chooseBaseYear(
		points.map((p) => p.year),
		indicator.baselineYear ?? null
	) as BaseYearChoice;
	const basePoint = points.find((p) => p.year === base.year) as AnnualPoint;
	const latestPoint = points[points.length - 1] as AnnualPoint;
	const t0 = basePoint.year;
	const y0 = basePoint.value;
	const t = latestPoint.year;
	const yt = latestPoint.value;
	Object.assign(components, { baseYear: t0, baseValue: y0, latestYear: t, latestValue: yt });
	formula.push(`Base year t_0 = ${t0} (${base.why}): y_0 = ${formatValue(y0)}`);
	formula.push(`Latest year t = ${t}: y_t = ${formatValue(yt)}`);
	if (target) {
		const given =
			target.given === 0
				? `0 (a target of 0 counts as ${formatValue(target.value)})`
				: formatValue(target.value);
		const year = target.yearAssumed ? `${target.year} (no target year given)` : `${target.year}`;
		formula.push(`Target: ${given} by ${year}`);
	} else {
		formula.push('No target: the verdict is read from the observed growth rate.');
	}
	formula.push(
		`d = ${formatSigned(d)} (${direction === 'decrease' ? 'lower' : 'higher'} is better)`
	);

	if (points.length < 2) {
		return result(
			'insufficient_data',
			`Only one year has data (${t}); at least two years are needed.`
		);
	}
	if (t <= t0) {
		return result(
			'insufficient_data',
			`There is no data after the base year ${t0}; at least two years are needed.`
		);
	}

	if (target && meetsTarget(yt, target.given, direction)) {
		const sign = direction === 'decrease' ? '≤' : '≥';
		formula.push(
			verdictLine(
				`y_t = ${formatValue(yt)} ${sign} target ${formatValue(target.given)}`,
				'target_achieved'
			)
		);
		return result('target_achieved');
	}

	if (y0 <= 0) return result('not_computable', nonPositiveReason('base value', y0));
	if (yt <= 0) return result('not_computable', nonPositiveReason('latest value', yt));

	const cagrObserved = cagr(y0, yt, t0, t);
	components.cagrObserved = cagrObserved;
	formula.push(
		`CAGR_o = (${formatValue(yt)} / ${formatValue(y0)})^(1/(${t} ${MINUS} ${t0})) ${MINUS} 1 = ${formatPercent(cagrObserved)}`
	);

	if (!target) {
		const p = d * cagrObserved;
		const name = method === 'cagr-ratio' ? 'P' : 'd × CAGR_o';
		formula.push(
			`${method === 'cagr-ratio' ? 'P = d × CAGR_o = ' : 'd × CAGR_o = '}${formatSigned(d)} × ${formatPercent(cagrObserved)} = ${formatPercent(p)}`
		);
		const status = statusForValue(p, thresholds);
		formula.push(verdictLine(bandLabel(status, thresholds) || name, status));
		return result(status);
	}

	const T = target.year;
	const yT = target.value;

	if (method === 'cagr-ratio') {
		if (yT < 0) {
			return result(
				'not_computable',
				`The target is ${formatValue(yT)}; a growth rate cannot be computed towards a negative value.`
			);
		}
		if (T <= t0) {
			return result(
				'not_computable',
				`The target year ${T} is not after the base year ${t0}; the required growth rate cannot be computed.`
			);
		}
		const cagrRequired = cagr(y0, yT, t0, T);
		components.cagrRequired = cagrRequired;
		formula.push(
			`CAGR_r = (${formatValue(yT)} / ${formatValue(y0)})^(1/(${T} ${MINUS} ${t0})) ${MINUS} 1 = ${formatPercent(cagrRequired)}`
		);
		if (cagrRequired === 0) {
			// y_T = y_0 and the target is not met: the latest value has moved away from it.
			formula.push(
				'R = CAGR_o / CAGR_r is undefined (the target equals the base value, so CAGR_r = 0).'
			);
			formula.push(verdictLine('The latest value has moved away from the target', 'deterioration'));
			return result('deterioration');
		}
		const ratio = cagrObserved / cagrRequired;
		components.ratio = ratio;
		formula.push(
			`R = CAGR_o / CAGR_r = ${formatPercent(cagrObserved)} / ${formatPercent(cagrRequired)} = ${formatRatio(ratio)}`
		);
		const status = statusForValue(ratio, thresholds);
		formula.push(verdictLine(bandLabel(status, thresholds), status));
		return result(status);
	}

	// progress-chart
	if (yT === y0) {
		return result(
			'not_computable',
			`The target equals the base value (${formatValue(y0)}); progress cannot be measured as a share of the distance to it.`
		);
	}
	const projectedValue = yt * Math.pow(1 + cagrObserved, T - t);
	const q = (projectedValue - y0) / (yT - y0);
	components.projectedValue = projectedValue;
	components.q = q;
	formula.push(
		`ŷ_${T} = y_t × (1 + CAGR_o)^(T ${MINUS} t) = ${formatValue(yt)} × (${onePlus(cagrObserved)})^(${T} ${MINUS} ${t}) = ${formatValue(projectedValue)}`
	);
	formula.push(
		`Q = (ŷ_T ${MINUS} y_0) / (target ${MINUS} y_0) = (${formatValue(projectedValue)} ${MINUS} ${formatValue(y0)}) / (${formatValue(yT)} ${MINUS} ${formatValue(y0)}) = ${formatRatio(q)}`
	);
	const status = statusForValue(q, thresholds);
	formula.push(verdictLine(bandLabel(status, thresholds), status));
	return result(status);
}
