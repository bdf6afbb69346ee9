import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createIndicator, listIndicators } from '$lib/server/indicators/catalogue';
import { indicatorCreateSchema, indicatorListQuery } from '$lib/schemas/indicators';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { lang } = readQuery(event.url, indicatorListQuery);
	return json({ items: listIndicators(getDb(), actor, { locale: lang }) });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, indicatorCreateSchema);
	return json(createIndicator(getDb(), actor, body), { status: 201 });
});
