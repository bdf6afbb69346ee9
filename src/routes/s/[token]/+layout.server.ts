import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { lastValidatedAt } from '$lib/server/visibility/published';
import { requireShare } from '$lib/server/sharing/shared-pages';
import { linkEdition } from '$lib/server/sharing/shared-edition';
import { isDemoData } from '$seed/demo';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, setHeaders }) => {
	const link = requireShare(locals);
	setHeaders({ 'x-robots-tag': 'noindex, nofollow' });
	return {
		share: {
			token: params.token,
			scope: link.scope,
			label: link.label,
			asOf: link.asOf,
			base: `/s/${params.token}`,
			// A link to an edition (issue 18): its pages are under /s/{token}/edition/….
			edition: linkEdition(getDb(), link)
		},
		lastValidatedAt: lastValidatedAt(getDb()),
		demo: isDemoData(getDb()),
		locale: requestLocale()
	};
};
