import { getDb } from '$lib/server/db';
import { listTranslatables } from '$lib/server/translations/translations';
import { pageError } from '$lib/server/http/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		const db = getDb();
		return {
			articles: listTranslatables(db, locals.actor, 'articles'),
			indicators: listTranslatables(db, locals.actor, 'indicators'),
			references: listTranslatables(db, locals.actor, 'references')
		};
	} catch (e) {
		pageError(e);
	}
};
