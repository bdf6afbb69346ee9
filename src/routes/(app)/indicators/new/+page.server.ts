import { fail, redirect } from '@sveltejs/kit';
import { appErrorMessage } from '$lib/i18n/errors';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { assert } from '$lib/server/auth/authz';
import { createIndicator } from '$lib/server/indicators/catalogue';
import { listArticles } from '$lib/server/declaration/articles';
import { requestLocale } from '$lib/server/http/locale';
import { isAppError } from '$lib/server/http/errors';
import { pageError } from '$lib/server/http/pages';
import { indicatorCreateSchema } from '$lib/schemas/indicators';
import { formErrors, indicatorInput, indicatorValues, issueErrors } from '../forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		assert.manageIndicators(locals.actor);
	} catch (e) {
		pageError(e);
	}
	const locale = requestLocale();
	return {
		locale,
		articleTitles: Object.fromEntries(listArticles(getDb(), locale).map((a) => [a.number, a.title]))
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const values = indicatorValues(await request.formData());
		const parsed = indicatorCreateSchema.safeParse(indicatorInput(values, 'create'));
		if (!parsed.success)
			return fail(422, { values, errors: formErrors(parsed.error), message: null });
		let code: string;
		try {
			code = createIndicator(getDb(), locals.actor, parsed.data).code;
		} catch (e) {
			if (isAppError(e))
				return fail(e.status, {
					values,
					errors: issueErrors(e.issues),
					message:
						e.status === 409 ? m.indicators_code_taken({ code: values.code }) : appErrorMessage(e)
				});
			throw e;
		}
		redirect(303, localizeHref(`/indicators?created=${encodeURIComponent(code)}`));
	}
};
