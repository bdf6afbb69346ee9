/**
 * The annual series a verdict is computed on (DESIGN §6): sub-annual values are averaged per
 * calendar year; the headline series is used, else the disaggregates combined per year by the
 * indicator's aggregation (mean, or sum for counts).
 */
import { parsePeriod } from './period';
import type {
	Aggregation,
	AnnualPoint,
	AnnualSeries,
	Disaggregation,
	ObservationInput
} from './types';

/** A stable key for a disaggregation: its key=value pairs sorted by key, joined by ';'. */
export function disaggregationKey(disaggregation: Disaggregation): string {
	return Object.keys(disaggregation)
		.sort()
		.map((key) => `${key}=${disaggregation[key]}`)
		.join(';');
}

/** True for the headline (undisaggregated) observations: disaggregation {}. */
export function isHeadline(observation: ObservationInput): boolean {
	return Object.keys(observation.disaggregation ?? {}).length === 0;
}

interface YearEntry {
	sum: number;
	n: number;
	/** Distinct sub-periods ('2020-Q1', '2020-Q3') seen in the year. */
	periods: Set<string>;
}

/** Means per calendar year of the given observations (non-finite values are ignored). */
function yearlyMeans(observations: ObservationInput[]): Map<number, YearEntry> {
	const byYear = new Map<number, YearEntry>();
	for (const observation of observations) {
		if (!Number.isFinite(observation.value)) continue;
		const year = parsePeriod(observation.period).year;
		const entry = byYear.get(year) ?? { sum: 0, n: 0, periods: new Set<string>() };
		entry.sum += observation.value;
		entry.n += 1;
		entry.periods.add(observation.period);
		byYear.set(year, entry);
	}
	return byYear;
}

/** Sub-periods in a full year: 12 when any period is a month, 4 for quarters, else 1. */
function frequencyOf(observations: ObservationInput[]): number {
	let frequency = 1;
	for (const o of observations) {
		if (/^\d{4}-\d{2}$/.test(o.period)) return 12;
		if (/^\d{4}-Q[1-4]$/.test(o.period)) frequency = 4;
	}
	return frequency;
}

function sortedPoints(points: AnnualPoint[]): AnnualPoint[] {
	return points.sort((a, b) => a.year - b.year);
}

/**
 * The annual series of one country's observations of one indicator.
 * - headline: the observations with disaggregation {}; the values of a year (quarters,
 *   months, a range ending in that year) are averaged; n = observations averaged.
 * - mean_of_disaggregates / sum_of_disaggregates (only when there is no headline observation
 *   at all): each disaggregate is first averaged per year, then the yearly values of the
 *   disaggregates that have one are averaged (or summed, aggregation 'sum');
 *   n = disaggregates combined.
 * Each point also says how many distinct sub-periods were averaged into it and how many a
 * full year has (partial years are flagged by the verdict).
 * Throws when a period is not valid (see parsePeriod).
 */
export function annualSeries(
	obs: ObservationInput[],
	aggregation: Aggregation = 'mean'
): AnnualSeries {
	const usable = obs.filter((o) => Number.isFinite(o.value));
	const headline = usable.filter(isHeadline);
	if (headline.length > 0) {
		const frequency = frequencyOf(headline);
		const points = [...yearlyMeans(headline)].map(([year, { sum, n, periods }]) => ({
			year,
			value: sum / n,
			n,
			subPeriods: periods.size,
			frequency
		}));
		return { series: 'headline', points: sortedPoints(points) };
	}
	if (usable.length === 0) return { series: 'none', points: [] };

	const byDisaggregate = new Map<string, ObservationInput[]>();
	for (const observation of usable) {
		const key = disaggregationKey(observation.disaggregation);
		const group = byDisaggregate.get(key);
		if (group) group.push(observation);
		else byDisaggregate.set(key, [observation]);
	}
	const frequency = frequencyOf(usable);
	const byYear = new Map<number, { sum: number; n: number; subPeriods: number }>();
	for (const group of byDisaggregate.values()) {
		for (const [year, { sum, n, periods }] of yearlyMeans(group)) {
			const entry = byYear.get(year) ?? { sum: 0, n: 0, subPeriods: 0 };
			entry.sum += sum / n;
			entry.n += 1;
			entry.subPeriods = Math.max(entry.subPeriods, periods.size);
			byYear.set(year, entry);
		}
	}
	const total = aggregation === 'sum';
	const points = [...byYear].map(([year, { sum, n, subPeriods }]) => ({
		year,
		value: total ? sum : sum / n,
		n,
		subPeriods,
		frequency
	}));
	return {
		series: total ? 'sum_of_disaggregates' : 'mean_of_disaggregates',
		points: sortedPoints(points)
	};
}
