import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { redirect } from '@sveltejs/kit';
import { requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import { scopeReport } from '$lib/server/reports/report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const link = requireShare(locals);
	const locale = requestLocale();
	// A link to an edition: the edition's DOCX report (or the country's annex), never live data.
	if (link.edition) {
		const at = `/s/${params.token}/edition`;
		if (link.scope.type === 'framework') redirect(307, `${at}/report.docx?lang=${locale}`);
		if (link.scope.type === 'country')
			redirect(307, `${at}/annex/${link.scope.target}.docx?lang=${locale}`);
		sharedNotFound();
	}
	return {
		report: scopeReport(getDb(), link, locale),
		generatedAt: new Date().toISOString()
	};
};
