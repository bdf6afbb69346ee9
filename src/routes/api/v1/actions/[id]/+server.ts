import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { deleteAction, getAction, updateAction } from '$lib/server/actions';
import { idParam } from '$lib/server/http/params';
import { actionDeleteQuery, actionPatchSchema } from '$lib/schemas/actions';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json(getAction(getDb(), actor, idParam(event.params.id)));
});

export const PATCH = api(async (event) => {
	const actor = actorOf(event);
	const id = idParam(event.params.id);
	const body = await readBody(event.request, actionPatchSchema);
	return json(updateAction(getDb(), actor, id, body));
});

export const DELETE = api(async (event) => {
	const actor = actorOf(event);
	const id = idParam(event.params.id);
	const { version } = readQuery(event.url, actionDeleteQuery);
	return json(deleteAction(getDb(), actor, id, version ? Number(version) : undefined));
});
