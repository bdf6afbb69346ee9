import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { deleteEvidence, getEvidence } from '$lib/server/evidence';
import { idParam } from '$lib/server/http/params';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json(getEvidence(getDb(), actor, idParam(event.params.id)));
});

export const DELETE = api(async (event) => {
	const actor = actorOf(event);
	return json(deleteEvidence(getDb(), actor, idParam(event.params.id)));
});
