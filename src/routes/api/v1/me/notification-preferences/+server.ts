import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { preferencesOf, setPreferences } from '$lib/server/desk/notify';
import { notificationPreferencesSchema } from '$lib/schemas/desk';

export const GET = api(async (event) => json(preferencesOf(getDb(), actorOf(event))));

export const PUT = api(async (event) => {
	const actor = actorOf(event);
	const prefs = await readBody(event.request, notificationPreferencesSchema);
	setPreferences(getDb(), actor, prefs);
	return json(preferencesOf(getDb(), actor));
});
