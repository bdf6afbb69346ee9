// The open dataset as CSV (data.csv and its actions/observations tables): the columns and cells
// of each record, written by the one CSV writer ($lib/csv) without a byte-order mark (so that the
// first header is read as it is written).
import { toCsv, type CsvValue } from '$lib/csv';
import type { OpenAction, OpenDataset } from './dataset';
import type { OpenObservation } from './observations';

/** `corridor=USA>MEX;sex=female` (keys sorted), '' for the headline — the template's form. */
export function disaggregationText(d: Record<string, string>): string {
	return Object.keys(d)
		.sort()
		.map((k) => `${k}=${d[k]}`)
		.join(';');
}

export type CsvTable = 'all' | 'actions' | 'observations';

export const ACTION_COLUMNS = [
	'action_id',
	'title',
	'description',
	'country',
	'articles',
	'lead_agency',
	'action_status',
	'percent_complete',
	'start_date',
	'due_date',
	'completed_on',
	'overdue',
	'linked_indicators',
	'language',
	'validated_at'
] as const;

export const OBSERVATION_COLUMNS = [
	'indicator',
	'country',
	'period',
	'disaggregation',
	'value',
	'unit',
	'observation_status',
	'source',
	'note'
] as const;

export function actionCells(a: OpenAction): Record<(typeof ACTION_COLUMNS)[number], CsvValue> {
	return {
		action_id: a.id,
		title: a.title,
		description: a.description,
		country: a.country ?? '',
		articles: a.articles.join(';'),
		lead_agency: a.leadAgency,
		action_status: a.status,
		percent_complete: a.percentComplete,
		start_date: a.startDate,
		due_date: a.dueDate,
		completed_on: a.completedOn,
		overdue: a.overdue,
		linked_indicators: a.indicators.join(';'),
		language: a.language,
		validated_at: a.validatedAt
	};
}

export function observationCells(
	o: OpenObservation,
	units: Map<string, string>
): Record<(typeof OBSERVATION_COLUMNS)[number], CsvValue> {
	return {
		indicator: o.indicator,
		country: o.country ?? o.region ?? '',
		period: o.period,
		disaggregation: disaggregationText(o.disaggregation),
		value: o.value,
		unit: units.get(o.indicator) ?? '',
		observation_status: o.status,
		source: o.source,
		note: o.note
	};
}

/**
 * The dataset as CSV. `actions` and `observations` are one table each; `all` (data.csv) is
 * both in one long table: a `record` column (`action` | `observation`) first, then the
 * columns of both (a column that does not apply to a row is empty). An empty country is a
 * regional (RCM-wide) record.
 */
export function datasetCsv(ds: OpenDataset, table: CsvTable = 'all'): string {
	const units = new Map(ds.indicators.map((i) => [i.code, i.unit]));
	if (table === 'actions') {
		return toCsv([
			[...ACTION_COLUMNS],
			...ds.actions.map((a) => {
				const c = actionCells(a);
				return ACTION_COLUMNS.map((k) => c[k]);
			})
		]);
	}
	if (table === 'observations') {
		return toCsv([
			[...OBSERVATION_COLUMNS],
			...ds.observations.map((o) => {
				const c = observationCells(o, units);
				return OBSERVATION_COLUMNS.map((k) => c[k]);
			})
		]);
	}
	const columns = [
		'record',
		...new Set<string>([...ACTION_COLUMNS, ...OBSERVATION_COLUMNS])
	] as string[];
	const row = (record: string, cells: Record<string, CsvValue>) =>
		columns.map((k) => (k === 'record' ? record : (cells[k] ?? null)));
	return toCsv([
		columns,
		...ds.actions.map((a) => row('action', actionCells(a))),
		...ds.observations.map((o) => row('observation', observationCells(o, units)))
	]);
}
