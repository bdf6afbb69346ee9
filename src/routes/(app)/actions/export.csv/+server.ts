// The actions list, filtered as on the page, as CSV (UTF-8 with a byte-order mark so
// spreadsheet programs read accents right).
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { listActions } from '$lib/server/actions';
import { lenientQuery } from '$lib/server/actions/forms';
import { toCsv } from '$lib/csv';
import { ACTION_EXPORT_COLUMNS, actionExportRows } from '$lib/server/exports/actions-table';
import { actionQuerySchema } from '$lib/schemas/actions';
import type { RequestHandler } from './$types';

const MAX_ROWS = 20000;

export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.actor) {
		redirect(
			303,
			localizeHref(`/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
		);
	}
	const query = lenientQuery(url, actionQuerySchema, ['limit', 'cursor', 'page', 'lang']);
	const { items } = listActions(getDb(), locals.actor, { ...query, limit: MAX_ROWS });
	const header = ACTION_EXPORT_COLUMNS.map((c) => c.header);
	const rows = actionExportRows(items, url);
	const date = new Date().toISOString().slice(0, 10);
	return new Response(toCsv([header, ...rows], { bom: true }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="avance-actions-${date}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
