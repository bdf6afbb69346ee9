// The scope's validated data as CSV: actions and observations in one long table, or one of
// them with ?table=actions | ?table=observations. The licence travels in the response headers
// (`X-Licence`, `Link: <…>; rel="license"`) so that the file itself stays a plain table.
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import {
	datasetCsv,
	downloadHeaders,
	openDataset,
	scopeFileName,
	type CsvTable
} from '$lib/server/open-data/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) => {
	const link = requireShare(locals);
	// A link to an edition offers the edition's data.json only (never live values).
	if (link.edition) sharedNotFound();
	const asked = url.searchParams.get('table');
	const table: CsvTable = asked === 'actions' || asked === 'observations' ? asked : 'all';
	const dataset = openDataset(getDb(), link, requestLocale());
	return new Response(datasetCsv(dataset, table), {
		headers: downloadHeaders(
			'csv',
			scopeFileName(link, 'csv', table === 'all' ? '' : table),
			`/s/${params.token}/data.json`
		)
	});
};
