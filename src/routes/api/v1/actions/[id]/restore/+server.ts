import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { restoreAction } from '$lib/server/actions';
import { idParam, readOptionalBody } from '$lib/server/http/params';
import { reviewStepSchema } from '$lib/schemas/actions';

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const id = idParam(event.params.id);
	const { version } = await readOptionalBody(event.request, reviewStepSchema);
	return json(restoreAction(getDb(), actor, id, version));
});
