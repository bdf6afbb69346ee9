// The open data of a share link as an Excel workbook (owns: the types of its columns). The
// columns and cells are those of the CSV files (open-data.ts); this adds number and date
// cells, one sheet per table, and an About sheet with the source and the licence.
import {
	ACTION_COLUMNS,
	OBSERVATION_COLUMNS,
	actionCells,
	observationCells,
	type OpenDataset
} from '../open-data/open-data';
import type { XlsxColumn, XlsxTable, XlsxType } from './xlsx';
import { toXlsx } from './xlsx';

const TYPES: Record<string, XlsxType> = {
	action_id: 'integer',
	percent_complete: 'integer',
	start_date: 'date',
	due_date: 'date',
	completed_on: 'date',
	validated_at: 'datetime',
	overdue: 'boolean',
	value: 'number'
};
const WIDTHS: Record<string, number> = { title: 48, description: 60, source: 40, note: 40 };

function columns(names: readonly string[]): XlsxColumn[] {
	return names.map((header) => ({
		header,
		type: TYPES[header] ?? 'string',
		...(WIDTHS[header] ? { width: WIDTHS[header] } : {})
	}));
}

/** The dataset's two tables, as the CSV files have them. */
export function openDataTables(ds: OpenDataset): XlsxTable[] {
	const units = new Map(ds.indicators.map((i) => [i.code, i.unit]));
	return [
		{
			name: 'Actions',
			columns: columns(ACTION_COLUMNS),
			rows: ds.actions.map((a) => {
				const c = actionCells(a);
				return ACTION_COLUMNS.map((k) => c[k]);
			})
		},
		{
			name: 'Observations',
			columns: columns(OBSERVATION_COLUMNS),
			rows: ds.observations.map((o) => {
				const c = observationCells(o, units);
				return OBSERVATION_COLUMNS.map((k) => c[k]);
			})
		}
	];
}

export function openDataXlsx(ds: OpenDataset, url: string): Promise<Buffer> {
	return toXlsx(openDataTables(ds), {
		title: `Avance open data: ${ds.scope.label}`,
		source: ds.source,
		licence: `${ds.licence.name} (${ds.licence.id}); cite "${ds.licence.attribution}"`,
		licenceUrl: ds.licence.url,
		url,
		asOf: ds.asOf,
		generatedAt: new Date(ds.generatedAt)
	});
}
