import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { completenessItems, roundCompleteness } from '$lib/server/desk/rounds';
import { idParam } from '$lib/server/http/params';

export const GET = api(async (event) => {
	const rows = roundCompleteness(getDb(), actorOf(event), idParam(event.params.id));
	return json({ items: completenessItems(rows) });
});
