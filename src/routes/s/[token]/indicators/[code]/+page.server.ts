import { editionRedirect } from '$lib/server/sharing/shared-edition';
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireInScope, requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import { indicatorArticles, sharedIndicator } from '$lib/server/sharing/shared-views';
import { verdictsRegionMap } from '$lib/server/maps/entries';
import { localizeHref } from '$lib/paraglide/runtime';
import { askedMethod } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	editionRedirect(link, params.token, url);
	const db = getDb();
	const articles = indicatorArticles(db, params.code);
	if (!articles) sharedNotFound();
	requireInScope(link, { type: 'indicator', code: params.code, articles });
	const method = askedMethod(url);
	const country = (url.searchParams.get('country') ?? '').toUpperCase();
	const locale = requestLocale();
	const view = sharedIndicator(
		db,
		link,
		params.code,
		locale,
		method,
		/^[A-Z]{3}$/.test(country) ? country : null
	);
	// Issue 19: every indicator page has the map of its verdicts (links stay on this page).
	const here = `/s/${params.token}/indicators/${encodeURIComponent(params.code)}`;
	const map = verdictsRegionMap(db, view.verdicts, locale, (iso3) =>
		localizeHref(`${here}?country=${iso3}`)
	);
	return { ...view, map };
};
