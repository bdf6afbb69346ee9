import { editionRedirect } from '$lib/server/sharing/shared-edition';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/declaration/articles';
import { requestLocale } from '$lib/server/http/locale';
import { requireInScope, requireShare } from '$lib/server/sharing/shared-pages';
import { sharedOverview } from '$lib/server/sharing/shared-views';
import { sharePath } from '$lib/server/sharing/share-links';
import { redirect } from '@sveltejs/kit';
import { publishedActionsRegionMap } from '$lib/server/maps/entries';
import { sharedHeadlines } from '$lib/server/glance/headlines';
import { readOptions } from '$lib/server/sharing/shared-pages';
import { localizeHref } from '$lib/paraglide/runtime';
import { askedMethod, matrixKind, memberArticleMatrix } from '$lib/server/progress';
import { gcmObjectiveTitles } from '$lib/server/declaration/objectives';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	editionRedirect(link, params.token, url);
	// A link to one article, country or indicator opens on that page.
	if (link.scope.type !== 'framework') {
		redirect(
			307,
			sharePath(params.token, link.scope, requestLocale()).replace(/\?lang=\w+$/, '') + url.search
		);
	}
	requireInScope(link, { type: 'overview' });
	const db = getDb();
	const method = askedMethod(url);
	const locale = requestLocale();
	const base = `/s/${params.token}`;
	// Issue 19: the front page opens with three figures, the map and the matrix.
	const map = publishedActionsRegionMap(db, { asOf: link.asOf }, locale, (iso3) =>
		localizeHref(`${base}/countries/${iso3}`)
	);
	const opts = readOptions(link, locale);
	return {
		framework: { title: getFramework(db).title },
		...sharedOverview(db, link, locale, method),
		map,
		matrix: memberArticleMatrix(db, null, { ...opts, kind: matrixKind(url) }),
		objectiveTitles: gcmObjectiveTitles(db, locale),
		headlines: sharedHeadlines(
			db,
			{ asOf: link.asOf, asOfYear: opts.asOfYear, locale, method },
			map.entries
		)
	};
};
