import { error, fail, redirect } from '@sveltejs/kit';
import { isAppError } from '$lib/server/http/errors';
import { nationalApprovalOverview, setNationalApproval } from '$lib/server/review/national';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { canManageUsers } from '$lib/server/auth/authz';
import { createUser, listUsers } from '$lib/server/accounts/users';
import { countryName, listCountries } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { USER_FIELD_MESSAGES, formFailure, text, texts } from '$lib/server/actions/forms';
import { userCreateSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';
import { preparePasswordCheck } from '$lib/server/accounts/password-strength';

export const load: PageServerLoad = async ({ locals }) => {
	preparePasswordCheck();
	if (!canManageUsers(locals.actor))
		error(403, { message: 'Only the secretariat manages accounts.' });
	const db = getDb();
	const locale = requestLocale();
	return {
		users: listUsers(db, locals.actor).map((u) => ({
			...u,
			countryNames: u.countries.map((c) => countryName(c, locale))
		})),
		countries: listCountries(db, { member: true, locale }).map((c) => ({
			iso3: c.iso3,
			name: c.name
		})),
		me: locals.actor!.id,
		// Issue 17 §6: national approval per member state, with its focal points.
		national: nationalApprovalOverview(db, locals.actor)
			.map((r) => ({ ...r, countryName: countryName(r.country, locale) }))
			.sort((a, b) => a.countryName.localeCompare(b.countryName, locale))
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const values = {
			name: text(form, 'name'),
			email: text(form, 'email'),
			role: text(form, 'role'),
			countries: texts(form, 'countries'),
			active: form.get('active') === 'on'
		};
		try {
			const input = userCreateSchema.parse({
				...values,
				password: text(form, 'password'),
				countries: values.countries
			});
			await createUser(getDb(), locals.actor, input);
		} catch (e) {
			return formFailure('create', e, values, {
				fields: USER_FIELD_MESSAGES,
				conflict: () => m.users_err_email_taken()
			});
		}
		redirect(303, localizeHref('/users?saved=created'));
	},
	national: async ({ request, locals }) => {
		const form = await request.formData();
		const iso3 = text(form, 'country').toUpperCase();
		const on = text(form, 'nationalApproval') === 'on';
		try {
			setNationalApproval(getDb(), locals.actor, iso3, on);
		} catch (e) {
			if (isAppError(e)) return fail(e.status, { nationalError: e.message });
			throw e;
		}
		redirect(303, localizeHref(`/users?national=${iso3}-${on ? 'on' : 'off'}#national`));
	}
};
