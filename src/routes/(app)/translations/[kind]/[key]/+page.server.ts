import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import {
	getTranslatable,
	saveTranslations,
	type TranslatableItem
} from '$lib/server/translations/translations';
import { isAppError } from '$lib/server/http/errors';
import { storageFault } from '$lib/server/health/faults';
import { pageError } from '$lib/server/http/pages';
import {
	TRANSLATED_LOCALES,
	TRANSLATION_FIELDS,
	saveTranslationsSchema,
	translationKindSchema
} from '$lib/schemas/translations';
import { fieldErrors } from '$lib/i18n/validation';
import { appErrorMessage } from '$lib/i18n/errors';
import type { Actions, PageServerLoad } from './$types';

function kindOf(param: string) {
	const kind = translationKindSchema.safeParse(param);
	if (!kind.success) error(404, 'Not found');
	return kind.data;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return {
			item: getTranslatable(getDb(), locals.actor, kindOf(params.kind), params.key),
			saved: url.searchParams.has('saved')
		};
	} catch (e) {
		pageError(e);
	}
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const kind = kindOf(params.kind);
		const form = await request.formData();
		const values: Record<string, Record<string, string>> = { es: {}, fr: {} };
		for (const locale of TRANSLATED_LOCALES) {
			for (const field of TRANSLATION_FIELDS) {
				const v = form.get(`${locale}.${field}`);
				if (typeof v === 'string') values[locale][field] = v;
			}
		}
		const parsed = saveTranslationsSchema.safeParse({
			version: String(form.get('version') ?? ''),
			values
		});
		if (!parsed.success) {
			const errors = Object.fromEntries(
				Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [k.replace(/^values\./, ''), v])
			);
			return fail(400, { values, errors, conflict: null, message: null });
		}
		try {
			saveTranslations(getDb(), locals.actor, kind, params.key, parsed.data);
		} catch (e) {
			if (isAppError(e) && e.status === 409) {
				return fail(409, {
					values,
					errors: {},
					conflict: e.details as TranslatableItem,
					message: appErrorMessage(e)
				});
			}
			if (isAppError(e) && e.status === 422) {
				const errors = Object.fromEntries(
					e.issues.map((i) => [i.path.replace(/^values\./, ''), appErrorMessage(e)])
				);
				return fail(422, { values, errors, conflict: null, message: appErrorMessage(e) });
			}
			const fault = storageFault(e);
			if (fault) {
				return fail(fault.status, {
					values,
					errors: {},
					conflict: null,
					message: appErrorMessage(fault)
				});
			}
			pageError(e);
		}
		redirect(303, localizeHref(`/translations/${kind}/${encodeURIComponent(params.key)}?saved=1`));
	}
};
