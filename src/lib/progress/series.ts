/**
 * The annual series a verdict is computed on (DESIGN §6): sub-annual values are averaged per
 * calendar year; the headline series is used, else the mean of the disaggregates.
 */
import { periodToYear } from './period';
import type { AnnualPoint, AnnualSeries, Disaggregation, ObservationInput } from './types';

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

/** Means per calendar year of the given observations (non-finite values are ignored). */
function yearlyMeans(observations: ObservationInput[]): Map<number, { sum: number; n: number }> {
	const byYear = new Map<number, { sum: number; n: number }>();
	for (const observation of observations) {
		if (!Number.isFinite(observation.value)) continue;
		const year = periodToYear(observation.period);
		const entry = byYear.get(year) ?? { sum: 0, n: 0 };
		entry.sum += observation.value;
		entry.n += 1;
		byYear.set(year, entry);
	}
	return byYear;
}

function sortedPoints(points: AnnualPoint[]): AnnualPoint[] {
	return points.sort((a, b) => a.year - b.year);
}

/**
 * The annual series of one country's observations of one indicator.
 * - headline: the observations with disaggregation {}; the values of a year (quarters,
 *   months, a range ending in that year) are averaged; n = observations averaged.
 * - mean_of_disaggregates (only when there is no headline observation at all): each
 *   disaggregate is first averaged per year, then the yearly values of the disaggregates
 *   that have one are averaged; n = disaggregates averaged.
 * Throws when a period is not valid (see periodToYear).
 */
export function annualSeries(obs: ObservationInput[]): AnnualSeries {
	const usable = obs.filter((o) => Number.isFinite(o.value));
	const headline = usable.filter(isHeadline);
	if (headline.length > 0) {
		const points = [...yearlyMeans(headline)].map(([year, { sum, n }]) => ({
			year,
			value: sum / n,
			n
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
	const byYear = new Map<number, { sum: number; n: number }>();
	for (const group of byDisaggregate.values()) {
		for (const [year, { sum, n }] of yearlyMeans(group)) {
			const entry = byYear.get(year) ?? { sum: 0, n: 0 };
			entry.sum += sum / n;
			entry.n += 1;
			byYear.set(year, entry);
		}
	}
	const points = [...byYear].map(([year, { sum, n }]) => ({ year, value: sum / n, n }));
	return { series: 'mean_of_disaggregates', points: sortedPoints(points) };
}
