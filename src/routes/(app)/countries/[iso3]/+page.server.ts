import { getDb } from '$lib/server/db';
import { getCountry } from '$lib/server/declaration/countries';
import { listArticles } from '$lib/server/declaration/articles';
import { requestLocale } from '$lib/server/http/locale';
import { actionsSection } from '$lib/server/actions';
import { pageError } from '$lib/server/http/pages';
import {
	askedMethod,
	countryArticleCells,
	countryIndicatorChartsPage,
	countryIndicatorSummaries
} from '$lib/server/progress';
import { actionsRegionMap } from '$lib/server/maps/entries';
import { readThrough } from '$lib/server/cache';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	try {
		const db = getDb();
		const locale = requestLocale();
		const actor = locals.actor;
		const country = getCountry(db, params.iso3, locale);
		const method = askedMethod(url);
		const chartsPage = Number(url.searchParams.get('charts') ?? 1);
		// Computed once per data version and reader (see $lib/server/cache).
		const key = `country|${country.iso3}|${method ?? ''}|${locale}|${chartsPage}`;
		return readThrough(db, actor, key, () => {
			// Issue 4: the country's indicator values and verdicts.
			const indicatorSummaries = countryIndicatorSummaries(db, actor, country.iso3, method, {
				locale,
				full: true
			});
			const cells = countryArticleCells(db, actor, country.iso3, { locale });
			return {
				country,
				// Issue 19: where this member state stands among the others (actions completed).
				map: country.member
					? actionsRegionMap(db, actor!, locale, (iso3) => localizeHref(`/countries/${iso3}`))
					: null,
				// Issue 19 §3: one row per article (the country's actions) and its indicators' charts.
				articles: listArticles(db, locale).map((a) => ({
					number: a.number,
					title: a.title,
					cell: cells[a.number]
				})),
				// Twelve charts a page (`?charts=2`…), so the page stays light at any scale.
				charts: countryIndicatorChartsPage(
					db,
					actor,
					country.iso3,
					indicatorSummaries,
					chartsPage,
					{
						locale
					}
				),
				actions: actionsSection(db, actor, { country: country.iso3 }, locale),
				indicatorSummaries
			};
		});
	} catch (e) {
		pageError(e);
	}
};
