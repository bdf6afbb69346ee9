import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { getArticle } from '$lib/server/declaration/articles';
import { badRequest } from '$lib/server/http/errors';
import { localeQuery } from '$lib/schemas/common';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	const { lang } = readQuery(event.url, localeQuery);
	const n = event.params.n ?? '';
	if (!/^\d{1,3}$/.test(n)) {
		throw badRequest('The article number must be a whole number from 1 to 18.', [
			{ path: 'n', message: 'Expected a whole number from 1 to 18.' }
		]);
	}
	return json(getArticle(getDb(), Number(n), lang, actor));
});
