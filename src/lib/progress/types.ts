/**
 * Types and constants of the progress methods (DESIGN §6).
 * Pure data: no I/O, shared by server and browser.
 */

export type Direction = 'increase' | 'decrease';

export type Method = 'cagr-ratio' | 'progress-chart';

/** The published methods, in the order they are offered. */
export const METHODS: readonly Method[] = ['cagr-ratio', 'progress-chart'];

export type Status =
	| 'target_achieved'
	| 'on_track'
	| 'needs_acceleration'
	| 'limited_progress'
	| 'deterioration'
	| 'fair_progress'
	| 'stagnation_or_regression'
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
	]
};

/** Plain-English status words, used in the formula lines (pages translate the status code). */
export const STATUS_LABELS: Record<Status, string> = {
	target_achieved: 'target achieved',
	on_track: 'on track',
	needs_acceleration: 'needs acceleration',
	limited_progress: 'limited progress',
	deterioration: 'deterioration',
	fair_progress: 'fair progress',
	stagnation_or_regression: 'stagnation or regression',
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
}

export type SeriesKind = 'headline' | 'mean_of_disaggregates';

export interface AnnualPoint {
	year: number;
	value: number;
	/**
	 * Headline: how many observations were averaged into the year.
	 * Mean of disaggregates: how many disaggregates were averaged into the year.
	 */
	n: number;
}

export interface AnnualSeries {
	series: SeriesKind | 'none';
	points: AnnualPoint[];
}

export interface Threshold {
	status: Status;
	/** Inclusive lower bound, null = unbounded. */
	min: number | null;
	/** Exclusive upper bound, null = unbounded. */
	max: number | null;
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
	/** Fraction of the disaggregates whose latest value is past the ceiling (0 when there are none). */
	share: number;
	/** Disaggregates whose latest value is past the ceiling, worst first. */
	above: CeilingItem[];
	/** The disaggregate whose latest value is worst, past the ceiling or not; null when there are none. */
	worst: CeilingItem | null;
}

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
}

export interface ProgressOptions {
	/**
	 * Read the data as of this year: observations whose period counts for a later year are
	 * ignored, by the trend and the ceiling alike (e.g. projections in a source file, or a share
	 * link frozen at an earlier date). Default: use every observation.
	 */
	currentYear?: number;
}
