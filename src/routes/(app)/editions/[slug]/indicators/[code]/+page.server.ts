import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { editionIndicator, editionSnapshot } from '$lib/server/editions';
import { pageError } from '$lib/server/http/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	await parent(); // the layout checked the reader and the edition
	try {
		const s = editionSnapshot(getDb(), params.slug);
		return { view: editionIndicator(s, params.code, requestLocale()) };
	} catch (e) {
		pageError(e);
	}
};
