// One article of a link to an edition, from the frozen snapshot (issue 18).
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { sharedNotFound } from '$lib/server/sharing/shared-pages';
import { requireEditionLink, sharedEditionArticle } from '$lib/server/sharing/shared-edition';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const link = requireEditionLink(locals);
	if (!/^\d{1,3}$/.test(params.n)) sharedNotFound();
	return { frozen: sharedEditionArticle(getDb(), link, Number(params.n), requestLocale()) };
};
