import { json } from '@sveltejs/kit';
import { api, actorOf, readBody, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { listComments, observationGroupTarget, postComment } from '$lib/server/desk/comments';
import { commentCreateSchema, commentGroupQuery } from '$lib/schemas/desk';

/** The thread of an observation group: this indicator's values of `?country=` (or the region). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { country } = readQuery(event.url, commentGroupQuery);
	const target = observationGroupTarget(getDb(), event.params.code ?? '', country ?? null);
	return json({ items: listComments(getDb(), actor, target) });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const { country } = readQuery(event.url, commentGroupQuery);
	const target = observationGroupTarget(getDb(), event.params.code ?? '', country ?? null);
	const { body } = await readBody(event.request, commentCreateSchema);
	return json(postComment(getDb(), actor, target, body), { status: 201 });
});
