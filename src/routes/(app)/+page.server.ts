import { getDb } from '$lib/server/db';
import { getFramework, listArticles } from '$lib/server/articles';
import { listCountries } from '$lib/server/countries';
import { requestLocale } from '$lib/server/locale';
import { latestActivity } from '$lib/server/updates';
import { indicatorAlerts, memberArticleMatrix } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const locale = requestLocale();
	const fw = getFramework(db);
	return {
		framework: { title: fw.title, preamble: fw.preamble },
		articles: listArticles(db, locale),
		members: listCountries(db, { member: true, locale }),
		latestActivity: latestActivity(db, locals.actor, locale),
		// Issue 4: the member-state × article matrix and the off-track / stale indicators.
		matrix: memberArticleMatrix(db, locals.actor, { locale }),
		indicatorAlerts: indicatorAlerts(db, locals.actor, 'cagr-ratio', { locale })
	};
};
