/**
 * Types and constants of the progress methods (DESIGN §6).
 * Pure data: no I/O, shared by server and browser.
 */

import {
	PROGRESS_METHODS,
	type Aggregation,
	type Direction,
	type IndicatorKind,
	type Method
} from '../domain';
export type { Aggregation, Direction, IndicatorKind, Method } from '../domain';

/** The published methods, in the order they are offered. */
export const METHODS: readonly Method[] = PROGRESS_METHODS;

export type Status =
	| 'target_achieved'
	| 'on_track'
	| 'needs_acceleration'
	| 'limited_progress'
	| 'deterioration'
	| 'fair_progress'
	| 'stagnation_or_regression'
	| 'too_slow'
	| 'regressing'
	| 'maintaining'
	| 'moderately_improving'
	| 'stagnating'
	| 'decreasing'
	| 'significant_progress'
	| 'moderate_progress'
	| 'insufficient_progress'
	| 'movement_away'
	| 'moderate_movement_away'
	| 'significant_movement_away'
	| 'target_missed'
	| 'met'
	| 'not_met'
	| 'insufficient_data'
	| 'not_computable';

/** The status words each method can give, best first, then the two "no verdict" ones. */
export const STATUSES_BY_METHOD: Record<Method, Status[]> = {
	'cagr-ratio': [
		'target_achieved',
		'on_track',
		'needs_acceleration',
		'limited_progress',
		'deterioration',
		'insufficient_data',
		'not_computable'
	],
	'progress-chart': [
		'target_achieved',
		'on_track',
		'fair_progress',
		'stagnation_or_regression',
		'insufficient_data',
		'not_computable'
	],
	'anticipated-progress': [
		'target_achieved',
		'on_track',
		'too_slow',
		'regressing',
		'insufficient_data',
		'not_computable'
	],
	'sdsn-trend': [
		'maintaining',
		'on_track',
		'moderately_improving',
		'stagnating',
		'decreasing',
		'insufficient_data',
		'not_computable'
	],
	eurostat: [
		'target_achieved',
		'significant_progress',
		'moderate_progress',
		'insufficient_progress',
		'movement_away',
		'moderate_movement_away',
		'significant_movement_away',
		'insufficient_data',
		'not_computable'
	]
};

/** Statuses every method can also give: a passed target year, a threshold indicator's verdict. */
export const COMMON_STATUSES: Status[] = ['target_missed', 'maintaining', 'met', 'not_met'];

/**
 * Which side of "on track" a status puts the series: true (on track, achieved, maintained,
 * met, significant progress), false (any shortfall), null (no verdict).
 */
export function onTrackSide(status: Status): boolean | null {
	switch (status) {
		case 'target_achieved':
		case 'on_track':
		case 'maintaining':
		case 'significant_progress':
		case 'met':
			return true;
		case 'insufficient_data':
		case 'not_computable':
			return null;
		default:
			return false;
	}
}

/** Plain-English status words, used in the formula lines (pages translate the status code). */
export const STATUS_LABELS: Record<Status, string> = {
	target_achieved: 'target achieved',
	on_track: 'on track',
	needs_acceleration: 'needs acceleration',
	limited_progress: 'limited progress',
	deterioration: 'deterioration',
	fair_progress: 'fair progress',
	stagnation_or_regression: 'stagnation or regression',
	too_slow: 'right direction but too slow',
	regressing: 'regressing',
	maintaining: 'maintaining',
	moderately_improving: 'moderately improving',
	stagnating: 'stagnating',
	decreasing: 'decreasing',
	significant_progress: 'significant progress',
	moderate_progress: 'moderate progress',
	insufficient_progress: 'insufficient progress',
	movement_away: 'movement away',
	moderate_movement_away: 'moderate movement away',
	significant_movement_away: 'significant movement away',
	target_missed: 'target missed',
	met: 'met',
	not_met: 'not met',
	insufficient_data: 'insufficient data',
	not_computable: 'not computable'
};

export type Disaggregation = Record<string, string>;

export interface ObservationInput {
	/** '2023', '2023-Q2', '2023-05', or a range '2016/2021'. */
	period: string;
	value: number;
	/** {} for the headline (undisaggregated) series. */
	disaggregation: Disaggregation;
	status?: 'provisional' | 'final';
}

export interface IndicatorInput {
	code: string;
	direction: Direction;
	baselineYear: number | null;
	/** Informational only: the base value is always read from the data. */
	baselineValue?: number | null;
	targetYear: number | null;
	targetValue: number | null;
	ceiling: number | null;
	/** The disaggregation key the ceiling applies to (`corridor`); null: every disaggregate. */
	ceilingKey?: string | null;
	/** How disaggregates combine when there is no headline (default mean). */
	aggregation?: Aggregation;
	/** Default continuous. */
	kind?: IndicatorKind;
	/** kind threshold: the value to reach (reach = ≥ when higher is better, ≤ when lower is). */
	threshold?: number | null;
}

export type SeriesKind = 'headline' | 'mean_of_disaggregates' | 'sum_of_disaggregates';

export interface AnnualPoint {
	year: number;
	value: number;
	/**
	 * Headline: how many observations were averaged into the year.
	 * Mean of disaggregates: how many disaggregates were averaged into the year.
	 */
	n: number;
	/** Distinct sub-periods (quarters, months) averaged into the year (most of any disaggregate). */
	subPeriods?: number;
	/** Sub-periods a full year has at the series' frequency: 1, 4 or 12. */
	frequency?: number;
}

export interface AnnualSeries {
	series: SeriesKind | 'none';
	points: AnnualPoint[];
}

export interface Threshold {
	status: Status;
	/** Inclusive lower bound, null = unbounded. */
	min: number | null;
	/** Exclusive upper bound (inclusive with maxInclusive), null = unbounded. */
	max: number | null;
	maxInclusive?: boolean;
	label: string;
}

export interface ProgressComponents {
	baseYear: number | null;
	baseValue: number | null;
	latestYear: number | null;
	latestValue: number | null;
	targetYear: number | null;
	/** The target used in the formulas (a target of 0 counts as 0.001). */
	targetValue: number | null;
	cagrObserved: number | null;
	cagrRequired: number | null;
	ratio: number | null;
	projectedValue: number | null;
	q: number | null;
	/** anticipated-progress: G = (target − projected) / (target − base). */
	gapRatio: number | null;
	/** sdsn-trend: observed and required linear change per year, and their ratio. */
	annualChangeObserved: number | null;
	annualChangeRequired: number | null;
	/** eurostat: the long-term (15-year) assessment; the main fields hold the short-term one. */
	longTerm: {
		baseYear: number;
		baseValue: number;
		cagrObserved: number;
		cagrRequired: number | null;
		ratio: number | null;
		status: Status;
	} | null;
	/** target_missed: the value at the target year, when there is one. */
	valueAtTargetYear: number | null;
	/** kind threshold: the threshold to reach. */
	threshold: number | null;
	direction: Direction;
	/** The bands of the quantity the verdict is read from (R, P, Q or d·CAGR_o). */
	thresholds: Threshold[];
}

export interface CeilingItem {
	disaggregation: Disaggregation;
	period: string;
	value: number;
}

export interface CeilingResult {
	value: number;
	/** The disaggregation key the ceiling applies to; null: every disaggregate. */
	key: string | null;
	/** breached when any disaggregate of the key is past the ceiling. */
	status: 'clear' | 'breached';
	/** Disaggregates of the key that were compared. */
	count: number;
	/** Fraction of the disaggregates whose latest value is past the ceiling (0 when there are none). */
	share: number;
	/** Disaggregates whose latest value is past the ceiling, worst first. */
	above: CeilingItem[];
	/** The disaggregate whose latest value is worst, past the ceiling or not; null when there are none. */
	worst: CeilingItem | null;
}

export type FlagCode =
	| 'partial_year'
	| 'headline_older_than_parts'
	| 'stale'
	| 'base_from_indicator_baseline'
	| 'zero_target_substituted'
	| 'at_best_value'
	| 'few_points';

/** Something about the data behind a verdict a reader should know, with its numbers. */
export type Flag =
	| { code: 'partial_year'; years: { year: number; subPeriods: number; frequency: number }[] }
	| { code: 'headline_older_than_parts'; headlineYear: number; partsYear: number }
	| { code: 'stale'; since: number }
	| { code: 'base_from_indicator_baseline'; year: number; value: number }
	| { code: 'zero_target_substituted'; value: number }
	| { code: 'at_best_value'; value: number }
	| { code: 'few_points'; points: number };

export interface ProgressResult {
	method: Method;
	status: Status;
	series: SeriesKind | null;
	/** Why there is no verdict (insufficient_data / not_computable), in plain English; else null. */
	reason: string | null;
	components: ProgressComponents;
	ceiling: CeilingResult | null;
	/** Human-readable lines: each formula with the numbers substituted. */
	formula: string[];
	/** The annual series used. */
	points: AnnualPoint[];
	/** What the reader should know about the data behind the verdict. */
	flags: Flag[];
}

export interface ProgressOptions {
	/**
	 * Read the data as of this year: observations whose period counts for a later year are
	 * ignored, by the trend and the ceiling alike (e.g. projections in a source file, or a share
	 * link frozen at an earlier date). Default: use every observation.
	 */
	currentYear?: number;
	/** This year, for the stale flag (default: currentYear, else the clock's year). */
	nowYear?: number;
}
