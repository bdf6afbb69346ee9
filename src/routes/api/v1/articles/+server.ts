import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { getArticle, listArticles } from '$lib/server/declaration/articles';
import { localeQuery } from '$lib/schemas/common';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { lang } = readQuery(event.url, localeQuery);
	const db = getDb();
	// Each item carries its text and references, as GET /articles/{n} does.
	const items = listArticles(db, lang).map((a) => getArticle(db, a.number, lang, actor));
	return json({ items });
});
