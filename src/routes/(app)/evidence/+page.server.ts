import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { canEdit } from '$lib/server/auth/authz';
import { addEvidence, listEvidence } from '$lib/server/evidence';
import { listArticles, isoToday } from '$lib/server/declaration/articles';
import { countryName, listCountries } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { formFailure, lenientQuery, orNull, text } from '$lib/server/actions/forms';
import { evidenceCreateSchema, evidenceQuerySchema } from '$lib/schemas/evidence';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const locale = requestLocale();
	const query = lenientQuery(url, evidenceQuerySchema, ['limit', 'cursor']);
	const list = listEvidence(db, locals.actor, { ...query, limit: PAGE_SIZE });
	return {
		query,
		list: {
			...list,
			items: list.items.map((e) => ({
				...e,
				countryName: e.country ? countryName(e.country, locale) : null
			}))
		},
		page: query.page ?? 1,
		pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
		articles: listArticles(db, locale).map((a) => ({ number: a.number, title: a.title })),
		countries: listCountries(db, { member: true, locale }).map((c) => ({
			iso3: c.iso3,
			name: c.name
		})),
		canAdd: canEdit(locals.actor, null),
		today: isoToday()
	};
};

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const form = await request.formData();
		const values = {
			article: text(form, 'article'),
			url: text(form, 'url'),
			title: text(form, 'title'),
			kind: text(form, 'kind'),
			publishedOn: text(form, 'publishedOn'),
			note: text(form, 'note')
		};
		try {
			const input = evidenceCreateSchema.parse({
				url: values.url,
				title: values.title,
				kind: values.kind || undefined,
				publishedOn: orNull(values.publishedOn),
				note: orNull(values.note),
				target: { type: 'article', id: Number(values.article) || 0 }
			});
			addEvidence(getDb(), locals.actor, input);
		} catch (e) {
			const failure = formFailure('add', e, values, {
				fields: { target: () => m.evidence_err_target() },
				conflict: (err) =>
					m.evidence_err_duplicate({
						title:
							(err.details as { duplicateOf?: { title?: string } } | undefined)?.duplicateOf
								?.title ?? ''
					})
			});
			// The target of this form is the article field.
			const errors = failure.data.errors as Record<string, string>;
			if (errors.target) errors.article = errors.target;
			return failure;
		}
		redirect(303, localizeHref(`/evidence?saved=added&article=${values.article}`));
	}
};
