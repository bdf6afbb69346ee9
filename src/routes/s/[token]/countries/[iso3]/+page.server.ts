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
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	editionRedirect(link, params.token, url);
	const iso3 = params.iso3.toUpperCase();
	requireInScope(link, { type: 'country', iso3 });
	const method =
		url.searchParams.get('method') === 'progress-chart' ? 'progress-chart' : 'cagr-ratio';
	try {
		return sharedCountry(getDb(), link, iso3, requestLocale(), method, {
			actions: pageParam(url, 'actions'),
			evidence: pageParam(url, 'evidence')
		});
	} catch (e) {
		if (isAppError(e) && e.status === 404) sharedNotFound();
		throw e;
	}
};
