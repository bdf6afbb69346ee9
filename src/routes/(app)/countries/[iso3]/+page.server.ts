import { getDb } from '$lib/server/db';
import { getCountry } from '$lib/server/countries';
import { requestLocale } from '$lib/server/locale';
import { pageError } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	try {
		return { country: getCountry(getDb(), params.iso3, requestLocale()) };
	} catch (e) {
		pageError(e);
	}
};
