// Chart and report downloads: the data behind a chart as its table shows it, written by the
// one CSV writer ($lib/csv), and a data: URL so the download link works without JavaScript.
export { toCsv } from '$lib/csv';

/** A data: URL for a download link that works without JavaScript. */
export function csvDataUrl(csv: string): string {
	return 'data:text/csv;charset=utf-8,' + encodeURIComponent('\ufeff' + csv);
}
