import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { assert } from '$lib/server/auth/authz';
import { createUser, listUsers } from '$lib/server/accounts/users';
import { userCreateSchema, userQuerySchema } from '$lib/schemas/users';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	assert.manageUsers(actor);
	const query = readQuery(event.url, userQuerySchema);
	return json({ items: listUsers(getDb(), actor, query) });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	assert.manageUsers(actor);
	const body = await readBody(event.request, userCreateSchema);
	return json(await createUser(getDb(), actor, body), { status: 201 });
});
