import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getArticle } from '$lib/server/articles';
import { requestLocale } from '$lib/server/locale';
import { actionsSection } from '$lib/server/actions';
import { actionStatusHistory, articleIndicatorVerdicts } from '$lib/server/progress';
import type { Method } from '$lib/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const n = Number(params.n);
	if (!Number.isInteger(n) || n < 1 || n > 18) error(404, 'Not found');
	// Issue 4: indicator verdicts (method switch by ?method=) and "progress over time".
	const method: Method =
		url.searchParams.get('method') === 'progress-chart' ? 'progress-chart' : 'cagr-ratio';
	const locale = requestLocale();
	return {
		article: getArticle(getDb(), n, locale, locals.actor),
		actions: actionsSection(getDb(), locals.actor, { article: n }, locale),
		method,
		indicatorVerdicts: articleIndicatorVerdicts(getDb(), locals.actor, n, method, {
			locale,
			full: true
		}),
		statusHistory: actionStatusHistory(getDb(), locals.actor, { articleNumber: n })
	};
};
