import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { appErrorMessage } from '$lib/i18n/errors';
import { getDb } from '$lib/server/db';
import { assert, canManageImportProfile, type Actor } from '$lib/server/auth/authz';
import { isAppError } from '$lib/server/http/errors';
import { storageFault } from '$lib/server/health/faults';
import { pageError } from '$lib/server/http/pages';
import { deleteImportProfile, listImportProfiles } from '$lib/server/import/profiles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		assert.import(locals.actor);
		const profiles = listImportProfiles(getDb(), locals.actor).map((p) => ({
			id: p.id,
			name: p.name,
			indicator: p.indicator,
			aggregate: p.aggregate ?? null,
			updatedAt: p.updatedAt,
			columns: [
				p.period.column,
				'column' in p.geography ? p.geography.column : null,
				p.value.column
			],
			canManage: canManageImportProfile(locals.actor, p.createdBy)
		}));
		const savedId = Number(url.searchParams.get('saved'));
		return {
			profiles,
			saved: profiles.find((p) => p.id === savedId) ?? null,
			canCreate: canManageImportProfile(locals.actor, undefined)
		};
	} catch (e) {
		pageError(e);
	}
};

function signedIn(actor: Actor | null): Actor {
	if (!actor)
		redirect(303, localizeHref(`/signin?redirectTo=${encodeURIComponent('/imports/profiles')}`));
	return actor;
}

export const actions: Actions = {
	/** Deletes a profile, after the confirmation step of its row. */
	delete: async ({ request, locals }) => {
		const actor = signedIn(locals.actor);
		const form = await request.formData();
		const id = Number(form.get('id'));
		const name = String(form.get('name') ?? '');
		try {
			deleteImportProfile(getDb(), actor, id);
		} catch (e) {
			const fault = storageFault(e) ?? (isAppError(e) ? e : null);
			if (!fault) throw e;
			return fail(fault.status, { deleted: null, message: appErrorMessage(fault) });
		}
		return { deleted: name, message: null };
	}
};
