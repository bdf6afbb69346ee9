import { getDb } from '$lib/server/db';
import { getCountry } from '$lib/server/countries';
import { requestLocale } from '$lib/server/locale';
import { actionsSection } from '$lib/server/actions';
import { pageError } from '$lib/server/pages';
import { countryIndicatorSummaries } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	try {
		const country = getCountry(getDb(), params.iso3, requestLocale());
		return {
			country,
			actions: actionsSection(getDb(), locals.actor, { country: country.iso3 }, requestLocale()),
			// Issue 4: the country's indicator values and verdicts.
			indicatorSummaries: countryIndicatorSummaries(
				getDb(),
				locals.actor,
				country.iso3,
				'cagr-ratio',
				{
					locale: requestLocale(),
					full: true
				}
			)
		};
	} catch (e) {
		pageError(e);
	}
};
