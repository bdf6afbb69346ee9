import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { canEdit } from '$lib/server/auth/authz';
import { getAction, updateAction, type ConflictDetails } from '$lib/server/actions';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { pageError } from '$lib/server/http/pages';
import { AppError } from '$lib/server/http/errors';
import {
	ACTION_FIELD_MESSAGES,
	actionFormValues,
	actionInputFrom,
	actionValuesOf,
	formFailure
} from '$lib/server/actions/forms';
import { actionPatchSchema } from '$lib/schemas/actions';
import { actionFormChoices } from '../../choices';
import type { Actions, PageServerLoad } from './$types';

function actionId(raw: string): number {
	if (!/^\d{1,9}$/.test(raw)) error(404, { message: 'Not found' });
	return Number(raw);
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = getDb();
	const actor = locals.actor!;
	let action;
	try {
		action = getAction(db, actor, actionId(params.id));
	} catch (e) {
		pageError(e);
	}
	if (!canEdit(actor, action.country) || action.showingValidated) {
		error(403, { message: 'You may not change this action.' });
	}
	if (action.deletedAt) redirect(303, localizeHref(`/actions/${action.id}`));
	const locale = requestLocale();
	const choices = actionFormChoices(db, actor, locale);
	// An action of a country the editor does not cover (an admin's choice list covers all).
	if (action.country && !choices.countries.some((c) => c.iso3 === action.country)) {
		choices.countries.push({ iso3: action.country, name: countryName(action.country, locale) });
	}
	return {
		action: { id: action.id, title: action.title },
		values: actionValuesOf(action),
		choices
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const values = actionFormValues(await request.formData());
		try {
			const input = actionPatchSchema.parse(actionInputFrom(values, { withVersion: true }));
			updateAction(getDb(), locals.actor, id, input);
		} catch (e) {
			if (e instanceof AppError && e.status === 409 && e.details) {
				// Keep the editor's values; the next save is based on the version they now saw.
				const details = e.details as ConflictDetails;
				return formFailure(
					'action',
					e,
					{ ...values, version: String(details.currentVersion) },
					{ conflict: (err) => err.message }
				);
			}
			return formFailure('action', e, values, {
				fields: ACTION_FIELD_MESSAGES,
				conflict: (err) => err.message
			});
		}
		redirect(303, localizeHref(`/actions/${id}?saved=saved`));
	}
};
