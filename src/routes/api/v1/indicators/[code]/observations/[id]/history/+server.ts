import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { observationHistory } from '$lib/server/observations';
import { observationId } from '$lib/server/import/http';

/** Every version of the value the reader may see, newest (the current one) first. */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	const id = observationId(event.params.id);
	return json(observationHistory(getDb(), actor, event.params.code ?? '', id));
});
