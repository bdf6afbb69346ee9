import { getDb } from '$lib/server/db';
import { listIndicators } from '$lib/server/indicators/catalogue';
import { canImport, canManageIndicators } from '$lib/server/auth/authz';
import { requestLocale } from '$lib/server/http/locale';
import { indicatorAlerts } from '$lib/server/progress';
import { readThrough } from '$lib/server/cache';
import { fail } from '@sveltejs/kit';
import { siteDefaultMethod } from '$lib/server/progress/verdicts';
import { updateSiteSettings } from '$lib/server/progress/site-settings';
import { isAppError } from '$lib/server/http/errors';
import { appErrorMessage } from '$lib/i18n/errors';
import { siteSettingsSchema } from '$lib/schemas/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const locale = requestLocale();
	// ?alerts=all: the whole list of indicators off track or stale (the overview shows its start).
	const alerts =
		url.searchParams.get('alerts') === 'all'
			? readThrough(db, locals.actor, `alerts|${locale}`, () =>
					indicatorAlerts(db, locals.actor, null, { locale })
				)
			: null;
	return {
		indicators: listIndicators(db, locals.actor, { locale }),
		alerts,
		canManage: canManageIndicators(locals.actor),
		canImport: canImport(locals.actor),
		siteMethod: siteDefaultMethod(db),
		locale
	};
};

export const actions: Actions = {
	/** The site's default progress method (admins). */
	settings: async ({ request, locals }) => {
		const parsed = siteSettingsSchema.safeParse({
			defaultMethod: (await request.formData()).get('defaultMethod')
		});
		if (!parsed.success) return fail(422, { settingsError: parsed.error.issues[0].message });
		try {
			updateSiteSettings(getDb(), locals.actor, parsed.data);
		} catch (e) {
			if (isAppError(e)) return fail(e.status, { settingsError: appErrorMessage(e) });
			throw e;
		}
		return { settingsSaved: true };
	}
};
