// Small CSV writer for chart downloads (the data behind a chart, as its table shows it).
const NEEDS_QUOTES = /[",\r\n;]|^\s|\s$/;

export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
	return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A data: URL for a download link that works without JavaScript. */
export function csvDataUrl(csv: string): string {
	return 'data:text/csv;charset=utf-8,' + encodeURIComponent('\ufeff' + csv);
}
