import { editionRedirect } from '$lib/server/sharing/shared-edition';
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import {
	pageParam,
	requireInScope,
	requireShare,
	sharedNotFound
} from '$lib/server/sharing/shared-pages';
import { sharedCountry } from '$lib/server/sharing/shared-views';
import { isAppError } from '$lib/server/http/errors';
import { publishedActionsRegionMap } from '$lib/server/maps/entries';
import { localizeHref } from '$lib/paraglide/runtime';
import { askedMethod } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	editionRedirect(link, params.token, url);
	const iso3 = params.iso3.toUpperCase();
	requireInScope(link, { type: 'country', iso3 });
	const method = askedMethod(url);
	try {
		const db = getDb();
		const locale = requestLocale();
		const view = sharedCountry(db, link, iso3, locale, method, {
			actions: pageParam(url, 'actions'),
			evidence: pageParam(url, 'evidence')
		});
		// Issue 19: the country on the region map; the other member states' figures (and links
		// to them) only where the link covers the whole framework.
		const others = link.scope.type === 'framework';
		const map = publishedActionsRegionMap(db, { asOf: link.asOf }, locale, (c) =>
			localizeHref(`/s/${params.token}/countries/${c}`)
		);
		if (!others) map.entries = map.entries.filter((e) => e.iso3 === iso3);
		return { ...view, map };
	} catch (e) {
		if (isAppError(e) && e.status === 404) sharedNotFound();
		throw e;
	}
};
