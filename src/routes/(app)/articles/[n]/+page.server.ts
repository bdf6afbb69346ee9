import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getArticle } from '$lib/server/declaration/articles';
import { requestLocale } from '$lib/server/http/locale';
import { actionsSection } from '$lib/server/actions';
import { actionStatusHistory, articleIndicatorVerdicts, askedMethod } from '$lib/server/progress';
import { readThrough } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const n = Number(params.n);
	if (!Number.isInteger(n) || n < 1 || n > 18) error(404, 'Not found');
	// Issue 4: indicator verdicts (method switch by ?method=; none: each indicator's default)
	// and "progress over time".
	const method = askedMethod(url);
	const locale = requestLocale();
	const db = getDb();
	// Computed once per data version and reader (see $lib/server/cache).
	return readThrough(db, locals.actor, `article|${n}|${method ?? ''}|${locale}`, () => ({
		article: getArticle(db, n, locale, locals.actor),
		actions: actionsSection(db, locals.actor, { article: n }, locale),
		method,
		// Badges with a link to each verdict's explanation on the indicator's page (whose
		// formula and numbers would otherwise make this page several times heavier).
		indicatorVerdicts: articleIndicatorVerdicts(db, locals.actor, n, method, { locale }),
		statusHistory: actionStatusHistory(db, locals.actor, { articleNumber: n })
	}));
};
