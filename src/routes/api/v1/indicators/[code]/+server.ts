import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { getIndicator, updateIndicator } from '$lib/server/indicators/catalogue';
import { indicatorListQuery, indicatorUpdateSchema } from '$lib/schemas/indicators';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { lang } = readQuery(event.url, indicatorListQuery);
	return json(getIndicator(getDb(), actor, event.params.code ?? '', { locale: lang }));
});

export const PATCH = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, indicatorUpdateSchema);
	return json(updateIndicator(getDb(), actor, event.params.code ?? '', body));
});
