// Excel workbooks of the tables Avance offers as CSV (owns: writing XLSX with exceljs).
// A table is described once — columns with a header, a type and an optional width, and rows
// of plain values — and this module writes it as a sheet with real number and date cells, a
// bold header row, frozen panes, an auto-filter and column widths, plus an "About" sheet with
// the title, source, licence and dates.
import ExcelJS from 'exceljs';

export type XlsxType = 'string' | 'number' | 'integer' | 'date' | 'datetime' | 'boolean';

export interface XlsxColumn {
	header: string;
	type: XlsxType;
	/** Width in characters (default: from the header and the longest value, at most 60). */
	width?: number;
}

export interface XlsxTable {
	/** Sheet name (at most 31 characters; Excel forbids : \ / ? * [ ]). */
	name: string;
	columns: XlsxColumn[];
	rows: unknown[][];
}

export interface XlsxAbout {
	title: string;
	source: string;
	licence: string;
	licenceUrl?: string;
	/** Where the data can be read online. */
	url?: string;
	/** The data as of this date (YYYY-MM-DD), when frozen. */
	asOf?: string | null;
	generatedAt?: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date or timestamp as a JavaScript Date (UTC), or null when it is not one. */
function toDate(value: unknown): Date | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
	if (typeof value === 'number') return new Date(value);
	if (typeof value !== 'string' || value === '') return null;
	const d = DATE.exec(value);
	if (d) return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
	const t = new Date(value);
	return Number.isNaN(t.getTime()) ? null : t;
}

/** One value as the cell of a column of this type (null: an empty cell). */
export function xlsxCell(value: unknown, type: XlsxType): string | number | boolean | Date | null {
	if (value === null || value === undefined || value === '') return null;
	switch (type) {
		case 'number':
		case 'integer': {
			const n = typeof value === 'number' ? value : Number(value);
			return Number.isFinite(n) ? n : String(value);
		}
		case 'date':
		case 'datetime':
			return toDate(value) ?? String(value);
		case 'boolean':
			return typeof value === 'boolean' ? value : value === 'true' || value === 1;
		default:
			return typeof value === 'string' ? value : String(value);
	}
}

const FORMATS: Partial<Record<XlsxType, string>> = {
	integer: '0',
	number: '0.############',
	date: 'yyyy-mm-dd',
	datetime: 'yyyy-mm-dd hh:mm'
};

function sheetName(name: string): string {
	return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

function widthOf(col: XlsxColumn, rows: unknown[][], i: number): number {
	if (col.width) return col.width;
	if (col.type === 'date') return Math.max(12, col.header.length + 2);
	if (col.type === 'datetime') return Math.max(17, col.header.length + 2);
	let w = col.header.length;
	for (const r of rows.slice(0, 500)) {
		const v = r[i];
		if (v !== null && v !== undefined) w = Math.max(w, String(v).length);
	}
	return Math.min(60, w + 2);
}

function addTable(wb: ExcelJS.Workbook, table: XlsxTable) {
	const ws = wb.addWorksheet(sheetName(table.name), {
		views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }]
	});
	ws.columns = table.columns.map((c, i) => ({
		header: c.header,
		width: widthOf(c, table.rows, i),
		style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {}
	}));
	for (const r of table.rows) ws.addRow(table.columns.map((c, i) => xlsxCell(r[i], c.type)));
	const header = ws.getRow(1);
	header.font = { bold: true };
	header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF7' } };
	header.eachCell((cell) => (cell.numFmt = '@'));
	if (table.columns.length > 0) {
		ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
	}
}

function addAbout(wb: ExcelJS.Workbook, about: XlsxAbout, tables: XlsxTable[]) {
	const ws = wb.addWorksheet('About');
	ws.columns = [
		{ header: 'Field', width: 18 },
		{ header: 'Value', width: 90 }
	];
	const rows: [string, string | Date][] = [
		['Title', about.title],
		['Source', about.source],
		['Licence', about.licence]
	];
	if (about.licenceUrl) rows.push(['Licence URL', about.licenceUrl]);
	if (about.url) rows.push(['Online', about.url]);
	if (about.asOf) rows.push(['Data as of', toDate(about.asOf) ?? about.asOf]);
	rows.push(['Generated', about.generatedAt ?? new Date()]);
	for (const t of tables) rows.push([`Sheet ${sheetName(t.name)}`, `${t.rows.length} rows`]);
	rows.push(['Made with', 'Avance']);
	for (const r of rows) {
		const row = ws.addRow(r);
		if (r[1] instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
		row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
	}
	ws.getRow(1).font = { bold: true };
	ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A workbook of these tables (one sheet each) and an About sheet, as the bytes of an .xlsx. */
export async function toXlsx(tables: XlsxTable[], about: XlsxAbout): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Avance';
	wb.title = about.title;
	wb.created = about.generatedAt ?? new Date();
	for (const t of tables) addTable(wb, t);
	addAbout(wb, about, tables);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Response headers of an .xlsx download. */
export function xlsxHeaders(fileName: string, extra: Record<string, string> = {}) {
	return {
		...extra,
		'content-type': XLSX_TYPE,
		'content-disposition': `attachment; filename="${fileName}"`
	};
}
