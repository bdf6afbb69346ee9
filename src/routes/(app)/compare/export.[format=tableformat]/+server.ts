// The comparison of member states on one indicator (its ranked table) as CSV or Excel, for
// the same address as the page: ?indicator=&countries=&method= (issue 19 §5).
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { pageError, signedInOrRedirect } from '$lib/server/http/pages';
import { askedMethod } from '$lib/server/progress';
import { compareMembers, comparedMembers } from '$lib/server/progress/compare';
import { comparisonTable } from '$lib/server/exports/tables';
import { tableDownload } from '$lib/server/exports/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = signedInOrRedirect(locals.actor, url);
	const db = getDb();
	const locale = requestLocale();
	const code = url.searchParams.get('indicator') ?? '';
	const { chosen } = comparedMembers(
		db,
		url.searchParams.getAll('countries').flatMap((v) => v.split(',')),
		locale
	);
	try {
		const comparison = compareMembers(
			db,
			actor,
			code,
			chosen.map((c) => c.iso3),
			{ locale, method: askedMethod(url) }
		);
		return tableDownload(
			params.format,
			comparisonTable(comparison),
			{
				title: `Avance: ${comparison.indicator.code} ${comparison.indicator.name}, member states compared`,
				source: 'Avance, RCM Special Declaration on the Global Compact for Migration',
				licence: 'Internal working data: not for publication before validation',
				url: new URL(`/compare${url.search}`, url).href
			},
			`avance-compare-${comparison.indicator.code}`
		);
	} catch (e) {
		pageError(e);
	}
};
