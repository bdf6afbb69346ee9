// The signed-in actions list as a table (owns: its columns), written as CSV by
// /actions/export.csv and as Excel by /actions/export.xlsx, so both files have the same columns.
import { getDb } from '../db';
import { listActions, type ActionRecord } from '../actions';
import { lenientQuery } from '../actions/forms';
import { signedInOrRedirect } from '../http/pages';
import type { Actor } from '../auth/authz';
import { tableDownload, type TableFormat } from './download';
import { actionQuerySchema } from '$lib/schemas/actions';
import { countryName } from '../declaration/countries';
import type { XlsxColumn } from './xlsx';
import type { CsvValue } from '$lib/csv';

export const ACTION_EXPORT_COLUMNS: XlsxColumn[] = [
	{ header: 'id', type: 'integer' },
	{ header: 'title', type: 'string', width: 48 },
	{ header: 'country', type: 'string' },
	{ header: 'country_name', type: 'string' },
	{ header: 'articles', type: 'string' },
	{ header: 'lead_agency', type: 'string', width: 32 },
	{ header: 'status', type: 'string' },
	{ header: 'percent_complete', type: 'integer' },
	{ header: 'start_date', type: 'date' },
	{ header: 'due_date', type: 'date' },
	{ header: 'completed_on', type: 'date' },
	{ header: 'overdue', type: 'boolean' },
	{ header: 'review_state', type: 'string' },
	{ header: 'indicators', type: 'string' },
	{ header: 'description', type: 'string', width: 60 },
	{ header: 'updated_at', type: 'datetime' },
	{ header: 'url', type: 'string', width: 40 }
];

/** One row per action, in the order of ACTION_EXPORT_COLUMNS (null: an empty cell). */
export function actionExportRows(items: ActionRecord[], origin: URL): CsvValue[][] {
	return items.map((a) => [
		a.id,
		a.title,
		a.country,
		a.country ? countryName(a.country, 'en') : 'Regional',
		a.articles.join(';'),
		a.leadAgency,
		a.status,
		a.percentComplete,
		a.startDate,
		a.dueDate,
		a.completedOn,
		a.overdue,
		a.reviewState,
		a.indicators.join(';'),
		a.description,
		a.updatedAt,
		new URL(`/actions/${a.id}`, origin).href
	]);
}

const MAX_ROWS = 20000;

/** The download of the actions list as filtered on the page (`url` carries the filters). */
export function actionsDownload(
	format: TableFormat,
	locals: { actor?: Actor | null },
	url: URL
): Promise<Response> {
	const actor = signedInOrRedirect(locals.actor, url);
	const query = lenientQuery(url, actionQuerySchema, ['limit', 'cursor', 'page', 'lang']);
	const { items } = listActions(getDb(), actor, { ...query, limit: MAX_ROWS });
	return tableDownload(
		format,
		{ name: 'Actions', columns: ACTION_EXPORT_COLUMNS, rows: actionExportRows(items, url) },
		{
			title: 'Avance: implementation actions (working data, as filtered)',
			source: 'Avance, RCM Special Declaration on the Global Compact for Migration',
			licence: 'Internal working data: not for publication before validation',
			url: new URL(`/actions${url.search}`, url).href
		},
		'avance-actions'
	);
}
