// Open SDG CSV of one indicator: the file Open SDG platforms (and Avance's own importer) read,
// with their period labels, observation-status words and file names.
import { comparePeriods } from '$lib/progress';
import { toCsv } from '$lib/csv';
import { disaggregationText } from './dataset-csv';
import type { OpenObservation } from './observations';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A period as the `Year` of an Open SDG file. Years stay numbers (`2023`). Quarters take the
 * label Mexico's Open SDG platform publishes and Avance's importer reads back: `2023/I` …
 * `2023/IV` (these sort correctly as text, after the year itself). Months stay `2023-05`;
 * ranges become `2016 to 2021`, as Canada's platform writes them.
 */
export function openSdgYear(period: string): string {
	const q = /^(\d{4})-Q([1-4])$/.exec(period);
	if (q) return `${q[1]}/${ROMAN[Number(q[2]) - 1]}`;
	const range = /^(\d{4})\/(\d{4})$/.exec(period);
	if (range) return `${range[1]} to ${range[2]}`;
	return period;
}

export const OPEN_SDG_PROVISIONAL = 'Provisional value';
export const OPEN_SDG_NORMAL = 'Normal value';

/**
 * Columns: `Year`, `Series`, `Units`, one column per disaggregation key (blank = total),
 * `Observation status` (SDMX words: `Normal value` / `Provisional value`), `COMMENT_OBS` when any
 * value carries a note, `GeoCode` (ISO3; blank for a regional value) and `Value` last. Rows are
 * ordered by series (country, disaggregation) and period.
 */
export function openSdgCsv(
	indicator: { code: string; name: string; unit: string },
	observations: OpenObservation[]
): string {
	const keys = [...new Set(observations.flatMap((o) => Object.keys(o.disaggregation)))].sort();
	const withNotes = observations.some((o) => o.note);
	const header = [
		'Year',
		'Series',
		'Units',
		...keys,
		'Observation status',
		...(withNotes ? ['COMMENT_OBS'] : []),
		'GeoCode',
		'Value'
	];
	const sorted = [...observations].sort((a, b) => {
		const ka = `${a.country ?? a.region ?? ''}|${disaggregationText(a.disaggregation)}`;
		const kb = `${b.country ?? b.region ?? ''}|${disaggregationText(b.disaggregation)}`;
		if (ka !== kb) return ka < kb ? -1 : 1;
		return safeComparePeriods(a.period, b.period);
	});
	return toCsv([
		header,
		...sorted.map((o) => [
			openSdgYear(o.period),
			indicator.name,
			indicator.unit,
			...keys.map((k) => o.disaggregation[k] ?? ''),
			o.status === 'provisional' ? OPEN_SDG_PROVISIONAL : OPEN_SDG_NORMAL,
			...(withNotes ? [o.note ?? ''] : []),
			o.country ?? o.region ?? '',
			o.value
		])
	]);
}

function safeComparePeriods(a: string, b: string): number {
	try {
		return comparePeriods(a, b);
	} catch {
		return a < b ? -1 : a > b ? 1 : 0;
	}
}

/** `10.c.1` → `indicator_10-c-1.csv`, the file name Open SDG platforms use. */
export function openSdgFileName(code: string): string {
	return `indicator_${code.replace(/[^A-Za-z0-9]+/g, '-')}.csv`;
}
