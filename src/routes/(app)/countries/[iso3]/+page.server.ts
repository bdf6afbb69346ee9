import { getDb } from '$lib/server/db';
import { getCountry } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { actionsSection } from '$lib/server/actions';
import { pageError } from '$lib/server/http/pages';
import { askedMethod, countryIndicatorSummaries } from '$lib/server/progress';
import { actionsRegionMap } from '$lib/server/maps/entries';
import { readThrough } from '$lib/server/cache';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	try {
		const db = getDb();
		const locale = requestLocale();
		const country = getCountry(db, params.iso3, locale);
		return {
			country,
			// Issue 19: where this member state stands among the others (actions completed).
			map: country.member
				? readThrough(db, locals.actor, `map|actions|${locale}`, () =>
						actionsRegionMap(db, locals.actor!, locale, (iso3) =>
							localizeHref(`/countries/${iso3}`)
						)
					)
				: null,
			actions: actionsSection(getDb(), locals.actor, { country: country.iso3 }, requestLocale()),
			// Issue 4: the country's indicator values and verdicts.
			indicatorSummaries: countryIndicatorSummaries(
				getDb(),
				locals.actor,
				country.iso3,
				askedMethod(url),
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
