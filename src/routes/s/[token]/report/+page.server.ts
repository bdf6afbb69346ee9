import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { redirect } from '@sveltejs/kit';
import { readOptions, requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import { scopeReport } from '$lib/server/reports/report';
import { publishedActionsRegionMap, verdictsRegionMap } from '$lib/server/maps/entries';
import { indicatorVerdicts } from '$lib/server/progress';
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
	const db = getDb();
	const { type, target } = link.scope;
	// Issue 19: the report carries the region map of its scope (a server-rendered SVG that
	// prints): actions completed for the framework or a country (only its own figures), the
	// member states' verdicts for an indicator.
	let map: { mode: 'share' | 'verdict'; data: ReturnType<typeof verdictsRegionMap> } | null = null;
	if (type === 'framework' || type === 'country') {
		const data = publishedActionsRegionMap(db, { asOf: link.asOf }, locale);
		if (type === 'country') data.entries = data.entries.filter((e) => e.iso3 === target);
		map = { mode: 'share', data };
	} else if (type === 'indicator') {
		const verdicts = indicatorVerdicts(db, null, target, null, readOptions(link, locale));
		map = { mode: 'verdict', data: verdictsRegionMap(db, verdicts, locale) };
	}
	return {
		report: scopeReport(db, link, locale),
		map,
		generatedAt: new Date().toISOString()
	};
};
