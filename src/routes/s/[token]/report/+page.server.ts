import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { readOptions, requireShare } from '$lib/server/sharing/shared-pages';
import { scopeReport } from '$lib/server/reports/report';
import { publishedActionsRegionMap, verdictsRegionMap } from '$lib/server/maps/entries';
import { indicatorVerdicts } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const link = requireShare(locals);
	const locale = requestLocale();
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
