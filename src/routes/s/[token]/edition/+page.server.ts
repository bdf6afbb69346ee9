// The overview of a link to an edition, from the frozen snapshot (issue 18).
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireEditionLink, sharedEditionOverview } from '$lib/server/sharing/shared-edition';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const link = requireEditionLink(locals);
	// A link to one article, country or indicator opens on that page.
	if (link.scope.type !== 'framework') {
		const page = { article: 'articles', country: 'countries', indicator: 'indicators' }[
			link.scope.type
		];
		const path = url.pathname.replace(/\/$/, '');
		redirect(307, `${path}/${page}/${encodeURIComponent(link.scope.target)}${url.search}`);
	}
	return { frozen: sharedEditionOverview(getDb(), link, requestLocale()) };
};
