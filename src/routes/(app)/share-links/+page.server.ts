import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listArticles } from '$lib/server/declaration/articles';
import { indicatorChoices } from '$lib/server/actions';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { pageError } from '$lib/server/http/pages';
import { isAppError } from '$lib/server/http/errors';
import { localizedIssues } from '$lib/i18n/validation';
import { appErrorMessage } from '$lib/i18n/errors';
import { m } from '$lib/paraglide/messages';
import {
	createShareLink,
	listShareLinks,
	revokeShareLink,
	shareTargets
} from '$lib/server/sharing/share-links';
import { shareLinkCreateSchema } from '$lib/schemas/share-links';
import { listEditions } from '$lib/server/editions/editions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const locale = requestLocale();
	try {
		const articles = listArticles(db, locale).map((a) => ({ number: a.number, title: a.title }));
		const indicatorNames = new Map(indicatorChoices(db, locale).map((i) => [i.code, i.name]));
		return {
			targets: shareTargets(db, locals.actor, articles, (iso3) => countryName(iso3, locale)).map(
				(t) =>
					t.label.kind === 'indicator'
						? { ...t, label: { ...t.label, name: indicatorNames.get(t.target) ?? t.label.name } }
						: t
			),
			links: listShareLinks(db, locals.actor),
			editions: listEditions(db, locals.actor).map((e) => ({
				slug: e.slug,
				name: e.name,
				asOf: e.asOf
			})),
			locale
		};
	} catch (e) {
		pageError(e);
	}
};

function errorsOf(issues: { path: string; message: string }[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues)
		out[i.path === 'scopeTarget' || i.path === 'scopeType' ? 'scope' : i.path] ??= i.message;
	return out;
}

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const form = await request.formData();
		const scope = String(form.get('scope') ?? '');
		const sep = scope.indexOf(':');
		const values = {
			scope,
			label: String(form.get('label') ?? ''),
			locale: String(form.get('locale') ?? 'en'),
			expiresOn: String(form.get('expiresOn') ?? ''),
			asOf: String(form.get('asOf') ?? ''),
			edition: String(form.get('edition') ?? '')
		};
		const parsed = shareLinkCreateSchema.safeParse({
			scopeType: sep > 0 ? scope.slice(0, sep) : undefined,
			scopeTarget: sep > 0 ? scope.slice(sep + 1) : '',
			label: values.label,
			locale: values.locale,
			expiresOn: values.expiresOn || null,
			asOf: values.asOf || null,
			edition: values.edition || null
		});
		if (!parsed.success)
			return fail(400, { values, errors: errorsOf(localizedIssues(parsed.error)) });
		try {
			const created = createShareLink(getDb(), locals.actor, parsed.data);
			return {
				created: { ...created, url: new URL(created.path, url.origin).href, origin: url.origin }
			};
		} catch (e) {
			if (isAppError(e))
				return fail(e.status, {
					values,
					errors: {
						...errorsOf(e.issues.map((i) => ({ ...i, message: m.v_invalid_value() }))),
						form: appErrorMessage(e)
					}
				});
			throw e;
		}
	},
	revoke: async ({ request, locals }) => {
		const form = await request.formData();
		const id = Number(form.get('id'));
		const label = String(form.get('label') ?? '');
		try {
			revokeShareLink(getDb(), locals.actor, id);
			return { revoked: label };
		} catch (e) {
			if (isAppError(e)) return fail(e.status, { errors: { form: appErrorMessage(e) } });
			throw e;
		}
	}
};
