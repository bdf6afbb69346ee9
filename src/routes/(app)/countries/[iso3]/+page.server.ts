import { getDb } from '$lib/server/db';
import { getCountry } from '$lib/server/countries';
import { requestLocale } from '$lib/server/locale';
import { actionsSection } from '$lib/server/actions';
import { pageError } from '$lib/server/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	try {
		const country = getCountry(getDb(), params.iso3, requestLocale());
		return {
			country,
			actions: actionsSection(getDb(), locals.actor, { country: country.iso3 }, requestLocale())
		};
	} catch (e) {
		pageError(e);
	}
};
