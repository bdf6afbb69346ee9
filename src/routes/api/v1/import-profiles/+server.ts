import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createImportProfile, listImportProfiles } from '$lib/server/import/profiles';
import { profileSpecSchema } from '$lib/schemas/import-profiles';

/** Every saved import profile (any signed-in user). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json({ items: listImportProfiles(getDb(), actor) });
});

/** Coordinators and admins: a profile's spec → 201 with `{id, ...spec, createdAt, updatedAt, version}`. */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, profileSpecSchema);
	return json(createImportProfile(getDb(), actor, body), { status: 201 });
});
