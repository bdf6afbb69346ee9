import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/articles';
import { requestLocale } from '$lib/server/locale';
import { requireInScope, requireShare } from '$lib/server/sharing/shared-pages';
import { sharedOverview } from '$lib/server/sharing/shared-views';
import { sharePath } from '$lib/server/sharing/share-links';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	// A link to one article, country or indicator opens on that page.
	if (link.scope.type !== 'framework') {
		redirect(
			307,
			sharePath(params.token, link.scope, requestLocale()).replace(/\?lang=\w+$/, '') + url.search
		);
	}
	requireInScope(link, { type: 'overview' });
	const db = getDb();
	const method =
		url.searchParams.get('method') === 'progress-chart' ? 'progress-chart' : 'cagr-ratio';
	return {
		framework: { title: getFramework(db).title },
		...sharedOverview(db, link, requestLocale(), method)
	};
};
