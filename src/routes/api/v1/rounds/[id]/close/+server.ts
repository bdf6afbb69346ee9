import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { closeRound } from '$lib/server/desk/rounds';
import { idParam } from '$lib/server/http/params';

export const POST = api(async (event) =>
	json(closeRound(getDb(), actorOf(event), idParam(event.params.id)))
);
