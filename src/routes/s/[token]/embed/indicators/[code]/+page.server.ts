import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { readOptions, requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import { scopedIndicator } from '$lib/server/open-data/open-data';
import { indicatorChartData } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const link = requireShare(locals);
	// No embed of an edition yet: never the live data under an edition's link.
	if (link.edition) sharedNotFound();
	const locale = requestLocale();
	const db = getDb();
	const ind = scopedIndicator(db, link, params.code, locale);
	if (!ind) sharedNotFound();
	const chart = indicatorChartData(db, null, ind.code, readOptions(link, locale));
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
		chart
	};
};
