import { getDb } from '$lib/server/db';
import { diffEditions } from '$lib/server/editions';
import { pageError } from '$lib/server/http/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	await parent();
	try {
		return { diff: diffEditions(getDb(), locals.actor, params.slug, params.b) };
	} catch (e) {
		pageError(e);
	}
};
