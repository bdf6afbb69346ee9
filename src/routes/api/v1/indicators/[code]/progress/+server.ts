import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { allMethodVerdicts, countryVerdict, indicatorVerdicts } from '$lib/server/progress';
import { progressQuery } from '$lib/schemas/indicators';
import { requestLocale } from '$lib/server/http/locale';

/**
 * `?country=MEX&method=cagr-ratio|progress-chart|anticipated-progress|sdsn-trend|eurostat` → the
 * verdict of DESIGN §6 with every component (default method: the indicator's, then the site's);
 * `method=all` → `{indicator, country, methods, agreement}`; `country=region` for the regional
 * series; an unknown country is 404; without `country`, `{items}` with the verdict of every
 * country (and the region) that has data.
 */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { country, method, validatedOnly } = readQuery(event.url, progressQuery);
	const db = getDb();
	const opts = { validatedOnly, locale: requestLocale() };
	const code = event.params.code ?? '';
	if (country === undefined || country === '') {
		if (method === 'all') {
			return json({ items: indicatorVerdicts(db, actor, code, null, opts) });
		}
		return json({ items: indicatorVerdicts(db, actor, code, method, opts) });
	}
	if (method === 'all') return json(allMethodVerdicts(db, actor, code, country, opts));
	return json(countryVerdict(db, actor, code, country, method, opts));
});
