import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { listCountries } from '$lib/server/declaration/countries';
import { countryQuery } from '$lib/schemas/common';

export const GET = api(async (event) => {
	actorOf(event);
	const { member, lang } = readQuery(event.url, countryQuery);
	const items = listCountries(getDb(), { member, locale: lang });
	return json({ items });
});
