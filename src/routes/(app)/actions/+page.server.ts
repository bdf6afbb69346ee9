import { getDb } from '$lib/server/db';
import { listActions, PAGE_SIZE } from '$lib/server/actions';
import { listArticles } from '$lib/server/declaration/articles';
import { gcmObjectiveTitles } from '$lib/server/declaration/objectives';
import { countryName, listCountries } from '$lib/server/declaration/countries';
import { canEdit } from '$lib/server/auth/authz';
import { requestLocale } from '$lib/server/http/locale';
import { lenientQuery } from '$lib/server/actions/forms';
import { actionQuerySchema } from '$lib/schemas/actions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const locale = requestLocale();
	const query = lenientQuery(url, actionQuerySchema, ['limit', 'cursor', 'lang']);
	const list = listActions(db, locals.actor, { ...query, limit: PAGE_SIZE });
	const actor = locals.actor!;
	return {
		query,
		list: {
			...list,
			items: list.items.map((a) => ({
				...a,
				countryName: a.country ? countryName(a.country, locale) : null
			}))
		},
		page: query.page ?? 1,
		pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
		articles: listArticles(db, locale).map((a) => ({ number: a.number, title: a.title })),
		objectives: Object.entries(gcmObjectiveTitles(db, locale)).map(([n, title]) => ({
			number: Number(n),
			title
		})),
		countries: listCountries(db, { member: true, locale }).map((c) => ({
			iso3: c.iso3,
			name: c.name
		})),
		canCreate: canEdit(actor, null)
	};
};
