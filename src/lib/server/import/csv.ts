/**
 * CSV plumbing shared by the readers: parsing with line numbers, header matching,
 * missing-value markers and strict number parsing. Pure; no I/O.
 */
import { parse } from 'csv-parse/sync';
import { ImportFormatError } from './errors';

export interface CsvTable {
	/** Header cells as written (BOM stripped, not trimmed). */
	header: string[];
	/** Line number of the header. */
	headerLine: number;
	/** Data records after the header, blank records included (readers decide what to skip). */
	records: string[][];
	/** 1-based line number where each record starts. */
	lines: number[];
	delimiter: string;
}

const BOM = '\ufeff';

/** Picks `,`, `;` or tab by counting them in the first non-blank line. */
export function sniffDelimiter(firstLine: string): string {
	let commas = 0;
	let semicolons = 0;
	let tabs = 0;
	let quoted = false;
	for (let i = 0; i < firstLine.length; i++) {
		const ch = firstLine[i];
		if (ch === '"') quoted = !quoted;
		else if (quoted) continue;
		else if (ch === ',') commas++;
		else if (ch === ';') semicolons++;
		else if (ch === '\t') tabs++;
	}
	if (semicolons > commas && semicolons >= tabs) return ';';
	if (tabs > commas && tabs > semicolons) return '\t';
	return ',';
}

/** The first line that holds anything but whitespace and delimiters (BOM stripped). */
export function firstLine(text: string): string {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	let start = 0;
	while (start < body.length) {
		let end = body.indexOf('\n', start);
		if (end === -1) end = body.length;
		const line = body.slice(start, end).replace(/\r$/, '');
		if (/[^\s,;]/.test(line)) return line;
		start = end + 1;
	}
	return '';
}

/** Parses one line (a header) into cells. */
export function parseLine(line: string): string[] {
	if (line === '') return [];
	try {
		const records = parse(line, {
			delimiter: sniffDelimiter(line),
			relax_column_count: true,
			relax_quotes: true
		}) as string[][];
		return records[0] ?? [];
	} catch {
		return line.split(sniffDelimiter(line));
	}
}

function recordHasNewline(records: string[][]): boolean {
	for (const record of records) {
		for (const cell of record) {
			if (cell.includes('\n') || cell.includes('\r')) return true;
		}
	}
	return false;
}

/**
 * Parses the whole text. Strips a BOM, accepts CRLF and LF, quoted delimiters and
 * quotes. The header is the first record that is not blank. Throws `ImportFormatError`
 * when the text is empty or not CSV.
 */
export function parseCsv(text: string): CsvTable {
	const body = text.startsWith(BOM) ? text.slice(1) : text;
	const delimiter = sniffDelimiter(firstLine(body));
	const options = {
		delimiter,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: false
	};
	let records: string[][];
	let lines: number[];
	try {
		records = parse(body, options) as string[][];
		if (recordHasNewline(records)) {
			// A quoted cell spans lines: ask the parser where each record ends, and count
			// each record's start from the end of the one before.
			const withInfo = parse(body, { ...options, info: true }) as unknown as {
				record: string[];
				info: { lines: number };
			}[];
			records = withInfo.map((r) => r.record);
			lines = new Array<number>(withInfo.length);
			let previousEnd = 0;
			for (let i = 0; i < withInfo.length; i++) {
				lines[i] = previousEnd + 1;
				previousEnd = withInfo[i].info.lines;
			}
		} else {
			// One record per physical line (empty lines give a record too).
			lines = new Array<number>(records.length);
			for (let i = 0; i < records.length; i++) lines[i] = i + 1;
		}
	} catch (err) {
		const reason = err instanceof Error ? err.message : String(err);
		throw new ImportFormatError(`The file could not be read as CSV: ${reason}`);
	}
	let h = 0;
	while (h < records.length && isBlankRecord(records[h])) h++;
	if (h >= records.length) throw new ImportFormatError('The file is empty: it has no header row.');
	return {
		header: records[h],
		headerLine: lines[h],
		records: records.slice(h + 1),
		lines: lines.slice(h + 1),
		delimiter
	};
}

/** True when every cell is empty or whitespace (e.g. DataBank's rows of only commas). */
export function isBlankRecord(record: string[]): boolean {
	for (const cell of record) {
		if (cell !== '' && cell.trim() !== '') return false;
	}
	return true;
}

/** Header text for matching: whitespace collapsed, trimmed, lower-case. */
export function normaliseHeader(header: string): string {
	return header.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Header text for messages: whitespace trimmed at the ends, kept as written inside. */
export function displayHeader(header: string): string {
	return header.trim();
}

/** A disaggregation or dimension key: lower-case, runs of non-alphanumerics → '_'. */
export function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

const MISSING = new Set(['', '..', '...', 'N', 'NA', 'N/A', '-', '–', '—', 'NAN', ':', 'NULL']);

/** True for the markers files use for "no value": `..`, empty, `N`, `NA`, `-` and similar. */
export function isMissing(cell: string): boolean {
	if (cell === '' || cell === '..') return true;
	const first = cell.charCodeAt(0);
	if ((first >= 48 && first <= 57) || cell.length > 8) return false; // starts with a digit
	return MISSING.has(cell.trim().toUpperCase());
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * Parses a number strictly (no trailing text). Accepts `1,234.5` thousands separators,
 * a Unicode minus, and `3,5` decimal commas when the file is not comma-delimited.
 * Returns null when the cell is not a finite number.
 */
export function parseNumber(cell: string, decimalComma = false): number | null {
	let s = cell.trim();
	if (s.charCodeAt(0) === 0x2212) s = '-' + s.slice(1);
	if (NUMBER.test(s)) {
		const n = Number(s);
		return Number.isFinite(n) ? n : null;
	}
	if (decimalComma && DECIMAL_COMMA.test(s)) return Number(s.replace(',', '.'));
	if (THOUSANDS.test(s)) return Number(s.replace(/,/g, ''));
	return null;
}

/** The canonical `key=value;key=value` form of a disaggregation (keys sorted; '' = headline). */
export function disaggregationKey(disaggregation: Record<string, string>): string {
	const keys = Object.keys(disaggregation);
	if (keys.length === 0) return '';
	keys.sort();
	let out = '';
	for (let i = 0; i < keys.length; i++) {
		if (i > 0) out += ';';
		out += keys[i] + '=' + disaggregation[keys[i]];
	}
	return out;
}

/** A copy of the map with its keys in sorted order. */
export function sortedDisaggregation(d: Record<string, string>): Record<string, string> {
	const keys = Object.keys(d);
	if (keys.length < 2) return d;
	keys.sort();
	const out: Record<string, string> = {};
	for (const k of keys) out[k] = d[k];
	return out;
}

/** Shortens a cell for messages. */
export function quote(cell: string): string {
	const s = cell.length > 60 ? cell.slice(0, 57) + '…' : cell;
	return `'${s}'`;
}
