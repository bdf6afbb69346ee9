import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { canEdit } from '$lib/server/auth/authz';
import { createAction } from '$lib/server/actions';
import { requestLocale } from '$lib/server/http/locale';
import {
	ACTION_FIELD_MESSAGES,
	actionFormValues,
	actionInputFrom,
	formFailure,
	type ActionFormValues
} from '$lib/server/actions/forms';
import { actionCreateSchema } from '$lib/schemas/actions';
import { actionFormChoices } from '../choices';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = locals.actor!;
	if (!canEdit(actor, null)) error(403, { message: 'Viewers cannot create actions.' });
	const choices = actionFormChoices(getDb(), actor, requestLocale());
	const country = url.searchParams.get('country')?.toUpperCase() ?? '';
	const article = url.searchParams.get('article') ?? '';
	const values: ActionFormValues = {
		title: '',
		description: '',
		country: choices.countries.some((c) => c.iso3 === country)
			? country
			: choices.countries.length === 1
				? choices.countries[0].iso3
				: '',
		articles: /^\d{1,2}$/.test(article) ? [article] : [],
		leadAgency: '',
		status: 'planned',
		percentComplete: '0',
		startDate: '',
		dueDate: '',
		completedOn: '',
		indicators: [],
		language: requestLocale(),
		version: ''
	};
	return { choices, values };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = actionFormValues(await request.formData());
		let id: number;
		try {
			const input = actionCreateSchema.parse(actionInputFrom(values));
			id = createAction(getDb(), locals.actor, input).id;
		} catch (e) {
			return formFailure('action', e, values, { fields: ACTION_FIELD_MESSAGES });
		}
		redirect(303, localizeHref(`/actions/${id}?saved=created`));
	}
};
