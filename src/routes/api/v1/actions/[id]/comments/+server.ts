import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { idParam } from '$lib/server/http/params';
import { actionTarget, listComments, postComment } from '$lib/server/desk/comments';
import { commentCreateSchema } from '$lib/schemas/desk';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const target = actionTarget(getDb(), idParam(event.params.id));
	return json({ items: listComments(getDb(), actor, target) });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const target = actionTarget(getDb(), idParam(event.params.id));
	const { body } = await readBody(event.request, commentCreateSchema);
	return json(postComment(getDb(), actor, target, body), { status: 201 });
});
