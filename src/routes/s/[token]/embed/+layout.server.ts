// Embeds (/s/{token}/embed/…): chart-only pages that other sites may frame (hooks relax
// frame-ancestors for these paths only). Their layout resets to the root one, so the shared
// layout's load does not run: the link is checked here.
import { requestLocale } from '$lib/server/http/locale';
import { requireShare } from '$lib/server/sharing/shared-pages';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, setHeaders }) => {
	const link = requireShare(locals);
	setHeaders({ 'x-robots-tag': 'noindex, nofollow' });
	return {
		share: { base: `/s/${params.token}`, asOf: link.asOf },
		locale: requestLocale()
	};
};
