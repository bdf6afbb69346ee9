import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http';
import { getDb } from '$lib/server/db';
import { countryVerdict, indicatorVerdicts } from '$lib/server/progress';
import { progressQuery } from '$lib/schemas/indicators';

/**
 * `?country=MEX&method=cagr-ratio|progress-chart` → the verdict of DESIGN §6 with every
 * component; `country=region` for the regional series; without `country`, `{items}` with the
 * verdict of every country (and the region) that has data.
 */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { country, method, validatedOnly } = readQuery(event.url, progressQuery);
	const db = getDb();
	const opts = { validatedOnly };
	if (country === undefined || country === '') {
		return json({ items: indicatorVerdicts(db, actor, event.params.code ?? '', method, opts) });
	}
	return json(countryVerdict(db, actor, event.params.code ?? '', country, method, opts));
});
