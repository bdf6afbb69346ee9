import { getDb } from '$lib/server/db';
import { getFramework, listArticles } from '$lib/server/articles';
import { listCountries } from '$lib/server/countries';
import { requestLocale } from '$lib/server/locale';
import { latestActivity } from '$lib/server/updates';
import { alertsPreview, indicatorAlerts, memberArticleMatrix } from '$lib/server/progress';
import { readThrough, readerKey } from '$lib/server/read-cache';
import { actionsRegionMap } from '$lib/server/maps/entries';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const locale = requestLocale();
	const fw = getFramework(db);
	// The summaries are computed once per state of the store (see read-cache.ts).
	const summaries = readThrough(db, `overview|${readerKey(locals.actor)}|${locale}`, () => ({
		articles: listArticles(db, locale),
		latestActivity: latestActivity(db, locals.actor, locale),
		// Issue 4: the member-state × article matrix and the off-track / stale indicators (the
		// first twelve here; all of them on /indicators?alerts=all).
		matrix: memberArticleMatrix(db, locals.actor, { locale }),
		indicatorAlerts: alertsPreview(indicatorAlerts(db, locals.actor, 'cagr-ratio', { locale })),
		// Issue 19: actions completed per member state, on the region map.
		map: actionsRegionMap(db, locals.actor!, locale, (iso3) => localizeHref(`/countries/${iso3}`))
	}));
	return {
		framework: { title: fw.title, preamble: fw.preamble },
		members: listCountries(db, { member: true, locale }),
		...summaries
	};
};
