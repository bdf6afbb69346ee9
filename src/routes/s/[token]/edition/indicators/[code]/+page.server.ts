// One indicator of a link to an edition, from the frozen snapshot (issue 18).
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireEditionLink, sharedEditionIndicator } from '$lib/server/sharing/shared-edition';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	frozen: sharedEditionIndicator(getDb(), requireEditionLink(locals), params.code, requestLocale())
});
