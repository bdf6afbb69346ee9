import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import type { Actor } from '../auth/authz';
import { createAction, listActions } from '../actions';
import { upsertObservations } from '../observations';
import { createShareLink, resolveShareToken } from '../sharing/share-links';
import { openDataset } from '../open-data/open-data';
import { actionCreateSchema } from '$lib/schemas/actions';
import { observationInputSchema } from '$lib/schemas/observations';
import { toXlsx, xlsxCell } from './xlsx';
import { ACTION_EXPORT_COLUMNS, actionExportRows } from './actions-table';
import { openDataXlsx } from './open-data-xlsx';

let t: TestDb;
let admin: Actor;

async function read(buf: Buffer) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(buf as unknown as ArrayBuffer);
	return wb;
}

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	createAction(
		t.db,
		admin,
		actionCreateSchema.parse({
			title: '=SUM(A1) fee cap, "quoted"',
			country: 'MEX',
			articles: [2, 14],
			status: 'completed',
			completedOn: '2025-06-30',
			dueDate: '2025-12-31',
			percentComplete: 100
		})
	);
	upsertObservations(t.db, admin, '10.c.1', [
		observationInputSchema.parse({ country: 'MEX', period: '2015', value: 6.25 }),
		observationInputSchema.parse({
			country: 'MEX',
			period: '2020-Q3',
			disaggregation: { corridor: 'USA>MEX' },
			value: -0.5
		})
	]);
});
afterAll(() => t.close());

describe('xlsx cells', () => {
	it('turns values into typed cells', () => {
		expect(xlsxCell('4.15', 'number')).toBe(4.15);
		expect(xlsxCell(7, 'integer')).toBe(7);
		expect(xlsxCell('2025-06-30', 'date')).toEqual(new Date(Date.UTC(2025, 5, 30)));
		expect(xlsxCell(null, 'date')).toBeNull();
		expect(xlsxCell('', 'string')).toBeNull();
		expect(xlsxCell('not a number', 'number')).toBe('not a number');
		expect(xlsxCell(true, 'boolean')).toBe(true);
	});
});

describe('the actions workbook', () => {
	it('reads back with number and date cells, a frozen header, widths and an About sheet', async () => {
		const { items } = listActions(t.db, admin, { country: 'MEX' });
		const buf = await toXlsx(
			[
				{
					name: 'Actions',
					columns: ACTION_EXPORT_COLUMNS,
					rows: actionExportRows(items, new URL('http://avance.test/'))
				}
			],
			{ title: 'Actions', source: 'Avance test', licence: 'CC BY 4.0' }
		);
		const wb = await read(buf);
		const ws = wb.getWorksheet('Actions')!;
		const headers = (ws.getRow(1).values as unknown[]).slice(1);
		expect(headers).toEqual(ACTION_EXPORT_COLUMNS.map((c) => c.header));
		expect(ws.getRow(1).font?.bold).toBe(true);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const col = (h: string) => ACTION_EXPORT_COLUMNS.findIndex((c) => c.header === h) + 1;
		const row = ws.getRow(2);
		expect(row.getCell(col('id')).value).toBe(items[0].id);
		expect(typeof row.getCell(col('percent_complete')).value).toBe('number');
		expect(row.getCell(col('percent_complete')).value).toBe(100);
		expect(row.getCell(col('completed_on')).value).toEqual(new Date(Date.UTC(2025, 5, 30)));
		expect(row.getCell(col('completed_on')).numFmt).toBe('yyyy-mm-dd');
		expect(row.getCell(col('due_date')).value).toBeInstanceOf(Date);
		// A title that looks like a formula stays text (a string cell is never run).
		expect(row.getCell(col('title')).value).toBe('=SUM(A1) fee cap, "quoted"');
		expect(row.getCell(col('title')).formula).toBeUndefined();
		expect(ws.getColumn(col('title')).width).toBe(48);
		const about = wb.getWorksheet('About')!;
		const fields = new Map<string, unknown>();
		about.eachRow((r) => fields.set(String(r.getCell(1).value), r.getCell(2).value));
		expect(fields.get('Source')).toBe('Avance test');
		expect(fields.get('Licence')).toBe('CC BY 4.0');
		expect(fields.get('Generated')).toBeInstanceOf(Date);
	});

	it('writes the open data of a share link: actions and observations with numeric values', async () => {
		const created = createShareLink(t.db, admin, {
			scopeType: 'framework',
			scopeTarget: 'rcm-gcm',
			label: 'everything',
			locale: 'en'
		});
		const link = resolveShareToken(t.db, created.token)!;
		const buf = await openDataXlsx(openDataset(t.db, link, 'en'), 'http://avance.test/s/x');
		const wb = await read(buf);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Actions', 'Observations', 'About']);
		const obs = wb.getWorksheet('Observations')!;
		const headers = (obs.getRow(1).values as unknown[]).slice(1) as string[];
		const valueCol = headers.indexOf('value') + 1;
		const values: unknown[] = [];
		obs.eachRow((r, n) => n > 1 && values.push(r.getCell(valueCol).value));
		expect(values.sort()).toEqual([-0.5, 6.25]);
		const about = wb.getWorksheet('About')!;
		let licence = '';
		about.eachRow((r) => {
			if (r.getCell(1).value === 'Licence URL') licence = String(r.getCell(2).value);
		});
		expect(licence).toBe('https://creativecommons.org/licenses/by/4.0/');
	});
});
