import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { assert, type Actor } from '$lib/server/auth/authz';
import { pageError } from '$lib/server/http/pages';
import { getImportProfile } from '$lib/server/import/profiles';
import { check, editorChoices, save, sheets, upload } from '../editor-actions';
import { valuesOfProfile } from '../profile-form';
import type { Actions, PageServerLoad } from './$types';

/** The profile's id from the URL; 404 when it is not one. */
function idOf(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, { message: m.app_error_not_found() });
	return id;
}

function profileValues(actor: Actor | null, raw: string) {
	const profile = getImportProfile(getDb(), actor, idOf(raw));
	assert.manageImportProfile(actor, profile.createdBy);
	return { id: profile.id, values: valuesOfProfile(profile) };
}

/** The saved profile's values (a new file keeps them); its error page when it cannot be. */
function savedValues(actor: Actor, raw: string) {
	try {
		return profileValues(actor, raw).values;
	} catch (e) {
		pageError(e);
	}
}

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const { id, values } = profileValues(locals.actor, params.id);
		return { id, values, ...editorChoices(locals.actor) };
	} catch (e) {
		pageError(e);
	}
};

function signedIn(actor: Actor | null, id: string): Actor {
	if (!actor)
		redirect(
			303,
			localizeHref(`/signin?redirectTo=${encodeURIComponent(`/imports/profiles/${id}`)}`)
		);
	return actor;
}

export const actions: Actions = {
	upload: async ({ request, locals, params }) => {
		const actor = signedIn(locals.actor, params.id);
		return upload(actor, request, savedValues(actor, params.id));
	},
	check: async ({ request, locals, params }) => check(signedIn(locals.actor, params.id), request),
	save: async ({ request, locals, params }) =>
		save(signedIn(locals.actor, params.id), request, idOf(params.id)),
	sheets: async ({ request, locals, params }) => {
		signedIn(locals.actor, params.id);
		return sheets(request);
	}
};
