import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { assert, type Actor } from '$lib/server/auth/authz';
import { pageError } from '$lib/server/http/pages';
import { requestLocale } from '$lib/server/http/locale';
import { listIndicators } from '$lib/server/indicators/catalogue';
import { listCountries } from '$lib/server/declaration/countries';
import { MAX_IMPORT_BYTES } from '$lib/schemas/imports';
import { check, save, sheets, upload } from '../editor-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		assert.manageImportProfile(locals.actor);
		const locale = requestLocale();
		return {
			locale,
			indicators: listIndicators(getDb(), locals.actor, { locale }).map((i) => ({
				code: i.code,
				name: i.name
			})),
			countries: listCountries(getDb(), { locale }).map((c) => ({ iso3: c.iso3, name: c.name })),
			maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024
		};
	} catch (e) {
		pageError(e);
	}
};

function signedIn(actor: Actor | null): Actor {
	if (!actor)
		redirect(
			303,
			localizeHref(`/signin?redirectTo=${encodeURIComponent('/imports/profiles/new')}`)
		);
	return actor;
}

export const actions: Actions = {
	upload: async ({ request, locals }) => upload(signedIn(locals.actor), request, null),
	check: async ({ request, locals }) => check(signedIn(locals.actor), request),
	save: async ({ request, locals }) => save(signedIn(locals.actor), request, null),
	sheets: async ({ request, locals }) => {
		signedIn(locals.actor);
		return sheets(request);
	}
};
