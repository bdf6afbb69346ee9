// A reporting round's completeness (member state × article and indicator) as CSV or Excel
// (issue 19 §5).
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getRound, roundCompleteness } from '$lib/server/desk/rounds';
import { pageError, signedInOrRedirect } from '$lib/server/http/pages';
import { completenessTable } from '$lib/server/exports/tables';
import { tableDownload } from '$lib/server/exports/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = signedInOrRedirect(locals.actor, url);
	if (!/^\d{1,9}$/.test(params.id)) error(404, { message: 'Not found.' });
	try {
		const db = getDb();
		const round = getRound(db, actor, Number(params.id));
		return tableDownload(
			params.format,
			completenessTable(roundCompleteness(db, actor, round.id)),
			{
				title: `Avance: completeness of the round "${round.name}"`,
				source: 'Avance, RCM Special Declaration on the Global Compact for Migration',
				licence: 'Internal working data: not for publication before validation',
				url: new URL(`/rounds/${round.id}`, url).href
			},
			`avance-round-${round.id}`
		);
	} catch (e) {
		pageError(e);
	}
};
