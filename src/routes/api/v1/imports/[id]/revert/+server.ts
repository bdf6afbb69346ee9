import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { revertImportRun } from '$lib/server/import/runs';
import { observationId } from '$lib/server/import/http';

/** Undo: `{restored, removed}`; 409 (the rows in `error.details.rows`) when a later change touched any. */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	return json(revertImportRun(getDb(), actor, observationId(event.params.id)));
});
