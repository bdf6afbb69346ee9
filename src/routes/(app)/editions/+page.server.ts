import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/authz';
import { isAppError } from '$lib/server/http/errors';
import { createEdition, listEditions } from '$lib/server/editions';
import { pageError } from '$lib/server/http/pages';
import { localizedIssues } from '$lib/i18n/validation';
import { appErrorMessage } from '$lib/i18n/errors';
import { localizeHref } from '$lib/paraglide/runtime';
import { editionCreateSchema } from '$lib/schemas/editions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const from = url.searchParams.get('from');
	const to = url.searchParams.get('to');
	if (from && to) redirect(303, localizeHref(`/editions/${from}/diff/${to}`));
	try {
		return { editions: listEditions(getDb(), locals.actor), canMake: isAdmin(locals.actor) };
	} catch (e) {
		pageError(e);
	}
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { name: String(form.get('name') ?? ''), asOf: String(form.get('asOf') ?? '') };
		const parsed = editionCreateSchema.safeParse({
			name: values.name,
			asOf: values.asOf || null
		});
		const errorsOf = (issues: { path: string; message: string }[]) =>
			Object.fromEntries(issues.map((i) => [i.path, i.message]));
		if (!parsed.success)
			return fail(400, { values, errors: errorsOf(localizedIssues(parsed.error)) });
		try {
			return { created: createEdition(getDb(), locals.actor, parsed.data) };
		} catch (e) {
			if (isAppError(e))
				return fail(e.status, {
					values,
					errors: e.issues.length ? errorsOf(e.issues) : { name: appErrorMessage(e) }
				});
			throw e;
		}
	}
};
