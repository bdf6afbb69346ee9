// The DOCX annex of one member state for a link to an edition, from the frozen snapshot.
import { getDb } from '$lib/server/db';
import { docxLang, docxResponse } from '$lib/server/reports/docx-http';
import { requireEditionLink, sharedEditionDocx } from '$lib/server/sharing/shared-edition';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const link = requireEditionLink(event.locals);
	const made = await sharedEditionDocx(getDb(), link, event.params.iso3, docxLang(event.url));
	return docxResponse(event, async () => made);
};
