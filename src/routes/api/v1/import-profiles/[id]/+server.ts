import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/http/params';
import {
	deleteImportProfile,
	getImportProfile,
	updateImportProfile
} from '$lib/server/import/profiles';
import { profileUpdateSchema } from '$lib/schemas/import-profiles';

/** One saved import profile (any signed-in user). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json(getImportProfile(getDb(), actor, idParam(event.params.id)));
});

/** The whole profile again with the `version` read; 409 when someone changed it since. */
export const PATCH = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, profileUpdateSchema);
	return json(updateImportProfile(getDb(), actor, idParam(event.params.id), body));
});

/** Admins and the coordinator who saved it: 204. */
export const DELETE = api(async (event) => {
	const actor = actorOf(event);
	deleteImportProfile(getDb(), actor, idParam(event.params.id));
	return new Response(null, { status: 204 });
});
