import { getDb } from '$lib/server/db';
import { getFramework, listArticles } from '$lib/server/declaration/articles';
import { listCountries } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { latestActivity } from '$lib/server/actions/updates';
import {
	alertsPreview,
	indicatorAlerts,
	matrixKind,
	memberArticleMatrix
} from '$lib/server/progress';
import { gcmObjectiveTitles } from '$lib/server/declaration/objectives';
import { readThrough } from '$lib/server/cache';
import { actionsRegionMap } from '$lib/server/maps/entries';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const locale = requestLocale();
	const fw = getFramework(db);
	const kind = matrixKind(url);
	// The summaries are computed once per data version and reader (see $lib/server/cache).
	const summaries = readThrough(db, locals.actor, `overview|${locale}|${kind}`, () => ({
		articles: listArticles(db, locale, locals.actor),
		latestActivity: latestActivity(db, locals.actor, locale),
		// Issue 4: the member-state × article matrix and the off-track / stale indicators (the
		// first twelve here; all of them on /indicators?alerts=all).
		matrix: memberArticleMatrix(db, locals.actor, { locale, kind }),
		objectiveTitles: gcmObjectiveTitles(db, locale),
		indicatorAlerts: alertsPreview(indicatorAlerts(db, locals.actor, null, { locale })),
		// Issue 19: actions completed per member state, on the region map.
		map: actionsRegionMap(db, locals.actor!, locale, (iso3) => localizeHref(`/countries/${iso3}`))
	}));
	return {
		framework: { title: fw.title, preamble: fw.preamble },
		members: listCountries(db, { member: true, locale }),
		...summaries
	};
};
