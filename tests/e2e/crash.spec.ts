// Crash test: the production server is killed with SIGKILL in the middle of a burst of writes
// — while a large import holds the write transaction open — and restarted, three times over.
// After each restart the store passes PRAGMA integrity_check, every write that was answered
// 2xx is there, and no import or multi-row change is half there: an import's observations are
// all present (with its import run and audit entry) or none are; an action has all its
// articles and its audit entry; a batch of observations is whole.
//
// It serves its own copy of build/ on its own port and database (not the e2e server).
import { test, expect } from './api-test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, buildSource, copyBuild, startServer } from '../load/server.js';
import { request, signIn } from '../load/client.js';

const IMPORT_ROWS = 20_000;
const BATCH = 20;
const ROUNDS = 3;
const ARTICLES = [1, 2, 3];

type Server = Awaited<ReturnType<typeof startServer>>;

test('SIGKILL during a burst of writes loses no acknowledged write and leaves nothing half-written', async () => {
	test.setTimeout(120_000);
	const tmp = mkdtempSync(join(tmpdir(), 'avance-crash-'));
	const dbFile = join(tmp, 'crash.db');
	const build = copyBuild(buildSource());
	let server: Server | null = null;
	const acked = {
		actions: [] as { id: number; title: string }[],
		batches: [] as string[],
		imports: [] as string[]
	};
	const crashedImports: { tag: string; midTransaction: boolean }[] = [];
	try {
		server = await startServer({ buildDir: build.dir, dbFile });
		for (let round = 1; round <= ROUNDS; round++) {
			const origin = server.origin;
			const cookie = await signIn(origin, ADMIN.email, ADMIN.password);
			let stop = false;

			// The burst: new actions (each one action row, three article rows, a search row and
			// an audit entry) and batches of 20 observations, as fast as the server answers.
			const actionLoop = async () => {
				for (let n = 0; !stop; n++) {
					const title = `Crash r${round} action ${n}`;
					const res = await request(origin, 'POST', '/api/v1/actions', {
						cookie,
						json: { title, country: 'MEX', articles: ARTICLES }
					});
					if (res.status === 201) acked.actions.push({ id: res.body.id, title });
					else if (res.status !== 0) throw new Error(`POST /actions: ${res.status} ${res.text}`);
				}
			};
			const batchLoop = async () => {
				for (let n = 0; !stop; n++) {
					const tag = `r${round}-b${n}`;
					const observations = Array.from({ length: BATCH }, (_, k) => ({
						country: 'GTM',
						period: '2024',
						disaggregation: { crash_batch: tag, crash_row: String(k) },
						value: k
					}));
					const res = await request(origin, 'POST', '/api/v1/indicators/10.7.3/observations', {
						cookie,
						json: { observations }
					});
					if (res.status === 201) acked.batches.push(tag);
					else if (res.status !== 0)
						throw new Error(`POST observations: ${res.status} ${res.text}`);
				}
			};
			// Imports of 20,000 rows, one after the other.
			let inFlight: string | null = null;
			let importsAnswered = 0;
			const importLoop = async () => {
				for (let n = 0; !stop; n++) {
					const tag = `r${round}-i${n}`;
					inFlight = tag;
					const res = await request(
						origin,
						'POST',
						`/api/v1/imports?format=template&fileName=crash-${tag}.csv`,
						{ cookie, csv: importCsv(tag) }
					);
					if (res.status === 201) {
						acked.imports.push(tag);
						importsAnswered++;
					} else if (res.status !== 0) throw new Error(`POST /imports: ${res.status} ${res.text}`);
					if (res.status === 0) return;
				}
			};

			const loops = [actionLoop(), batchLoop(), importLoop()];
			// The first import of the round commits; the kill comes during the second one's commit.
			const caught = await waitForWriteTransaction(
				dbFile,
				() => inFlight !== null && importsAnswered >= 1,
				30_000
			);
			const crashed = inFlight as string | null;
			await server.kill();
			stop = true;
			await Promise.all(loops);
			if (crashed) crashedImports.push({ tag: crashed, midTransaction: caught });

			// The store as the killed process left it, then through a restarted server.
			checkStore(dbFile, acked);
			server = await startServer({ buildDir: build.dir, dbFile });
			const again = await signIn(server.origin, ADMIN.email, ADMIN.password);
			const last = acked.actions.at(-1);
			if (last) {
				const res = await request(server.origin, 'GET', `/api/v1/actions/${last.id}`, {
					cookie: again
				});
				expect(res.status).toBe(200);
				expect(res.body.title).toBe(last.title);
				expect(res.body.articles).toEqual(ARTICLES);
			}
		}
		await server.stop();
		server = null;
		checkStore(dbFile, acked);

		// The kills really came in the middle of writing: at least one import was caught with
		// its transaction open (and, per checkStore, left no trace), and writes were answered.
		const summary = `${acked.actions.length} actions, ${acked.batches.length} batches and ${acked.imports.length} imports acknowledged; imports cut off: ${crashedImports.map((c) => `${c.tag}${c.midTransaction ? ' (in its transaction)' : ''}`).join(', ')}`;
		console.log(`[crash] ${summary}`);
		test.info().annotations.push({ type: 'crash', description: summary });
		expect(crashedImports.some((c) => c.midTransaction)).toBe(true);
		expect(acked.actions.length).toBeGreaterThan(0);
		expect(acked.batches.length).toBeGreaterThan(0);
	} finally {
		await server?.kill();
		build.cleanup();
		rmSync(tmp, { recursive: true, force: true });
	}
});

function importCsv(tag: string): string {
	const lines = ['indicator,country,period,disaggregation,value,status,source,note'];
	for (let i = 0; i < IMPORT_ROWS; i++)
		lines.push(`10.7.3,CRI,2023,crash_import=${tag};row=${i},${i},final,Crash test,`);
	return lines.join('\n') + '\n';
}

/**
 * Waits until the server holds SQLite's write lock for a while during an import (a probe
 * connection cannot BEGIN IMMEDIATE ten times in a row): the import's commit is under
 * way. Answers false when the deadline passes first (the kill then comes anyway).
 */
async function waitForWriteTransaction(
	file: string,
	importing: () => boolean,
	timeoutMs: number
): Promise<boolean> {
	const probe = new Database(file, { timeout: 0 });
	const deadline = Date.now() + timeoutMs;
	let busy = 0;
	try {
		while (Date.now() < deadline) {
			let locked = false;
			try {
				probe.exec('BEGIN IMMEDIATE');
				probe.exec('ROLLBACK');
			} catch (e) {
				if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
				locked = true;
			}
			busy = locked && importing() ? busy + 1 : 0;
			if (busy >= 10) return true;
			await new Promise((r) => setTimeout(r, 4));
		}
		return false;
	} finally {
		probe.close();
	}
}

/** The invariants of the store, checked on the file itself. */
function checkStore(
	file: string,
	acked: { actions: { id: number; title: string }[]; batches: string[]; imports: string[] }
) {
	const db = new Database(file);
	try {
		const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
		const get = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;

		expect(get<{ integrity_check: string }>('pragma integrity_check').integrity_check).toBe('ok');
		expect(all('pragma foreign_key_check')).toEqual([]);

		// Every action of the burst is whole: three articles, its search row, one audit entry.
		const actions = all<{
			id: number;
			title: string;
			articles: number;
			fts: number;
			audit: number;
		}>(
			`select a.id, a.title,
			   (select count(*) from action_article x where x.action_id = a.id) articles,
			   (select count(*) from action_fts f where f.rowid = a.id) fts,
			   (select count(*) from audit_entry e where e.entity = 'action' and e.entity_id = cast(a.id as text) and e.operation = 'create') audit
			 from action a where a.title like 'Crash r%'`
		);
		for (const a of actions)
			expect(a, `action ${a.id}`).toMatchObject({ articles: 3, fts: 1, audit: 1 });
		const stored = new Map(actions.map((a) => [a.id, a.title]));
		for (const a of acked.actions)
			expect(stored.get(a.id), `acknowledged action ${a.id}`).toBe(a.title);
		// No audit entry for an action that is not there.
		const orphans = get<{ n: number }>(
			`select count(*) n from audit_entry e where e.entity = 'action' and e.operation = 'create'
			 and json_extract(e.after, '$.title') like 'Crash r%'
			 and not exists (select 1 from action a where cast(a.id as text) = e.entity_id)`
		).n;
		expect(orphans).toBe(0);

		// Every batch of observations is all there or not at all; acknowledged ones are there.
		const batches = new Map(
			all<{ tag: string; n: number }>(
				`select json_extract(disaggregation, '$.crash_batch') tag, count(*) n from observation
				 where json_extract(disaggregation, '$.crash_batch') is not null group by tag`
			).map((b) => [b.tag, b.n])
		);
		for (const [tag, n] of batches) expect(n, `batch ${tag}`).toBe(BATCH);
		for (const tag of acked.batches)
			expect(batches.get(tag), `acknowledged batch ${tag}`).toBe(BATCH);

		// Every import is all there (rows, import run, audit entry) or not at all.
		const imported = new Map(
			all<{ tag: string; n: number; runs: number }>(
				`select json_extract(disaggregation, '$.crash_import') tag, count(*) n,
				   count(distinct import_run_id) runs
				 from observation where json_extract(disaggregation, '$.crash_import') is not null group by tag`
			).map((r) => [r.tag, r])
		);
		const runs = all<{ id: number; file: string; rows: number; audit: number }>(
			`select r.id, r.file_name file, r.rows_imported rows,
			   (select count(*) from audit_entry e where e.entity = 'import_run' and e.entity_id = cast(r.id as text)) audit
			 from import_run r where r.file_name like 'crash-%'`
		);
		for (const run of runs) {
			const tag = run.file.replace(/^crash-|\.csv$/g, '');
			expect(run, `import run of ${tag}`).toMatchObject({ rows: IMPORT_ROWS, audit: 1 });
			expect(imported.get(tag), `observations of ${tag}`).toMatchObject({
				n: IMPORT_ROWS,
				runs: 1
			});
		}
		const runTags = new Set(runs.map((r) => r.file.replace(/^crash-|\.csv$/g, '')));
		for (const tag of imported.keys()) expect(runTags.has(tag), `import run for ${tag}`).toBe(true);
		for (const tag of acked.imports)
			expect(runTags.has(tag), `acknowledged import ${tag}`).toBe(true);
	} finally {
		db.close();
	}
}
