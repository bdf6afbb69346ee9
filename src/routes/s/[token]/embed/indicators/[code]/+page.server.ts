import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { readOptions, requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import { scopedIndicator } from '$lib/server/open-data/open-data';
import { indicatorChartData, indicatorVerdicts } from '$lib/server/progress';
import { verdictsRegionMap } from '$lib/server/maps/entries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	// No embed of an edition yet: never the live data under an edition's link.
	if (link.edition) sharedNotFound();
	const locale = requestLocale();
	const db = getDb();
	const ind = scopedIndicator(db, link, params.code, locale);
	if (!ind) sharedNotFound();
	const opts = readOptions(link, locale);
	const chart = indicatorChartData(db, null, ind.code, opts);
	// Issue 19: `?view=map` embeds the map of the member states' verdicts instead of the chart.
	const map =
		url.searchParams.get('view') === 'map'
			? verdictsRegionMap(db, indicatorVerdicts(db, null, ind.code, null, opts), locale)
			: null;
	return {
		indicator: {
			code: ind.code,
			name: ind.name,
			nameTranslated: ind.nameTranslated,
			unit: ind.unit,
			target:
				ind.targetValue !== null ? { value: ind.targetValue, year: ind.targetYear ?? 2030 } : null,
			ceiling: ind.ceiling
		},
		chart,
		map
	};
};
