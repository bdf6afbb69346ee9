// The evidence list, filtered as on the page, as CSV or Excel (issue 19 §5).
import { getDb } from '$lib/server/db';
import { listEvidence } from '$lib/server/evidence';
import { lenientQuery } from '$lib/server/actions/forms';
import { evidenceTable } from '$lib/server/exports/tables';
import { tableDownload } from '$lib/server/exports/download';
import { signedInOrRedirect } from '$lib/server/http/pages';
import { evidenceQuerySchema } from '$lib/schemas/evidence';
import type { RequestHandler } from './$types';

const MAX_ROWS = 20000;

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = signedInOrRedirect(locals.actor, url);
	const query = lenientQuery(url, evidenceQuerySchema, ['limit', 'cursor', 'page']);
	const { items } = listEvidence(getDb(), actor, { ...query, limit: MAX_ROWS });
	return tableDownload(
		params.format,
		evidenceTable(items, url),
		{
			title: 'Avance: evidence (working data, as filtered)',
			source: 'Avance, RCM Special Declaration on the Global Compact for Migration',
			licence: 'Internal working data: not for publication before validation',
			url: new URL(`/evidence${url.search}`, url).href
		},
		'avance-evidence'
	);
};
