// An indicator's observations as an Excel table (owns: its columns): the import template's
// columns with the value as a number cell, plus the review state and the last change, so the
// workbook a statistician downloads reads back as the CSV does.
import type { ObservationRecord } from '../observations/records';
import type { XlsxColumn } from './xlsx';

export const OBSERVATION_EXPORT_COLUMNS: XlsxColumn[] = [
	{ header: 'indicator', type: 'string' },
	{ header: 'country', type: 'string' },
	{ header: 'country_name', type: 'string', width: 24 },
	{ header: 'period', type: 'string' },
	{ header: 'year', type: 'integer' },
	{ header: 'disaggregation', type: 'string', width: 32 },
	{ header: 'value', type: 'number' },
	{ header: 'status', type: 'string' },
	{ header: 'source', type: 'string', width: 32 },
	{ header: 'note', type: 'string', width: 40 },
	{ header: 'review_state', type: 'string' },
	{ header: 'updated_at', type: 'datetime' }
];

export function observationExportRows(items: ObservationRecord[]): unknown[][] {
	return items.map((o) => [
		o.indicator,
		o.country ?? o.region ?? '',
		o.countryName ?? '',
		o.period,
		o.year,
		Object.entries(o.disaggregation)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([k, v]) => `${k}=${v}`)
			.join(';'),
		o.value,
		o.status,
		o.source ?? '',
		o.note ?? '',
		o.reviewState,
		o.updatedAt
	]);
}
