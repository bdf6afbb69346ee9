/**
 * The pure half of the import pipeline (DESIGN §8): recognise a CSV's format and read it
 * into normalised observation rows, with row errors and skips. No database access; the
 * pipeline maps, validates against the catalogue, previews and commits.
 */
import { disaggregationKey, firstLine, normaliseHeader, parseLine } from './csv';
import { ImportFormatError } from './errors';
import { normalisePeriod } from './periods';
import { read as readDatabank } from './readers/databank';
import { read as readOpensdg } from './readers/opensdg';
import { read as readSdgDdf } from './readers/sdgDdf';
import { read as readSdmxCsv } from './readers/sdmxCsv';
import { read as readProfile, type ImportProfileSpec } from './readers/profile';
import { read as readTemplate, TEMPLATE_COLUMNS, TEMPLATE_HEADER } from './readers/template';
import type { ImportFormat, ParsedObservation, ReadOptions, ReadResult } from './types';

export type {
	ImportFormat,
	ParsedObservation,
	ReadOptions,
	ReadResult,
	RowError,
	RowSkip
} from './types';
export { IMPORT_FORMATS } from './types';
export { ImportFormatError } from './errors';
export { normalisePeriod } from './periods';
export { resolveCountry, NON_ISO_COUNTRIES } from './countries';
export { disaggregationKey } from './csv';
export { DDF_SERIES_INDICATORS } from './readers/sdgDdf';
export { RPW_INDICATOR } from './readers/databank';
export type { ImportProfileSpec, ProfileAggregate } from './readers/profile';
export { NO_GEOGRAPHY_MESSAGE } from './readers/opensdg';
export {
	TEMPLATE_COLUMNS,
	TEMPLATE_HEADER,
	normaliseIndicatorCode,
	write as writeTemplate
} from './readers/template';

const READERS: Record<ImportFormat, (text: string, opts: ReadOptions) => ReadResult> = {
	opensdg: readOpensdg,
	databank: readDatabank,
	'sdg-ddf': readSdgDdf,
	'sdmx-csv': readSdmxCsv,
	template: readTemplate,
	profile: () => {
		throw new ImportFormatError('A file of any layout needs an import profile that maps it.');
	}
};

/** Reads a file of any layout through an import profile (one row per value, or aggregated). */
export function readWithProfile(
	text: string,
	profile: ImportProfileSpec,
	opts: ReadOptions = {}
): ReadResult {
	const result = readProfile(text, { ...opts, profile });
	dropDuplicates(result);
	return result;
}

/** Recognises a format from the header line alone; null when it matches none. */
export function detectFormat(text: string): ImportFormat | null {
	return detectFormatOfHeader(parseLine(firstLine(text)));
}

/** Recognises a format from the header's cells; null when it matches none. */
export function detectFormatOfHeader(header: readonly string[]): ImportFormat | null {
	const headers = header.map(normaliseHeader);
	if (headers.length === 0) return null;
	const has = (name: string) => headers.includes(name);

	const templateColumns = TEMPLATE_COLUMNS.filter((c) => has(c)).length;
	if (has('indicator') && templateColumns >= 3) return 'template';
	if (
		has('sending countries code') ||
		has('receiving countries code') ||
		headers.some((h) => /\[yr\d{4}/.test(h))
	) {
		return 'databank';
	}
	if (has('geo_area') && has('year')) return 'sdg-ddf';
	if (headers[0]?.startsWith('dataflow') && has('time_period') && has('obs_value'))
		return 'sdmx-csv';
	if (headers[0] === 'year' && headers[headers.length - 1] === 'value') return 'opensdg';
	if (has('series code') && headers.some((h) => normalisePeriod(h) !== null)) return 'databank';
	return null;
}

const EXPECTED =
	`Expected one of: Avance's template (${TEMPLATE_HEADER}); an Open SDG file (Year first, ` +
	'Value last); a World Bank DataBank export (period columns such as 2013Q1 [YR2013Q1]); ' +
	'an SDG DDF datapoints file (geo_area, …, year, series); SDMX-CSV (DATAFLOW, …, TIME_PERIOD, OBS_VALUE, …).';

/**
 * Reads a CSV in the given format, or the detected one when `format` is null. Throws
 * `ImportFormatError` when the format cannot be recognised, the text is not CSV, or the
 * header lacks required columns; every row-level problem is reported in `errors` instead.
 * A row that repeats an earlier row's indicator, country, period and disaggregation is an
 * error (the first one is kept).
 */
export function readCsv(
	text: string,
	format: ImportFormat | null,
	opts: ReadOptions = {}
): ReadResult {
	if (opts.table) return readTable(format, opts);
	const chosen = format ?? detectFormat(text);
	if (chosen === null) {
		const header = firstLine(text);
		if (header === '') throw new ImportFormatError('The file is empty: it has no header row.');
		throw new ImportFormatError(`The file's format was not recognised. ${EXPECTED}`);
	}
	const reader = READERS[chosen];
	if (!reader) throw new ImportFormatError(`Unknown import format '${String(chosen)}'.`);
	const result = reader(text, opts);
	dropDuplicates(result);
	return result;
}

/** A spreadsheet's sheet (XLSX in): Avance's template layout, or any layout through a profile. */
function readTable(format: ImportFormat | null, opts: ReadOptions): ReadResult {
	const chosen = format ?? detectFormatOfHeader(opts.table!.header);
	if (chosen !== 'template') {
		throw new ImportFormatError(
			`An Excel sheet is read in Avance's template layout (${TEMPLATE_HEADER}) or through an import profile; save other layouts as CSV, or map the sheet with a profile.`
		);
	}
	const result = readTemplate('', opts);
	dropDuplicates(result);
	return result;
}

function sameDisaggregation(a: Record<string, string>, b: Record<string, string>): boolean {
	if (a === b) return true;
	let n = 0;
	for (const k in a) {
		if (a[k] !== b[k]) return false;
		n++;
	}
	let m = 0;
	for (const k in b) {
		if (!(k in a)) return false;
		m++;
	}
	return n === m;
}

function dropDuplicates(result: ReadResult): void {
	// indicator/country/disaggregation → period → first line
	const seen = new Map<string, Map<string, number>>();
	const rows = result.rows;
	const before = result.errors.length;
	let kept = 0;
	let previous: ParsedObservation | null = null;
	let periods = new Map<string, number>();
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i];
		// Wide formats give many rows per line that differ only in period: look their
		// indicator/country/disaggregation up once.
		if (
			previous === null ||
			previous.line !== row.line ||
			previous.country !== row.country ||
			previous.region !== row.region ||
			previous.indicator !== row.indicator ||
			!sameDisaggregation(previous.disaggregation, row.disaggregation)
		) {
			const group = `${row.indicator ?? ''}\u0000${row.country ?? row.region ?? ''}\u0000${disaggregationKey(row.disaggregation)}`;
			let found = seen.get(group);
			if (found === undefined) {
				found = new Map();
				seen.set(group, found);
			}
			periods = found;
		}
		previous = row;
		const first = periods.get(row.period);
		if (first === undefined) {
			periods.set(row.period, row.line);
			rows[kept++] = row;
		} else {
			result.errors.push({
				line: row.line,
				column: null,
				message: `Repeats line ${first} (same indicator, country, period and disaggregation).`
			});
		}
	}
	rows.length = kept;
	if (result.errors.length > before) result.errors.sort((a, b) => a.line - b.line);
}
