import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { returnObservation } from '$lib/server/observations';
import { observationId } from '$lib/server/import/http';
import { returnSchema } from '$lib/schemas/observations';

/** Back to draft with a comment: `{comment}` (required). */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	const { comment } = await readBody(event.request, returnSchema);
	const id = observationId(event.params.id);
	return json(returnObservation(getDb(), actor, event.params.code ?? '', id, comment));
});
