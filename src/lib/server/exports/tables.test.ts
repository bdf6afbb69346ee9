// Issue 19 §5: the evidence list, the comparison of member states and a round's completeness
// download as CSV and as Excel with the same columns; the Excel files read back (with the same
// library) with number, date and true/false cells, and the CSV through the one CSV writer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import type { Actor } from '../auth/authz';
import { createAction } from '../actions';
import { addEvidence, listEvidence } from '../evidence';
import { upsertObservations } from '../observations';
import { compareMembers } from '../progress/compare';
import { createRound, roundCompleteness } from '../desk/rounds';
import { comparisonTable, completenessTable, evidenceTable } from './tables';
import { tableDownload } from './download';
import { actionCreateSchema } from '$lib/schemas/actions';
import { evidenceCreateSchema } from '$lib/schemas/evidence';
import { observationInputSchema } from '$lib/schemas/observations';
import type { XlsxTable } from './xlsx';

let t: TestDb;
let admin: Actor;
const ABOUT = { title: 'Test', source: 'Avance test', licence: 'Internal' };
const obs = (o: Record<string, unknown>) => observationInputSchema.parse(o);

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	const a = createAction(
		t.db,
		admin,
		actionCreateSchema.parse({
			title: 'Remittance fee cap',
			country: 'MEX',
			articles: [2],
			leadAgency: 'SRE',
			status: 'in_progress'
		})
	);
	addEvidence(
		t.db,
		admin,
		evidenceCreateSchema.parse({
			url: 'https://example.org/decree',
			title: '=Decree, "fees"',
			kind: 'law',
			publishedOn: '2024-03-05',
			target: { type: 'action', id: a.id }
		})
	);
	upsertObservations(t.db, admin, '10.c.1', [
		obs({ country: 'MEX', period: '2016', value: 5.5 }),
		obs({ country: 'MEX', period: '2022', value: 4.25 }),
		obs({ country: 'GTM', period: '2016', value: 6 }),
		obs({ country: 'GTM', period: '2022', value: 3.5 })
	]);
	createRound(t.db, admin, { name: 'VM 2027', opensOn: '2020-01-01', dueOn: '2030-12-31' });
});
afterAll(() => t.close());

async function readBack(res: Response) {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(await res.arrayBuffer());
	return wb;
}

async function both(table: XlsxTable, name: string) {
	const csv = await tableDownload('csv', table, ABOUT, name);
	expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	expect(csv.headers.get('content-disposition')).toMatch(
		new RegExp(`${name}-\\d{4}-\\d{2}-\\d{2}\\.csv`)
	);
	expect(csv.headers.get('cache-control')).toBe('private, no-store');
	const text = await csv.text();
	const header = text.replace(/^\uFEFF/, '').split('\r\n')[0];
	const xlsx = await tableDownload('xlsx', table, ABOUT, name);
	expect(xlsx.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
	const wb = await readBack(xlsx);
	const ws = wb.getWorksheet(table.name)!;
	const headers = (ws.getRow(1).values as unknown[]).slice(1);
	// The same columns in both files.
	expect(header.split(',')).toEqual(headers);
	expect(wb.getWorksheet('About')).toBeDefined();
	const col = (h: string) => headers.indexOf(h) + 1;
	return { ws, col, text };
}

describe('table downloads', () => {
	it('the evidence list', async () => {
		const { items } = listEvidence(t.db, admin, { limit: 100 });
		const { ws, col, text } = await both(evidenceTable(items, new URL('http://a.test/')), 'ev');
		const row = ws.getRow(2);
		expect(row.getCell(col('published_on')).value).toEqual(new Date(Date.UTC(2024, 2, 5)));
		expect(row.getCell(col('title')).value).toBe('=Decree, "fees"');
		expect(row.getCell(col('title')).formula).toBeUndefined();
		expect(row.getCell(col('country')).value).toBe('MEX');
		expect(String(row.getCell(col('action_url')).value)).toMatch(
			/^http:\/\/a\.test\/actions\/\d+$/
		);
		// The CSV neutralises the formula-looking title.
		expect(text).toContain(`"'=Decree, ""fees"""`);
	});

	it('the comparison of member states, ranked', async () => {
		const c = compareMembers(t.db, admin, '10.c.1', ['MEX', 'GTM', 'HND'], { locale: 'en' });
		const { ws, col } = await both(comparisonTable(c), 'cmp');
		expect(ws.getRow(2).getCell(col('country')).value).toBe('GTM');
		expect(ws.getRow(2).getCell(col('rank')).value).toBe(1);
		expect(ws.getRow(2).getCell(col('latest_value')).value).toBe(3.5);
		expect(ws.getRow(3).getCell(col('latest_value')).value).toBe(4.25);
		expect(typeof ws.getRow(3).getCell(col('target')).value).toBe('number');
		// Honduras has no value: no rank, empty cells, last.
		expect(ws.getRow(4).getCell(col('country')).value).toBe('HND');
		expect(ws.getRow(4).getCell(col('latest_value')).value).toBeNull();
	});

	it("a round's completeness, a true/false cell per article and indicator", async () => {
		const rows = roundCompleteness(t.db, admin, 1);
		const { ws, col } = await both(completenessTable(rows), 'round');
		expect(ws.rowCount).toBe(rows.length + 1);
		const mex = rows.findIndex((r) => r.country === 'MEX') + 2;
		expect(ws.getRow(mex).getCell(col('article_2')).value).toBe(true);
		expect(ws.getRow(mex).getCell(col('article_3')).value).toBe(false);
		expect(ws.getRow(mex).getCell(col('articles_updated')).value).toBe(1);
		expect(typeof ws.getRow(mex).getCell(col('articles_total')).value).toBe('number');
	});
});
