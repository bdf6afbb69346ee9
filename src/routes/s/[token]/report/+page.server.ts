import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireShare } from '$lib/server/sharing/shared-pages';
import { scopeReport } from '$lib/server/reports/report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const link = requireShare(locals);
	const locale = requestLocale();
	return {
		report: scopeReport(getDb(), link, locale),
		generatedAt: new Date().toISOString()
	};
};
