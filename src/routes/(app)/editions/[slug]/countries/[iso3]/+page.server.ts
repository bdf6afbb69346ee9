import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/locale';
import { editionCountry, editionSnapshot } from '$lib/server/editions';
import { pageError } from '$lib/server/pages';
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
