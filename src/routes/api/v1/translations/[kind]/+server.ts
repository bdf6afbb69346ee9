import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { listTranslatables, translationKindOf } from '$lib/server/translations/translations';

/** Admins: every item of a kind with its English and its Spanish and French texts. */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json({ items: listTranslatables(getDb(), actor, translationKindOf(event.params.kind)) });
});
