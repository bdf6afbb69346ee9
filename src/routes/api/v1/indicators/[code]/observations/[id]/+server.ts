import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { getObservation } from '$lib/server/observations';
import { observationId } from '$lib/server/import/http';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json(
		getObservation(getDb(), actor, event.params.code ?? '', observationId(event.params.id))
	);
});
