/**
 * XLSX in (issue 15 §9): an Excel workbook, recognised by its bytes (a zip), read with exceljs
 * into the same table the CSV readers parse (header, records, the sheet's row numbers as line
 * numbers), from its first sheet or a chosen one. Only the template and profile readers take
 * it. Owns: reading workbooks for imports (exports/xlsx.ts writes them).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../http/errors';
import type { CsvTable } from './csv';

/** A workbook's sheet read as a table, with the sheet chosen and every sheet's name. */
export interface SpreadsheetInput {
	sheet: string;
	sheets: string[];
	table: CsvTable;
}

/** True when the bytes are a zip archive (an .xlsx), whatever the file is called. */
export function isXlsx(bytes: Uint8Array): boolean {
	return (
		bytes.length >= 4 &&
		bytes[0] === 0x50 &&
		bytes[1] === 0x4b &&
		(bytes[2] === 0x03 || bytes[2] === 0x05) &&
		(bytes[3] === 0x04 || bytes[3] === 0x06)
	);
}

const invalid = (path: string, message: string) =>
	new AppError(422, 'invalid', message, [{ path, message }]);

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** One cell as the text a CSV would hold: numbers in full, dates as YYYY-MM-DD, formulas' results. */
export function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
		const time = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
		return time === 0 ? day : value.toISOString();
	}
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('error' in value) return '';
		if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
		if ('formula' in value || 'sharedFormula' in value) return '';
		if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
	}
	return String(value);
}

/** The names of a workbook's sheets (the import page's sheet chooser); [] when unreadable. */
export async function listSheets(bytes: Uint8Array): Promise<string[]> {
	if (!isXlsx(bytes)) return [];
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	} catch {
		return [];
	}
	return wb.worksheets.map((w) => w.name);
}

/**
 * Reads a sheet of a workbook (`sheet` by name, else the first). 422 when the bytes are not a
 * readable workbook, when it has no sheet, or when the sheet named does not exist (the message
 * names the sheets there are). Blank rows are kept as blank records, so line numbers are rows.
 */
export async function readXlsx(
	bytes: Uint8Array,
	sheet?: string | null
): Promise<SpreadsheetInput> {
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		throw invalid(
			'file',
			`The file looks like an Excel workbook (.xlsx) but could not be read (${reason.slice(0, 120)}); save it again from the spreadsheet, or as CSV.`
		);
	}
	const sheets = wb.worksheets.map((w) => w.name);
	if (sheets.length === 0) throw invalid('file', 'The Excel workbook has no sheet.');
	const wanted = sheet?.trim() || null;
	const ws =
		wanted === null
			? wb.worksheets[0]
			: (wb.worksheets.find((w) => w.name === wanted) ??
				wb.worksheets.find((w) => w.name.toLowerCase() === wanted.toLowerCase()));
	if (!ws) {
		throw invalid(
			'sheet',
			`The workbook has no sheet "${wanted}"; its sheets are ${sheets.map((s) => `"${s}"`).join(', ')}.`
		);
	}
	const rows: string[][] = [];
	const width = ws.columnCount;
	ws.eachRow({ includeEmpty: true }, (row, n) => {
		const cells: string[] = new Array<string>(width).fill('');
		row.eachCell({ includeEmpty: false }, (cell, c) => {
			if (c <= width) cells[c - 1] = cellText(cell.value).replace(/\r\n?/g, '\n');
		});
		while (rows.length < n - 1) rows.push([]);
		rows.push(cells);
	});
	let h = 0;
	while (h < rows.length && rows[h].every((c) => c.trim() === '')) h++;
	if (h >= rows.length) {
		throw invalid('sheet', `The sheet "${ws.name}" is empty: it has no header row.`);
	}
	let last = rows[h].length;
	while (last > 0 && rows[h][last - 1].trim() === '') last--;
	const header = rows[h].slice(0, last);
	const records = rows.slice(h + 1).map((r) => r.slice(0, Math.max(last, 1)));
	return {
		sheet: ws.name,
		sheets,
		table: {
			header,
			headerLine: h + 1,
			records,
			lines: records.map((_, i) => h + 2 + i),
			delimiter: ','
		}
	};
}
