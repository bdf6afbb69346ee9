import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getArticle } from '$lib/server/articles';
import { requestLocale } from '$lib/server/locale';
import { actionsSection } from '$lib/server/actions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const n = Number(params.n);
	if (!Number.isInteger(n) || n < 1 || n > 18) error(404, 'Not found');
	return {
		article: getArticle(getDb(), n, requestLocale()),
		actions: actionsSection(getDb(), locals.actor, { article: n }, requestLocale())
	};
};
