import { getDb } from '$lib/server/db';
import { getEdition } from '$lib/server/editions';
import { pageError } from '$lib/server/http/pages';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params }) => {
	try {
		return { edition: getEdition(getDb(), locals.actor, params.slug) };
	} catch (e) {
		pageError(e);
	}
};
