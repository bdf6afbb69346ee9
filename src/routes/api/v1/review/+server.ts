import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { reviewQueueItems } from '$lib/server/desk/queue';
import { reviewQueueQuery } from '$lib/schemas/desk';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const query = readQuery(event.url, reviewQueueQuery);
	return json({ items: reviewQueueItems(getDb(), actor, query) });
});
