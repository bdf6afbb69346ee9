import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { editionArticle, editionSnapshot } from '$lib/server/editions';
import { notFound } from '$lib/server/http/errors';
import { pageError } from '$lib/server/http/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	await parent(); // the layout checked the reader and the edition
	try {
		if (!/^\d{1,3}$/.test(params.n)) throw notFound(`There is no article ${params.n}.`);
		const s = editionSnapshot(getDb(), params.slug);
		return { article: editionArticle(s, Number(params.n), requestLocale()) };
	} catch (e) {
		pageError(e);
	}
};
