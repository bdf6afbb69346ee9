import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { validateObservation } from '$lib/server/observations';
import { observationId, readOptionalBody } from '$lib/server/import/http';
import { reviewSchema } from '$lib/schemas/observations';

export const POST = api(async (event) => {
	const actor = actorOf(event);
	await readOptionalBody(event.request, reviewSchema);
	const id = observationId(event.params.id);
	return json(validateObservation(getDb(), actor, event.params.code ?? '', id));
});
