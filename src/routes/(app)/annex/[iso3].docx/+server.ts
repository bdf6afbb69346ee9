import { getDb } from '$lib/server/db';
import { docxResponse, docxLang } from '$lib/server/reports/docx-http';
import { countryAnnex } from '$lib/server/reports/annex-docx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	docxResponse(event, () =>
		countryAnnex(getDb(), event.locals.actor, null, event.params.iso3, docxLang(event.url))
	);
