import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createEdition, listEditions } from '$lib/server/editions';
import { editionCreateSchema } from '$lib/schemas/editions';

export const GET = api(async (event) => json({ items: listEditions(getDb(), actorOf(event)) }));

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, editionCreateSchema);
	return json(createEdition(getDb(), actor, body), { status: 201 });
});
