// A table as a download (owns: the answer of every table download but the open data's): CSV
// (UTF-8 with a byte-order mark, through the one CSV writer) or Excel (exports/xlsx.ts, with
// its About sheet), private to the signed-in reader and never cached.
import { toCsv } from '$lib/csv';
import { toXlsx, xlsxHeaders, type XlsxAbout, type XlsxTable } from './xlsx';

export type TableFormat = 'csv' | 'xlsx';

export async function tableDownload(
	format: TableFormat,
	table: XlsxTable,
	about: XlsxAbout,
	baseName: string
): Promise<Response> {
	const date = new Date().toISOString().slice(0, 10);
	const fileName = `${baseName}-${date}.${format}`;
	const privateAnswer = { 'cache-control': 'private, no-store' };
	if (format === 'csv') {
		const csv = toCsv([table.columns.map((c) => c.header), ...table.rows], { bom: true });
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${fileName}"`,
				...privateAnswer
			}
		});
	}
	const body = await toXlsx([table], about);
	return new Response(new Uint8Array(body), { headers: xlsxHeaders(fileName, privateAnswer) });
}
