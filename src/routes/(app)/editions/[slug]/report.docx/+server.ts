import { getDb } from '$lib/server/db';
import { docxResponse, docxLang } from '$lib/server/reports/docx-http';
import { editionReport } from '$lib/server/reports/report-docx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	docxResponse(event, () =>
		editionReport(getDb(), event.locals.actor, event.params.slug, docxLang(event.url))
	);
