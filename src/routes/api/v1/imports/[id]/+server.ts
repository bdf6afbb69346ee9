import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { getImportRun } from '$lib/server/import/runs';
import { observationId } from '$lib/server/import/http';

/** One import run with every change it made (old → new). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json(getImportRun(getDb(), actor, observationId(event.params.id)));
});
