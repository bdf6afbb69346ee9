import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createDimensionMapping, listDimensionMappings } from '$lib/server/import/mappings';
import { dimensionMappingCreateSchema } from '$lib/schemas/dimension-mappings';

/** Every mapping of column names and cells to canonical keys and codes (built-in and added). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json({ items: listDimensionMappings(getDb(), actor) });
});

/** Admins: `{kind, from, to, dimension?}` → 201 with the mapping; 409 when already mapped. */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, dimensionMappingCreateSchema);
	return json(createDimensionMapping(getDb(), actor, body), { status: 201 });
});
