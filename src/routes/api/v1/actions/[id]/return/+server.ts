import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { returnAction } from '$lib/server/review/actions';
import { idParam } from '$lib/server/http/params';
import { returnSchema } from '$lib/schemas/actions';

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const id = idParam(event.params.id);
	const body = await readBody(event.request, returnSchema);
	return json(returnAction(getDb(), actor, id, body));
});
