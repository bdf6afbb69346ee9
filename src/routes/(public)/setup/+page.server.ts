import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { setupSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { createUserRecord, userCount } from '$lib/server/accounts/users';
import { signIn } from '$lib/server/auth/signin';
import { isAppError } from '$lib/server/http/errors';
import { fieldErrors } from '$lib/i18n/validation';
import { fieldErrors as issueErrors } from '$lib/server/actions/forms';
import { appErrorMessage } from '$lib/i18n/errors';
import type { Actions, PageServerLoad } from './$types';
import { preparePasswordCheck } from '$lib/server/accounts/password-strength';

// The first-run page exists only while there is no user at all.
export const load: PageServerLoad = async () => {
	preparePasswordCheck();
	if (userCount(getDb()) > 0) redirect(303, localizeHref('/signin'));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		if (userCount(db) > 0) redirect(303, localizeHref('/signin'));
		const form = await event.request.formData();
		const values = {
			name: String(form.get('name') ?? ''),
			email: String(form.get('email') ?? ''),
			password: String(form.get('password') ?? '')
		};
		const parsed = setupSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				name: values.name,
				email: values.email,
				errors: fieldErrors(parsed.error)
			});
		}
		try {
			await createUserRecord(db, null, { ...parsed.data, role: 'admin' });
		} catch (e) {
			if (isAppError(e))
				return fail(e.status, {
					name: values.name,
					email: values.email,
					// A refused password (too easy to guess) is said beside the password field.
					errors: e.issues.length ? issueErrors(e.issues) : { email: appErrorMessage(e) }
				});
			throw e;
		}
		await signIn(event, parsed.data.email, parsed.data.password);
		redirect(303, localizeHref('/'));
	}
};
