import { getDb } from '$lib/server/db';
import { listIndicators } from '$lib/server/indicators';
import { canImport, canManageIndicators } from '$lib/server/authz';
import { requestLocale } from '$lib/server/locale';
import { indicatorAlerts } from '$lib/server/progress';
import { readThrough } from '$lib/server/cache';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const locale = requestLocale();
	// ?alerts=all: the whole list of indicators off track or stale (the overview shows its start).
	const alerts =
		url.searchParams.get('alerts') === 'all'
			? readThrough(db, locals.actor, `alerts|${locale}`, () =>
					indicatorAlerts(db, locals.actor, 'cagr-ratio', { locale })
				)
			: null;
	return {
		indicators: listIndicators(db, locals.actor, { locale }),
		alerts,
		canManage: canManageIndicators(locals.actor),
		canImport: canImport(locals.actor),
		locale
	};
};
