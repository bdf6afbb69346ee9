import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { editionCountry, editionSnapshot } from '$lib/server/editions';
import { pageError } from '$lib/server/http/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	await parent();
	try {
		return {
			country: editionCountry(editionSnapshot(getDb(), params.slug), params.iso3, requestLocale())
		};
	} catch (e) {
		pageError(e);
	}
};
