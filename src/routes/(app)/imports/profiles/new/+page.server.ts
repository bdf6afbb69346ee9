import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { assert, type Actor } from '$lib/server/auth/authz';
import { pageError } from '$lib/server/http/pages';
import { check, editorChoices, save, sheets, upload } from '../editor-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		assert.manageImportProfile(locals.actor);
		return editorChoices(locals.actor);
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
