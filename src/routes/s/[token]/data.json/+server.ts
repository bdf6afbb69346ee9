// The scope's validated data as JSON (licence, source, generatedAt and dataVersion included).
import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { requireShare } from '$lib/server/sharing/shared-pages';
import { downloadHeaders, openDataset, scopeFileName } from '$lib/server/open-data/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	const link = requireShare(locals);
	const dataset = openDataset(getDb(), link, requestLocale());
	return new Response(JSON.stringify(dataset, null, '\t') + '\n', {
		headers: downloadHeaders('json', scopeFileName(link, 'json'))
	});
};
