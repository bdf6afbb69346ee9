import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import {
	getTranslatable,
	saveTranslations,
	translationKindOf
} from '$lib/server/translations/translations';
import { saveTranslationsSchema } from '$lib/schemas/translations';

/** Admins: one item (article number, indicator code or reference id) with its translations. */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json(
		getTranslatable(getDb(), actor, translationKindOf(event.params.kind), event.params.key ?? '')
	);
});

/**
 * Admins: `{ version, values: { es?: {field: text|null}, fr?: {…} } }`; a stale version is a
 * 409 with the current item in `details`; answers the item as saved.
 */
export const PATCH = api(async (event) => {
	const actor = actorOf(event);
	const kind = translationKindOf(event.params.kind);
	const body = await readBody(event.request, saveTranslationsSchema);
	return json(saveTranslations(getDb(), actor, kind, event.params.key ?? '', body));
});
