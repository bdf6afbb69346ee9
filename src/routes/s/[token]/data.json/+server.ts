// The scope's validated data as JSON (licence, source, generatedAt and dataVersion included).
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireShare } from '$lib/server/sharing/shared-pages';
import { downloadHeaders, openDataset, scopeFileName } from '$lib/server/open-data/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => {
	const link = requireShare(locals);
	// A link to an edition: the edition's frozen data, never the live data.
	if (link.edition) redirect(307, `/s/${params.token}/edition/data.json`);
	const dataset = openDataset(getDb(), link, requestLocale());
	return new Response(JSON.stringify(dataset, null, '\t') + '\n', {
		headers: downloadHeaders('json', scopeFileName(link, 'json'))
	});
};
