import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createApiKey, listApiKeys } from '$lib/server/api-keys';
import { apiKeyCreateSchema, apiKeyQuerySchema } from '$lib/schemas/api-keys';

/** One's own keys (admins: `?user=ID` for anyone's). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { user } = readQuery(event.url, apiKeyQuerySchema);
	return json({ items: listApiKeys(getDb(), actor, user) });
});

/** `{name, expiresOn?}` → 201 with the key, answered this once. */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, apiKeyCreateSchema);
	return json(createApiKey(getDb(), actor, body), { status: 201 });
});
