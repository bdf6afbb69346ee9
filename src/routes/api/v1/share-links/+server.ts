import { json } from '@sveltejs/kit';
import { api, actorOf, readBody } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { createShareLink, listShareLinks } from '$lib/server/sharing/share-links';
import { shareLinkCreateSchema } from '$lib/schemas/share-links';

export const GET = api(async (event) => {
	const items = listShareLinks(getDb(), actorOf(event));
	return json({ items });
});

export const POST = api(async (event) => {
	const actor = actorOf(event);
	const body = await readBody(event.request, shareLinkCreateSchema);
	const created = createShareLink(getDb(), actor, body);
	// The token is answered once, with the full URL; only its hash is kept.
	return json({ ...created, url: new URL(created.path, event.url.origin).href }, { status: 201 });
});
