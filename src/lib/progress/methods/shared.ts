/**
 * What every progress method receives (the series already read, base and latest chosen, the
 * common verdicts — target achieved, target missed, threshold — already given) and the helpers
 * their formula lines share.
 */
import { formatPercent, formatValue, MINUS } from '../format';
import {
	STATUS_LABELS,
	type AnnualPoint,
	type Direction,
	type ProgressComponents,
	type Status,
	type Threshold
} from '../types';

export interface ResolvedTarget {
	year: number;
	/** The target as given. */
	given: number;
	/** The target used in the growth formulas (0 counts as 0.001). */
	value: number;
	yearAssumed: boolean;
}

export interface MethodContext {
	direction: Direction;
	/** −1 when lower is better, else 1. */
	d: number;
	target: ResolvedTarget | null;
	t0: number;
	y0: number;
	t: number;
	yt: number;
	/** The whole annual series, oldest first. */
	points: AnnualPoint[];
	components: ProgressComponents;
	formula: string[];
	thresholds: Threshold[];
}

export interface MethodOutcome {
	status: Status;
	/** Why there is no verdict (not_computable, insufficient_data). */
	reason?: string;
}

export interface MethodDefinition {
	thresholds: { withTarget: Threshold[]; withoutTarget: Threshold[] };
	run(ctx: MethodContext): MethodOutcome;
}

/** The band a value falls in (min inclusive, max exclusive unless maxInclusive). */
export function statusForValue(value: number, thresholds: Threshold[]): Status {
	for (const band of thresholds) {
		const aboveMin = band.min === null || value >= band.min;
		const belowMax =
			band.max === null || value < band.max || (band.maxInclusive === true && value === band.max);
		if (aboveMin && belowMax) return band.status;
	}
	// Unreachable with bands that cover the whole line; NaN lands here.
	return 'not_computable';
}

/** Compound annual growth rate from v0 in year t0 to v1 in year t1: (v1 / v0)^(1/(t1 − t0)) − 1. */
export function cagr(v0: number, v1: number, t0: number, t1: number): number {
	return Math.pow(v1 / v0, 1 / (t1 - t0)) - 1;
}

export function nonPositiveReason(what: string, value: number): string {
	return value === 0
		? `The ${what} is 0; a growth rate cannot be computed from zero.`
		: `The ${what} is ${formatValue(value)}; a growth rate cannot be computed from a negative value.`;
}

export function verdictLine(label: string, status: Status): string {
	return `${label} → ${STATUS_LABELS[status]}`;
}

export function bandLabel(status: Status, thresholds: Threshold[]): string {
	return thresholds.find((band) => band.status === status)?.label ?? '';
}

/** Reads the status from the bands and writes the verdict line. */
export function classify(value: number, ctx: MethodContext): MethodOutcome {
	const status = statusForValue(value, ctx.thresholds);
	ctx.formula.push(verdictLine(bandLabel(status, ctx.thresholds), status));
	return { status };
}

/** 1 + rate written without a double sign: 1 − 2.25%, 1 + 1.50%. */
export function onePlus(rate: number): string {
	return rate < 0 ? `1 ${MINUS} ${formatPercent(-rate)}` : `1 + ${formatPercent(rate)}`;
}

/** Writes CAGR_o from base to latest into the components and the formula lines. */
export function observedGrowth(ctx: MethodContext): number | MethodOutcome {
	const { y0, yt, t0, t } = ctx;
	if (y0 <= 0) return { status: 'not_computable', reason: nonPositiveReason('base value', y0) };
	if (yt <= 0) return { status: 'not_computable', reason: nonPositiveReason('latest value', yt) };
	const rate = cagr(y0, yt, t0, t);
	ctx.components.cagrObserved = rate;
	ctx.formula.push(
		`CAGR_o = (${formatValue(yt)} / ${formatValue(y0)})^(1/(${t} ${MINUS} ${t0})) ${MINUS} 1 = ${formatPercent(rate)}`
	);
	return rate;
}
