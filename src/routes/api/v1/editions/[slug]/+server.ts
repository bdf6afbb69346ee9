import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { getEdition } from '$lib/server/editions';

export const GET = api(async (event) =>
	json(getEdition(getDb(), actorOf(event), event.params.slug!))
);
