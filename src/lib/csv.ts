// The one CSV writer of Avance: every export (actions list, open data, observations, the import
// template, the charts' downloads) goes through csv-stringify here. RFC 4180 quoting (commas,
// quotes, any line break, leading or trailing blanks), CRLF line ends unless asked otherwise, and
// text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) prefixed with an
// apostrophe. Numbers, and text that is just a number such as "-3.2", stay numbers.
import { stringify } from 'csv-stringify/browser/esm/sync';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** Text that would start a formula, defused; anything else as it is. */
function guard(text: string): string {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
	/** Start with a UTF-8 byte-order mark (spreadsheet programs then read accents right). */
	bom?: boolean;
	/** Line end: CRLF (RFC 4180, the default) or LF. */
	eol?: '\r\n' | '\n';
}

/** Rows to CSV; cells are CsvValue (anything else is written as csv-stringify writes it). */
export function toCsv(rows: readonly (readonly unknown[])[], opts: CsvOptions = {}): string {
	const body = stringify(rows as unknown[][], {
		record_delimiter: opts.eol ?? '\r\n',
		quoted_match: /[\r\n]|^\s|\s$/,
		cast: {
			string: guard,
			number: (n) => (Number.isFinite(n) ? String(n) : ''),
			boolean: (b) => (b ? 'true' : 'false')
		}
	});
	return (opts.bom ? '\uFEFF' : '') + body;
}

/** One cell as it appears in a line written by `toCsv`. */
export function csvCell(value: CsvValue): string {
	return toCsv([[value]]).slice(0, -2);
}
