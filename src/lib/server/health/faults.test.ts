// Storage faults against a real SQLite file: a full database (SQLite's max_page_count, which
// gives the same SQLITE_FULL as a full disk), a lock held from outside by a second connection,
// a read-only connection. Each answers its AppError, leaves the store exactly as it was, is
// counted once, and the API edge answers 507 / 503 with the error shape of DESIGN.md §4.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import Database from 'better-sqlite3';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import { openDatabase } from '../db';
import { runImport } from '../import/pipeline';
import { actionCreateSchema } from '$lib/schemas/actions';
import { createAction, listActions } from '../actions';
import { errorResponse } from '../http/json';
import { faultCounts, faultKind, storageFault, RETRY_AFTER_SECONDS } from './faults';
import { AppError } from '../http/errors';

let t: TestDb | undefined;
afterEach(() => {
	t?.close();
	t = undefined;
	delete process.env.AVANCE_BUSY_TIMEOUT;
});

function templateCsv(tag: string, rows: number): string {
	const lines = ['indicator,country,period,disaggregation,value,status,source,note'];
	for (let i = 0; i < rows; i++)
		lines.push(
			`10.7.3,CRI,2023,fault=${tag};row=${i},${i},final,Fault test,padding ${'x'.repeat(40)}`
		);
	return lines.join('\n') + '\n';
}

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

describe('storage faults', () => {
	beforeEach(() => {
		t = freshDb();
	});

	it('a full database answers storage_full, changes nothing, keeps reads, and the same import succeeds once there is room', async () => {
		const admin = await makeActor(t!.db, 'admin');
		const client = t!.db.$client;
		const pages = client.pragma('page_count', { simple: true }) as number;
		// Room for a few pages only: the import's transaction cannot fit.
		client.pragma(`max_page_count = ${pages + 8}`);
		const before = snapshot(t!.db);
		const counted = faultCounts().storage_full;
		const csv = templateCsv('full', 5000);

		const e = thrown(() => runImport(t!.db, admin, { text: csv, fileName: 'full.csv' }));
		expect(e).toBeInstanceOf(AppError);
		expect(e).toMatchObject({ status: 507, code: 'storage_full' });
		expect(snapshot(t!.db)).toEqual(before);
		expect(faultCounts().storage_full).toBe(counted + 1);
		// The same error met again (the edge maps it) is not counted twice.
		expect(storageFault(e)).toBe(e);
		expect(faultCounts().storage_full).toBe(counted + 1);

		// Reads keep working while writes are refused.
		expect(listActions(t!.db, admin, {}).total).toBeGreaterThanOrEqual(0);
		expect(client.pragma('integrity_check', { simple: true })).toBe('ok');

		// Room again: the same import goes through.
		client.pragma('max_page_count = 1073741823');
		const report = runImport(t!.db, admin, { text: csv, fileName: 'full.csv' });
		expect(report.committed).toBe(true);
		expect(report.rowsImported).toBe(5000);
	});

	it('a lock held from outside past the busy timeout answers busy and changes nothing', async () => {
		process.env.AVANCE_BUSY_TIMEOUT = '150';
		const db = openDatabase(t!.file);
		const admin = await makeActor(db, 'admin');
		const before = snapshot(db);
		const outside = new Database(t!.file);
		outside.exec('BEGIN IMMEDIATE');
		try {
			const started = Date.now();
			const e = thrown(() =>
				createAction(
					db,
					admin,
					actionCreateSchema.parse({ title: 'Locked out', country: 'MEX', articles: [1] })
				)
			);
			expect(e).toMatchObject({ status: 503, code: 'busy' });
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
			const res = errorResponse(e);
			expect(res.status).toBe(503);
			expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
			expect((await res.json()).error.code).toBe('busy');
		} finally {
			outside.exec('ROLLBACK');
			outside.close();
		}
		expect(snapshot(db)).toEqual(before);
		const made = createAction(
			db,
			admin,
			actionCreateSchema.parse({
				title: 'After the lock',
				country: 'MEX',
				articles: [1]
			})
		);
		expect(made.title).toBe('After the lock');
		db.$client.close();
	});

	it('a read-only database answers read_only', async () => {
		const admin = await makeActor(t!.db, 'admin');
		t!.db.$client.pragma('query_only = ON');
		const e = thrown(() =>
			createAction(
				t!.db,
				admin,
				actionCreateSchema.parse({ title: 'Read only', country: 'MEX', articles: [1] })
			)
		);
		expect(e).toMatchObject({ status: 503, code: 'read_only' });
		t!.db.$client.pragma('query_only = OFF');
	});
});

describe('the API edge', () => {
	it('answers 507 storage_full in the error shape, in the reader language', async () => {
		const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
			code: 'ENOSPC'
		});
		expect(faultKind(enospc)).toBe('storage_full');
		const event = {
			url: new URL('http://x/api/v1/imports'),
			request: new Request('http://x/api/v1/imports', {
				method: 'POST',
				headers: { 'accept-language': 'es-MX,es;q=0.9' }
			})
		} as Parameters<typeof errorResponse>[1];
		const res = errorResponse(enospc, event);
		expect(res.status).toBe(507);
		const body = await res.json();
		expect(body).toEqual({
			error: {
				code: 'storage_full',
				message: expect.stringContaining('No se guardó nada'),
				issues: []
			}
		});
		expect(errorResponse(new Error('other')).status).toBe(500);
	});

	it('finds the fault under a wrapper (drizzle wraps query errors)', () => {
		const inner = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
		const wrapped = new Error('Failed query: insert …', { cause: inner });
		expect(faultKind(wrapped)).toBe('storage_full');
		expect(faultKind(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe('busy');
		expect(faultKind(Object.assign(new Error('x'), { code: 'SQLITE_READONLY' }))).toBe('read_only');
		expect(faultKind(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBeNull();
	});
});
