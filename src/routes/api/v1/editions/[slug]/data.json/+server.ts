import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { editionDataText, getEdition } from '$lib/server/editions';

// The stored canonical bytes, as they are: their SHA-256 is the edition's hash.
export const GET = api(async (event) => {
	const db = getDb();
	const actor = actorOf(event);
	const text = editionDataText(db, actor, event.params.slug!);
	const { slug, hash } = getEdition(db, actor, event.params.slug!);
	return new Response(text, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `inline; filename="avance-edition-${slug}.json"`,
			etag: `"${hash}"`,
			'x-content-sha256': hash,
			'cache-control': 'private, max-age=31536000, immutable'
		}
	});
});
