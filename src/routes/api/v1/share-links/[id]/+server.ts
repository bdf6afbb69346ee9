import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { revokeShareLink } from '$lib/server/sharing/share-links';
import { badRequest } from '$lib/server/http/errors';

export const DELETE = api(async (event) => {
	const actor = actorOf(event);
	const id = Number(event.params.id);
	if (!Number.isInteger(id) || id < 1)
		throw badRequest('The id must be a positive whole number.', [
			{ path: 'id', message: 'Expected a positive whole number.' }
		]);
	revokeShareLink(getDb(), actor, id);
	return new Response(null, { status: 204 });
});
