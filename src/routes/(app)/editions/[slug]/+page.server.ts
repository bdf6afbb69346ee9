import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { editionOverview, editionSnapshot } from '$lib/server/editions';
import { pageError } from '$lib/server/http/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	await parent(); // the layout checked the reader and the edition
	try {
		return { overview: editionOverview(editionSnapshot(getDb(), params.slug), requestLocale()) };
	} catch (e) {
		pageError(e);
	}
};
