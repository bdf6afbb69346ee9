import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { canManageUsers } from '$lib/server/auth/authz';
import { getUser, updateUser, type UserRecord } from '$lib/server/accounts/users';
import { listCountries } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { pageError } from '$lib/server/http/pages';
import { AppError } from '$lib/server/http/errors';
import { USER_FIELD_MESSAGES, formFailure, text, texts } from '$lib/server/actions/forms';
import { userPatchSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';
import { preparePasswordCheck } from '$lib/server/accounts/password-strength';

export const load: PageServerLoad = async ({ locals, params }) => {
	preparePasswordCheck();
	if (!canManageUsers(locals.actor))
		error(403, { message: 'Only the secretariat manages accounts.' });
	let u: UserRecord;
	try {
		u = getUser(getDb(), locals.actor, params.id);
	} catch (e) {
		pageError(e);
	}
	return {
		user: u,
		countries: listCountries(getDb(), { member: true, locale: requestLocale() }).map((c) => ({
			iso3: c.iso3,
			name: c.name
		})),
		isMe: u.id === locals.actor!.id
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = {
			name: text(form, 'name'),
			email: text(form, 'email'),
			role: text(form, 'role'),
			countries: texts(form, 'countries'),
			active: form.get('active') === 'on',
			version: text(form, 'version')
		};
		const password = text(form, 'password');
		try {
			const input = userPatchSchema.parse({
				version: Number(values.version),
				name: values.name,
				email: values.email,
				role: values.role,
				countries: values.countries,
				active: values.active,
				...(password ? { password } : {})
			});
			await updateUser(getDb(), locals.actor, params.id, input);
		} catch (e) {
			if (e instanceof AppError && e.status === 409 && e.details) {
				// Stale: show the current account, nothing was saved.
				const current = (e.details as { current: UserRecord }).current;
				return formFailure(
					'user',
					e,
					{ ...current, version: String(current.version) },
					{ conflict: () => m.users_err_conflict() }
				);
			}
			return formFailure('user', e, values, {
				fields: USER_FIELD_MESSAGES,
				conflict: () => m.users_err_email_taken()
			});
		}
		redirect(303, localizeHref('/users?saved=saved'));
	}
};
