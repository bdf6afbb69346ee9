// XLSX in (issue 15 §9): workbooks recognised by their bytes, a sheet chosen by name, the
// project's own Excel export of an indicator's values read back to the same values, profiles
// over a sheet, and clear 422s for a missing sheet or a broken workbook.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { AppError } from '../http/errors';
import { listObservations } from '../observations';
import { toXlsx } from '../exports/xlsx';
import { OBSERVATION_EXPORT_COLUMNS, observationExportRows } from '../exports/observations-table';
import { readImportRequest, readUpload } from './http';
import { runImport } from './pipeline';
import { cellText, isXlsx, readXlsx } from './xlsx';

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
});
afterEach(() => t.close());

const url = (q = '') => new URL(`http://localhost/api/v1/imports${q}`);

async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) {
		const ws = wb.addWorksheet(name);
		for (const r of rows) ws.addRow(r);
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

function multipart(bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
	const form = new FormData();
	form.set('file', new File([bytes as BlobPart], name, { type: 'application/octet-stream' }));
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return new Request(url(), { method: 'POST', body: form });
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected an error');
}

const TEMPLATE = ['indicator', 'country', 'period', 'disaggregation', 'value', 'status', 'source'];
const NOTES = [['Notes'], ['Values checked by the statistics office']];

describe('isXlsx and cellText', () => {
	it('knows a workbook by its zip bytes, not its name', async () => {
		expect(isXlsx(await workbook({ A: [['x']] }))).toBe(true);
		expect(isXlsx(new TextEncoder().encode('indicator,country\n'))).toBe(false);
	});

	it('writes cells as a CSV would hold them', () => {
		expect(cellText(3.25)).toBe('3.25');
		expect(cellText(new Date(Date.UTC(2020, 4, 1)))).toBe('2020-05-01');
		expect(cellText({ richText: [{ text: 'Méx' }, { text: 'ico' }] })).toBe('México');
		expect(cellText({ formula: 'A1*2', result: 8 } as ExcelJS.CellValue)).toBe('8');
		expect(cellText(null)).toBe('');
	});
});

describe('readXlsx', () => {
	it('reads the first sheet, or the one chosen, with its row numbers as line numbers', async () => {
		const bytes = await workbook({
			Notes: NOTES,
			Data: [[], TEMPLATE, ['10.7.3', 'GTM', 2020, '', 12, 'final', 'INE']]
		});
		const first = await readXlsx(bytes);
		expect(first.sheet).toBe('Notes');
		expect(first.sheets).toEqual(['Notes', 'Data']);
		const data = await readXlsx(bytes, 'data');
		expect(data.sheet).toBe('Data');
		expect(data.table.header).toEqual(TEMPLATE);
		expect(data.table.headerLine).toBe(2);
		expect(data.table.lines).toEqual([3]);
		expect(data.table.records[0]).toEqual(['10.7.3', 'GTM', '2020', '', '12', 'final', 'INE']);
	});

	it('refuses a sheet that does not exist with a 422 naming the sheets there are', async () => {
		const bytes = await workbook({ Notes: NOTES, Data: [TEMPLATE] });
		const e = await rejection(readXlsx(bytes, 'Datos'));
		expect(e.status).toBe(422);
		expect(e.message).toBe('The workbook has no sheet "Datos"; its sheets are "Notes", "Data".');
		expect(e.issues).toEqual([{ path: 'sheet', message: e.message }]);
	});

	it('refuses a broken workbook with a clear 422', async () => {
		const good = await workbook({ A: [['x']] });
		const broken = new Uint8Array([...good.slice(0, 200), ...new Uint8Array(300)]);
		const e = await rejection(readXlsx(broken));
		expect(e.status).toBe(422);
		expect(e.message).toMatch(
			/^The file looks like an Excel workbook \(\.xlsx\) but could not be read/
		);
	});
});

describe('XLSX imports', () => {
	it('imports the chosen sheet of a workbook sent under a .csv name, and writes nothing on a missing sheet', async () => {
		const bytes = await workbook({
			Notes: NOTES,
			Data: [
				TEMPLATE,
				['10.7.3', 'GTM', 2019, '', 9, 'final', 'INE'],
				['10.7.3', 'GTM', 2020, '', 12, 'final', 'INE']
			]
		});
		const missing = await rejection(
			readImportRequest(multipart(bytes, 'deaths.csv', { sheet: 'Hoja1' }), url())
		);
		expect(missing.status).toBe(422);
		expect(missing.message).toContain('"Notes", "Data"');
		expect(listObservations(t.db, who.admin, '10.7.3', { country: 'GTM' })).toEqual([]);

		const input = await readImportRequest(multipart(bytes, 'deaths.csv', { sheet: 'Data' }), url());
		expect(input.spreadsheet?.sheet).toBe('Data');
		const report = runImport(t.db, who.admin, input);
		expect(report).toMatchObject({
			format: 'template',
			committed: true,
			rowsImported: 2,
			sheet: 'Data',
			sheets: ['Notes', 'Data']
		});
		expect(
			listObservations(t.db, who.admin, '10.7.3', { country: 'GTM' }).map((o) => [
				o.period,
				o.value
			])
		).toEqual([
			['2019', 9],
			['2020', 12]
		]);
	});

	it('says which layouts a sheet may have when it is not the template', async () => {
		const bytes = await workbook({ Notes: NOTES });
		const input = await readImportRequest(
			multipart(bytes, 'notes.xlsx', { dryRun: 'true' }),
			url()
		);
		const report = runImport(t.db, who.admin, input);
		expect(report.errors[0].message).toMatch(/^An Excel sheet is read in Avance's template layout/);
		expect(report.observations).toBe(0);
	});

	it('reads the Excel export of an indicator back to the same values', async () => {
		const csv = [
			'indicator,country,period,disaggregation,value,status,source,note',
			'10.7.3,MEX,2018,,31,final,INEGI,',
			'10.7.3,MEX,2019,sex=female,12.5,provisional,INEGI,checked twice',
			'10.7.3,GTM,2020-Q2,,0.125,final,,',
			'10.7.3,,2021,,1234567.891,final,IOM,regional'
		].join('\n');
		expect(runImport(t.db, who.admin, { text: csv, fileName: 'seed.csv' }).rowsImported).toBe(4);
		const before = listObservations(t.db, who.admin, '10.7.3');
		const bytes = await toXlsx(
			[
				{
					name: 'Observations',
					columns: OBSERVATION_EXPORT_COLUMNS,
					rows: observationExportRows(before)
				}
			],
			{ title: 'values of 10.7.3', source: 'Avance', licence: 'test' }
		);

		// The same database: every value unchanged.
		const again = await readImportRequest(multipart(new Uint8Array(bytes), '10.7.3.xlsx'), url());
		const same = runImport(t.db, who.admin, { ...again, dryRun: true });
		expect(same).toMatchObject({
			format: 'template',
			errors: [],
			rowsUnchanged: 4,
			rowsImported: 0
		});
		expect(same.sheets).toEqual(['Observations', 'About']);

		// A fresh database: the same values, statuses, sources and notes.
		const other = freshDb();
		try {
			const admin = cast(other.db).admin;
			const report = runImport(other.db, admin, again);
			expect(report.rowsImported).toBe(4);
			const pick = (o: (typeof before)[number]) => [
				o.country,
				o.period,
				o.disaggregation,
				o.value,
				o.status,
				o.source,
				o.note
			];
			expect(listObservations(other.db, admin, '10.7.3').map(pick)).toEqual(before.map(pick));
		} finally {
			other.close();
		}
	});

	it('maps a sheet of any layout through an import profile', async () => {
		const bytes = await workbook({
			Incidents: [
				['Incident year', 'Country of Origin', 'Dead and Missing'],
				[2015, 'Guatemala', 4],
				[2015, 'Guatemala', 11],
				[2016, 'Guatemala', 23],
				[2016, 'Atlantis', 2]
			]
		});
		const { text, spreadsheet } = await readUpload(bytes);
		const report = runImport(t.db, who.admin, {
			text,
			spreadsheet,
			dryRun: true,
			profile: {
				name: 'IOM by origin',
				indicator: '10.7.3',
				period: { column: 'Incident year' },
				geography: { column: 'Country of Origin', kind: 'name' },
				value: { column: 'Dead and Missing' },
				aggregate: 'sum'
			}
		});
		expect(report).toMatchObject({ format: 'profile', rowsImported: 2, errors: [] });
		expect(report.skipped).toEqual([
			{ line: 5, reason: "unknown geography 'Atlantis' in Country of Origin" }
		]);
	});
});
