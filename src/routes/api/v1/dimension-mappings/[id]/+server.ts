import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { deleteDimensionMapping } from '$lib/server/import/mappings';
import { idParam } from '$lib/server/http/params';

/** Admins: deletes a mapping they added (built-in ones are refused with 403). */
export const DELETE = api(async (event) => {
	const actor = actorOf(event);
	deleteDimensionMapping(getDb(), actor, idParam(event.params.id));
	return new Response(null, { status: 204 });
});
