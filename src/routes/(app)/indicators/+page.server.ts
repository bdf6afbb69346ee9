import { getDb } from '$lib/server/db';
import { listIndicators } from '$lib/server/indicators';
import { canImport, canManageIndicators } from '$lib/server/authz';
import { requestLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const locale = requestLocale();
	return {
		indicators: listIndicators(getDb(), locals.actor, { locale }),
		canManage: canManageIndicators(locals.actor),
		canImport: canImport(locals.actor),
		locale
	};
};
