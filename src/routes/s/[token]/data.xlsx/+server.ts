// The scope's validated data as an Excel workbook: an Actions sheet and an Observations sheet
// (the columns of the CSV files, with number and date cells) and an About sheet with the
// source and the licence.
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireShare, sharedNotFound } from '$lib/server/sharing/shared-pages';
import { openDataset, scopeFileName, LICENCE } from '$lib/server/open-data/open-data';
import { openDataXlsx } from '$lib/server/exports/open-data-xlsx';
import { xlsxHeaders } from '$lib/server/exports/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const link = requireShare(locals);
	// A link to an edition offers the edition's data.json only (never live values).
	if (link.edition) sharedNotFound();
	const dataset = openDataset(getDb(), link, requestLocale());
	const body = await openDataXlsx(dataset, new URL(`/s/${params.token}`, url).href);
	return new Response(new Uint8Array(body), {
		headers: xlsxHeaders(scopeFileName(link, 'csv').replace(/\.csv$/, '.xlsx'), {
			'x-licence': LICENCE.id,
			link: `<${LICENCE.url}>; rel="license"`
		})
	});
};
