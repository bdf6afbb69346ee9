import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createRound, listRounds } from '$lib/server/desk/rounds';
import { announceRound } from '$lib/server/desk/notify';
import { roundCreateSchema } from '$lib/schemas/desk';

export const GET = api(async (event) => json({ items: listRounds(getDb(), actorOf(event)) }));

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, roundCreateSchema);
	const round = createRound(getDb(), actor, body);
	announceRound(getDb(), round);
	return json(round, { status: 201 });
});
