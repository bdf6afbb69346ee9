// Writing CSV (RFC 4180): quoted where needed, quotes doubled, CRLF line ends, and cells
// that a spreadsheet would run as a formula (=, +, -, @, tab, CR) prefixed with a quote.

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let s = typeof value === 'string' ? value : String(value);
	if (typeof value === 'string' && FORMULA.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: unknown[][], opts: { bom?: boolean } = {}): string {
	const body = rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
	return (opts.bom === false ? '' : '\uFEFF') + body;
}
