import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createAction, listActions } from '$lib/server/actions';
import { actionCreateSchema, actionQuerySchema } from '$lib/schemas/actions';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const query = readQuery(event.url, actionQuerySchema);
	const { items, total, nextCursor } = listActions(getDb(), actor, query, { defaultLimit: 50 });
	return json({ items, total, nextCursor });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, actionCreateSchema);
	return json(createAction(getDb(), actor, body), { status: 201 });
});
