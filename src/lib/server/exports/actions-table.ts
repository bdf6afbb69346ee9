// The signed-in actions list as a table (owns: its columns), written as CSV by
// /actions/export.csv and as Excel by /actions/export.xlsx, so both files have the same columns.
import type { ActionRecord } from '../actions';
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
