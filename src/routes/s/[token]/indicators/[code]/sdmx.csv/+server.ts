// One indicator's validated values as SDMX-CSV (see lib/server/sdmx), for statistical
// systems; a country link gives that country's values only.
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import {
	downloadHeaders,
	scopedIndicator,
	validatedObservations
} from '$lib/server/open-data/open-data';
import { sdmxFileName, validatedSdmxCsv } from '$lib/server/sdmx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const link = requireShare(locals);
	// A link to an edition offers the edition's data.json only (never live values).
	if (link.edition) sharedNotFound();
	const db = getDb();
	const indicator = scopedIndicator(db, link, params.code, requestLocale(), { forCountry: true });
	if (!indicator) sharedNotFound();
	const country = link.scope.type === 'country' ? link.scope.target : null;
	const observations = validatedObservations(db, [indicator.code], { country, asOf: link.asOf });
	return new Response(validatedSdmxCsv(db, indicator, observations), {
		headers: downloadHeaders(
			'csv',
			sdmxFileName(indicator.code, country),
			`/s/${params.token}/data.json`
		)
	});
};
