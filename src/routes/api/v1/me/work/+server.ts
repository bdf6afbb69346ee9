import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { myWork } from '$lib/server/desk/work';

export const GET = api(async (event) => json(myWork(getDb(), actorOf(event))));
