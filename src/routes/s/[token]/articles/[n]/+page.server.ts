import { editionRedirect } from '$lib/server/sharing/shared-edition';
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import {
	pageParam,
	requireInScope,
	requireShare,
	sharedNotFound
} from '$lib/server/sharing/shared-pages';
import { sharedArticle } from '$lib/server/sharing/shared-views';
import { askedMethod } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	editionRedirect(link, params.token, url);
	const n = Number(params.n);
	if (!/^\d{1,2}$/.test(params.n) || n < 1 || n > 18) sharedNotFound();
	requireInScope(link, { type: 'article', number: n });
	const method = askedMethod(url);
	// One page of actions and one of evidence (`?actions=2&evidence=3`); the rest is a link away.
	return sharedArticle(getDb(), link, n, requestLocale(), method, {
		actions: pageParam(url, 'actions'),
		evidence: pageParam(url, 'evidence')
	});
};
