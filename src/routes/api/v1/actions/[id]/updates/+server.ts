import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { listUpdates, postUpdate } from '$lib/server/actions/updates';
import { idParam } from '$lib/server/http/params';
import { actionUpdateSchema } from '$lib/schemas/actions';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json({ items: listUpdates(getDb(), actor, idParam(event.params.id)) });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const id = idParam(event.params.id);
	const body = await readBody(event.request, actionUpdateSchema);
	return json(postUpdate(getDb(), actor, id, body), { status: 201 });
});
