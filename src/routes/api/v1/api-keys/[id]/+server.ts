import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { revokeApiKey } from '$lib/server/api-keys';
import { idParam } from '$lib/server/http/params';

/** Revokes the key: requests with it get 401 from now on. */
export const DELETE = api(async (event) => {
	const actor = actorOf(event);
	revokeApiKey(getDb(), actor, idParam(event.params.id));
	return new Response(null, { status: 204 });
});
