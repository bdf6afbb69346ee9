import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { changeOwnPassword } from '$lib/server/users';
import { countryName } from '$lib/server/countries';
import { requestLocale } from '$lib/server/locale';
import { USER_FIELD_MESSAGES, formFailure, text } from '$lib/server/actions/forms';
import { passwordChangeSchema } from '$lib/schemas/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const a = locals.actor!;
	const locale = requestLocale();
	return {
		me: {
			name: a.name,
			email: a.email,
			role: a.role,
			countries: a.countries.map((c) => countryName(c, locale))
		}
	};
};

export const actions: Actions = {
	password: async ({ request, locals }) => {
		const form = await request.formData();
		try {
			const input = passwordChangeSchema.parse({
				currentPassword: text(form, 'currentPassword'),
				newPassword: text(form, 'newPassword'),
				confirmPassword: text(form, 'confirmPassword')
			});
			await changeOwnPassword(getDb(), locals.actor, input, locals.sessionId);
		} catch (e) {
			// Passwords are never sent back to the page.
			return formFailure('password', e, {}, { fields: USER_FIELD_MESSAGES });
		}
		redirect(303, localizeHref('/account?saved=password'));
	}
};
