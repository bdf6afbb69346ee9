import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { changeOwnPassword } from '$lib/server/accounts/users';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { USER_FIELD_MESSAGES, formFailure, text } from '$lib/server/actions/forms';
import { passwordChangeSchema } from '$lib/schemas/users';
import { apiKeyCreateSchema } from '$lib/schemas/api-keys';
import { createApiKey, listApiKeys, revokeApiKey } from '$lib/server/api-keys';
import { idParam } from '$lib/server/http/params';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { preparePasswordCheck } from '$lib/server/accounts/password-strength';

export const load: PageServerLoad = async ({ locals }) => {
	preparePasswordCheck();
	const a = locals.actor!;
	const locale = requestLocale();
	return {
		me: {
			name: a.name,
			email: a.email,
			role: a.role,
			countries: a.countries.map((c) => countryName(c, locale))
		},
		apiKeys: listApiKeys(getDb(), a)
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
	},
	/** A new API key: shown on the page this once (never stored, never sent again). */
	createKey: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { name: text(form, 'name'), expiresOn: text(form, 'expiresOn') };
		try {
			const input = apiKeyCreateSchema.parse({
				name: values.name,
				expiresOn: values.expiresOn || null
			});
			const created = createApiKey(getDb(), locals.actor, input);
			return { form: 'createKey', created: { name: created.name, key: created.key } };
		} catch (e) {
			return formFailure('createKey', e, values, { fields: KEY_FIELD_MESSAGES });
		}
	},
	revokeKey: async ({ request, locals }) => {
		const form = await request.formData();
		try {
			revokeApiKey(getDb(), locals.actor, idParam(text(form, 'id')));
		} catch (e) {
			return formFailure('revokeKey', e, {});
		}
		redirect(303, localizeHref('/account?saved=revoked'));
	}
};

const KEY_FIELD_MESSAGES = {
	name: () => m.apikeys_err_name(),
	expiresOn: () => m.apikeys_err_expires()
};
