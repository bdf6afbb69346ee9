/**
 * Flags: what a reader should know about the data behind a verdict (DESIGN §11), each with
 * the numbers the page puts into words. The verdict-specific ones (base_from_indicator_baseline,
 * zero_target_substituted, at_best_value) are added by computeProgress; these are read from the
 * series itself.
 */
import { periodToYear } from './period';
import { isHeadline } from './series';
import type { AnnualPoint, Flag, ObservationInput } from './types';

/** No value for two years: the latest year with data is at least two years before this year. */
export const STALE_AFTER_YEARS = 2;

export function collectFlags(
	obs: ObservationInput[],
	points: AnnualPoint[],
	at: { baseYear: number; latestYear: number; nowYear: number }
): Flag[] {
	const flags: Flag[] = [];
	const partial = points
		.filter(
			(p) =>
				p.year >= at.baseYear &&
				p.year <= at.latestYear &&
				p.frequency !== undefined &&
				p.subPeriods !== undefined &&
				p.frequency > 1 &&
				p.subPeriods < p.frequency
		)
		.map((p) => ({ year: p.year, subPeriods: p.subPeriods!, frequency: p.frequency! }));
	if (partial.length > 0) flags.push({ code: 'partial_year', years: partial });

	let headlineYear: number | null = null;
	let partsYear: number | null = null;
	for (const o of obs) {
		if (!Number.isFinite(o.value)) continue;
		const year = periodToYear(o.period);
		if (isHeadline(o)) headlineYear = Math.max(headlineYear ?? year, year);
		else partsYear = Math.max(partsYear ?? year, year);
	}
	if (headlineYear !== null && partsYear !== null && partsYear > headlineYear) {
		flags.push({ code: 'headline_older_than_parts', headlineYear, partsYear });
	}

	if (at.latestYear <= at.nowYear - STALE_AFTER_YEARS) {
		flags.push({ code: 'stale', since: at.latestYear });
	}
	const real = points.filter((p) => p.n > 0).length;
	if (real === 2) flags.push({ code: 'few_points', points: 2 });
	return flags;
}
