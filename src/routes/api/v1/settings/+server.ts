import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { siteSettings, updateSiteSettings } from '$lib/server/progress/site-settings';
import { siteSettingsPatchSchema } from '$lib/schemas/settings';

export const GET = api(async (event) => json(siteSettings(getDb(), actorOf(event))));

export const PATCH = api(async (event) => {
	const body = await readBody(event.request, siteSettingsPatchSchema);
	return json(updateSiteSettings(getDb(), actorOf(event), body));
});
