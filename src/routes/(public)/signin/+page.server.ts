import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { signInSchema } from '$lib/schemas/auth';
import { getDb } from '$lib/server/db';
import { userCount } from '$lib/server/accounts/users';
import { safeRedirect, signIn } from '$lib/server/auth/signin';
import { afterSignInTarget, landingPathOf } from '$lib/server/accounts/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor)
		redirect(303, safeRedirect(url.searchParams.get('redirectTo'), localizeHref('/')));
	if (userCount(getDb()) === 0) redirect(303, localizeHref('/setup'));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = {
			email: String(form.get('email') ?? ''),
			password: String(form.get('password') ?? '')
		};
		const parsed = signInSchema.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const i of parsed.error.issues) {
				const key = String(i.path[0]);
				errors[key] ??= key === 'email' ? m.signin_required_email() : m.signin_required_password();
			}
			return fail(400, { email: values.email, errors, message: null });
		}
		const outcome = await signIn(event, parsed.data.email, parsed.data.password);
		if (outcome !== 'ok') {
			// A deactivated account gets the wrong-password answer (auth.ts): nothing tells it exists.
			const message = outcome === 'rate_limited' ? m.signin_rate_limited() : m.signin_failed();
			return fail(outcome === 'rate_limited' ? 429 : 400, {
				email: values.email,
				errors: {} as Record<string, string>,
				message
			});
		}
		// Without a page to go back to, people land on their own work (issue 17).
		const home = localizeHref(landingPathOf(getDb(), parsed.data.email));
		const target = safeRedirect(event.url.searchParams.get('redirectTo'), home);
		redirect(303, afterSignInTarget(getDb(), event, parsed.data.email, target));
	}
};
