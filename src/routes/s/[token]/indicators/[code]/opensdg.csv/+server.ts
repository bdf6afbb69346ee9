// One indicator's validated values in the Open SDG CSV format (see openSdgCsv), for national
// reporting platforms; a country link gives that country's values only.
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import {
	downloadHeaders,
	openSdgCsv,
	openSdgFileName,
	scopedIndicator,
	validatedObservations
} from '$lib/server/open-data/open-data';
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
	return new Response(openSdgCsv(indicator, observations), {
		headers: downloadHeaders('csv', openSdgFileName(indicator.code), `/s/${params.token}/data.json`)
	});
};
