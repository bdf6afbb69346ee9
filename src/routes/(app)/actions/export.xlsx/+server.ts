// The actions list, filtered as on the page, as an Excel workbook (the same columns as the CSV,
// with number and date cells, and a sheet saying where the data comes from).
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { listActions } from '$lib/server/actions';
import { lenientQuery } from '$lib/server/actions/forms';
import { ACTION_EXPORT_COLUMNS, actionExportRows } from '$lib/server/exports/actions-table';
import { toXlsx, xlsxHeaders } from '$lib/server/exports/xlsx';
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
	const date = new Date().toISOString().slice(0, 10);
	const body = await toXlsx(
		[{ name: 'Actions', columns: ACTION_EXPORT_COLUMNS, rows: actionExportRows(items, url) }],
		{
			title: 'Avance: implementation actions (working data, as filtered)',
			source: 'Avance, RCM Special Declaration on the Global Compact for Migration',
			licence: 'Internal working data: not for publication before validation',
			url: new URL(`/actions${url.search}`, url).href
		}
	);
	return new Response(new Uint8Array(body), {
		headers: {
			...xlsxHeaders(`avance-actions-${date}.xlsx`),
			'cache-control': 'private, no-store'
		}
	});
};
