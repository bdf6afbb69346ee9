import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { diffEditions } from '$lib/server/editions';

export const GET = api(async (event) =>
	json(diffEditions(getDb(), actorOf(event), event.params.a!, event.params.b!))
);
