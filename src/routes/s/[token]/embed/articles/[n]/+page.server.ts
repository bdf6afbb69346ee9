import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import {
	readOptions,
	requireInScope,
	requireShare,
	sharedNotFound
} from '$lib/server/sharing/shared-pages';
import { getArticleText } from '$lib/server/declaration/articles';
import { isAppError } from '$lib/server/http/errors';
import { actionStatusHistory } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const link = requireShare(locals);
	// No embed of an edition yet: never the live data under an edition's link.
	if (link.edition) sharedNotFound();
	if (!/^\d{1,3}$/.test(params.n)) sharedNotFound();
	const n = Number(params.n);
	requireInScope(link, { type: 'article', number: n });
	const locale = requestLocale();
	const db = getDb();
	let article;
	try {
		article = getArticleText(db, n, locale);
	} catch (e) {
		if (isAppError(e) && e.status === 404) sharedNotFound();
		throw e;
	}
	const history = actionStatusHistory(db, null, {
		...readOptions(link, locale),
		articleNumber: n,
		// A frozen link ends its timeline at its as-of month.
		until: link.asOf ? link.asOf.slice(0, 7) : undefined
	});
	return {
		article: { number: n, title: article.title, titleTranslated: article.titleTranslated },
		history
	};
};
