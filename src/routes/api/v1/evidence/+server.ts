import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { addEvidence, listEvidence } from '$lib/server/evidence';
import { evidenceCreateSchema, evidenceQuerySchema } from '$lib/schemas/evidence';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const query = readQuery(event.url, evidenceQuerySchema);
	const { items, total, nextCursor } = listEvidence(getDb(), actor, query, { defaultLimit: 50 });
	return json({ items, total, nextCursor });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, evidenceCreateSchema);
	return json(addEvidence(getDb(), actor, body), { status: 201 });
});
