import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { assert } from '$lib/server/auth/authz';
import { badRequest } from '$lib/server/http/errors';
import { getUser, updateUser } from '$lib/server/accounts/users';
import { userPatchSchema } from '$lib/schemas/users';

function userId(raw: string | undefined): string {
	if (!raw || !/^[A-Za-z0-9_-]{1,64}$/.test(raw)) {
		throw badRequest('That is not a user id.', [{ path: 'id', message: 'Not a user id.' }]);
	}
	return raw;
}

export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json(getUser(getDb(), actor, userId(event.params.id)));
});

export const PATCH = api(async (event) => {
	const actor = actorOf(event);
	assert.manageUsers(actor);
	const id = userId(event.params.id);
	const body = await readBody(event.request, userPatchSchema);
	return json(await updateUser(getDb(), actor, id, body));
});
