/**
 * DESIGN §6 and §11: the progress verdict of one series with one of the five published methods,
 * as pure functions. This file holds what every method shares — the annual series, the base and
 * latest years, the target, the flags about the data, and the common verdicts (threshold
 * indicators met / not met, target achieved with the ceiling clear, target year passed) — and
 * hands the rest to the method (./methods/*.ts).
 *
 * Order of checks: no data → insufficient_data; kind threshold → met / not_met; fewer than two
 * years or nothing after the base year → insufficient_data; the latest value meets the target
 * and no disaggregate of the ceiling key is past the ceiling → target_achieved (sdsn-trend:
 * maintaining); the latest year is after the target year and the target is not met →
 * target_missed; a lower-is-better series at 0 without a target → maintaining (at_best_value);
 * then the method.
 */
import { ceilingAnalysis } from './ceiling';
import { collectFlags } from './flags';
import { formatSigned, formatValue } from './format';
import { anticipatedProgress } from './methods/anticipated-progress';
import { cagrRatio } from './methods/cagr-ratio';
import { eurostat } from './methods/eurostat';
import { progressChart } from './methods/progress-chart';
import { sdsnTrend } from './methods/sdsn-trend';
import {
	verdictLine,
	type MethodContext,
	type MethodDefinition,
	type ResolvedTarget
} from './methods/shared';
import { periodToYear } from './period';
import { annualSeries } from './series';
import {
	METHODS,
	type AnnualPoint,
	type Flag,
	type IndicatorInput,
	type Method,
	type ObservationInput,
	type ProgressComponents,
	type ProgressOptions,
	type ProgressResult,
	type Status,
	type Threshold
} from './types';

export { cagr, statusForValue } from './methods/shared';

/** Year used as the base when the indicator has no baseline year. */
export const DEFAULT_BASE_YEAR = 2015;
/** Target year assumed when a target value has no year. */
export const DEFAULT_TARGET_YEAR = 2030;
/** A target of 0 counts as this in the growth formulas. */
export const ZERO_TARGET_SUBSTITUTE = 0.001;

const DEFINITIONS: Record<Method, MethodDefinition> = {
	'cagr-ratio': cagrRatio,
	'progress-chart': progressChart,
	'anticipated-progress': anticipatedProgress,
	'sdsn-trend': sdsnTrend,
	eurostat
};

/** The bands each method reads its verdict from, with and without a target. */
export const THRESHOLDS: Record<Method, { withTarget: Threshold[]; withoutTarget: Threshold[] }> =
	Object.fromEntries(METHODS.map((m) => [m, DEFINITIONS[m].thresholds])) as Record<
		Method,
		{ withTarget: Threshold[]; withoutTarget: Threshold[] }
	>;

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

function reaches(value: number, goal: number, direction: IndicatorInput['direction']) {
	return direction === 'decrease' ? value <= goal : value >= goal;
}

function emptyComponents(
	indicator: IndicatorInput,
	target: ResolvedTarget | null,
	thresholds: Threshold[]
): ProgressComponents {
	return {
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
		gapRatio: null,
		annualChangeObserved: null,
		annualChangeRequired: null,
		longTerm: null,
		valueAtTargetYear: null,
		threshold: indicator.kind === 'threshold' ? (indicator.threshold ?? null) : null,
		direction: indicator.direction,
		thresholds: thresholds.map((band) => ({ ...band }))
	};
}

/**
 * The indicator's own baseline value stands in for the base year when no observation exists
 * for its baseline year (flag base_from_indicator_baseline).
 */
function withIndicatorBaseline(indicator: IndicatorInput, points: AnnualPoint[]) {
	const year = indicator.baselineYear;
	const value = indicator.baselineValue;
	if (year === null || year === undefined || value === null || value === undefined) return null;
	if (!Number.isFinite(value) || points.some((p) => p.year === year)) return null;
	if (!points.some((p) => p.year > year)) return null;
	const point: AnnualPoint = { year, value, n: 0 };
	return [...points, point].sort((a, b) => a.year - b.year);
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
	const definition = DEFINITIONS[method];
	if (!definition) throw new Error(`Unknown progress method: ${String(method)}`);

	const currentYear = opts.currentYear;
	const used =
		currentYear === undefined ? obs : obs.filter((o) => periodToYear(o.period) <= currentYear);
	const annual = annualSeries(used, indicator.aggregation ?? 'mean');
	const series = annual.series;
	let points = annual.points;
	const direction = indicator.direction;
	const d = direction === 'decrease' ? -1 : 1;
	const target = resolveTarget(indicator);
	const thresholds = target
		? definition.thresholds.withTarget
		: definition.thresholds.withoutTarget;
	const components = emptyComponents(indicator, target, thresholds);
	const formula: string[] = [];
	const flags: Flag[] = [];
	const ceiling = ceilingAnalysis(indicator, used);
	const result = (status: Status, reason: string | null = null): ProgressResult => ({
		method,
		status,
		series: series === 'none' ? null : series,
		reason,
		components,
		ceiling,
		formula,
		points,
		flags
	});

	if (series === 'none' || points.length === 0) {
		return result('insufficient_data', 'There are no observations to compute progress from.');
	}
	formula.push(
		series === 'headline'
			? 'Series: the headline (undisaggregated) values, averaged per calendar year.'
			: series === 'sum_of_disaggregates'
				? 'Series: there are no headline values, so the disaggregates are summed per year.'
				: 'Series: there are no headline values, so the mean of the disaggregates per year is used.'
	);

	const baselinePoints = withIndicatorBaseline(indicator, points);
	if (baselinePoints) {
		points = baselinePoints;
		flags.push({
			code: 'base_from_indicator_baseline',
			year: indicator.baselineYear as number,
			value: indicator.baselineValue as number
		});
	}
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
	flags.push(
		...collectFlags(used, points, {
			baseYear: t0,
			latestYear: t,
			nowYear: opts.nowYear ?? currentYear ?? new Date().getUTCFullYear()
		})
	);
	const baseWhy = baselinePoints ? "the indicator's baseline value" : base.why;
	formula.push(`Base year t_0 = ${t0} (${baseWhy}): y_0 = ${formatValue(y0)}`);
	formula.push(`Latest year t = ${t}: y_t = ${formatValue(yt)}`);

	if (indicator.kind === 'threshold') {
		const threshold = indicator.threshold;
		if (threshold === null || threshold === undefined || !Number.isFinite(threshold)) {
			return result('not_computable', 'The indicator is judged by a threshold, but none is set.');
		}
		const met = reaches(yt, threshold, direction);
		const sign = direction === 'decrease' ? '≤' : '≥';
		formula.push(
			verdictLine(
				`y_t = ${formatValue(yt)} ${met ? sign : 'not ' + sign} ${formatValue(threshold)}`,
				met ? 'met' : 'not_met'
			)
		);
		return result(met ? 'met' : 'not_met');
	}

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

	const atBest = direction === 'decrease' && yt === 0;
	if (atBest) flags.push({ code: 'at_best_value', value: 0 });
	const meets = target !== null && reaches(yt, target.given, direction);
	if (meets) {
		const sign = direction === 'decrease' ? '≤' : '≥';
		const clear = ceiling === null || ceiling.status === 'clear';
		const status: Status = method === 'sdsn-trend' ? 'maintaining' : 'target_achieved';
		if (clear) {
			formula.push(
				verdictLine(`y_t = ${formatValue(yt)} ${sign} target ${formatValue(target.given)}`, status)
			);
			return result(status);
		}
		formula.push(
			`y_t = ${formatValue(yt)} ${sign} target ${formatValue(target.given)}, but ${ceiling.above.length} disaggregate(s) are past the ceiling of ${formatValue(ceiling.value)}: the target is not achieved.`
		);
	}
	if (target && !meets && t > target.year) {
		const atTarget = points.find((p) => p.year === target.year);
		components.valueAtTargetYear = atTarget ? atTarget.value : null;
		formula.push(
			verdictLine(
				`The target year ${target.year} has passed (latest year ${t}) and y_t = ${formatValue(yt)} does not meet the target ${formatValue(target.given)}` +
					(atTarget ? ` (${formatValue(atTarget.value)} in ${target.year})` : ''),
				'target_missed'
			)
		);
		return result('target_missed');
	}
	if (atBest && !target) {
		formula.push(
			verdictLine('y_t = 0, the best possible value of a lower-is-better series', 'maintaining')
		);
		return result('maintaining');
	}
	if (target && target.given === 0) {
		flags.push({ code: 'zero_target_substituted', value: ZERO_TARGET_SUBSTITUTE });
	}

	const ctx: MethodContext = {
		direction,
		d,
		target,
		t0,
		y0,
		t,
		yt,
		points,
		components,
		formula,
		thresholds
	};
	const outcome = definition.run(ctx);
	return result(outcome.status, outcome.reason ?? null);
}
