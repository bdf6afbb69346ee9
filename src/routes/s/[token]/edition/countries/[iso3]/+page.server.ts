// One member state of a link to an edition, from the frozen snapshot (issue 18).
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireEditionLink, sharedEditionCountry } from '$lib/server/sharing/shared-edition';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	frozen: sharedEditionCountry(getDb(), requireEditionLink(locals), params.iso3, requestLocale())
});
