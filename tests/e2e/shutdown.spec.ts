// Graceful stop: SIGTERM in the middle of a burst of writes (and of a large import). The server
// answers every request it had received, refuses new connections, checkpoints the WAL, closes
// the database and exits 0; every acknowledged write is in the store, and no request was cut
// off without an answer (the only failures allowed are connections refused after the stop).
//
// It serves its own copy of build/ on a free port and its own database (not the e2e server).
import { test, expect } from './api-test';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, buildSource, copyBuild, startServer } from '../load/server.js';
import { signIn } from '../load/client.js';
import { freePort } from '../helpers/free-port';

interface Outcome {
	status: number;
	body: { id?: number } | null;
	/** The network error's code when there was no answer (ECONNREFUSED, ECONNRESET, …). */
	failure?: string;
	/** When the connection the request went on was opened (Date.now()). */
	connectedAt: number;
	at: number;
}

// Keep-alive connections, as browsers and proxies use them: a request may go on a connection
// opened long before the signal.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const openedAt = new WeakMap<object, number>();

function send(
	url: string,
	opts: { method: string; headers: Record<string, string>; body: string }
): Promise<Outcome> {
	return new Promise((resolve) => {
		let connectedAt = Date.now();
		const req = http.request(url, { method: opts.method, headers: opts.headers, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				let body = null;
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
				} catch {
					/* not JSON */
				}
				resolve({ status: res.statusCode ?? 0, body, connectedAt, at: Date.now() });
			});
			res.on('error', (e: NodeJS.ErrnoException) =>
				resolve({
					status: 0,
					body: null,
					failure: e.code ?? e.message,
					connectedAt,
					at: Date.now()
				})
			);
		});
		req.on('socket', (socket) => {
			if (!openedAt.has(socket)) openedAt.set(socket, Date.now());
			connectedAt = openedAt.get(socket)!;
		});
		req.on('error', (e: NodeJS.ErrnoException) =>
			resolve({ status: 0, body: null, failure: e.code ?? e.message, connectedAt, at: Date.now() })
		);
		req.end(opts.body);
	});
}

const IMPORT_ROWS = 20_000;

test('SIGTERM during a burst of writes answers what it received, loses nothing and exits 0', async () => {
	test.setTimeout(120_000);
	const tmp = mkdtempSync(join(tmpdir(), 'avance-shutdown-'));
	const dbFile = join(tmp, 'shutdown.db');
	const build = copyBuild(buildSource());
	const port = await freePort();
	const server = await startServer({
		buildDir: build.dir,
		port,
		dbFile,
		env: { SHUTDOWN_TIMEOUT: '30' }
	});
	try {
		const origin = server.origin;
		const cookie = await signIn(origin, ADMIN.email, ADMIN.password);
		const headers = { cookie, 'content-type': 'application/json' };
		const acked: { id: number; title: string }[] = [];
		const failures: string[] = [];
		let sigtermAt = Infinity;
		let lateConnections = 0;

		// Six writers saving actions as fast as the server answers, until a connection is refused.
		const writer = async (w: number) => {
			for (let n = 0; ; n++) {
				const title = `Shutdown w${w} action ${n}`;
				const r = await send(`${origin}/api/v1/actions`, {
					method: 'POST',
					headers,
					body: JSON.stringify({ title, country: 'MEX', articles: [1, 2] })
				});
				if (r.status === 201 && r.body?.id) acked.push({ id: r.body.id, title });
				else if (r.status === 0) {
					// Refused: a new connection after the stop (fine). Anything else on a connection
					// opened before the signal is a request cut off without an answer. (A connection
					// opened after the signal that the kernel queued just as the server stopped
					// listening ends in a reset: that is a refused new connection too.)
					if (r.failure !== 'ECONNREFUSED' && r.connectedAt <= sigtermAt)
						failures.push(`writer ${w}, request ${n}: ${r.failure}`);
					if (r.connectedAt > sigtermAt) lateConnections++;
					return;
				} else throw new Error(`POST /actions answered ${r.status}`);
			}
		};
		const writers = Array.from({ length: 6 }, (_, w) => writer(w));
		while (acked.length < 20) await new Promise((r) => setTimeout(r, 10));
		// A large import in flight when the signal comes: it must still be answered.
		const lines = ['indicator,country,period,disaggregation,value,status,source,note'];
		for (let i = 0; i < IMPORT_ROWS; i++)
			lines.push(`10.7.3,CRI,2023,shutdown=1;row=${i},${i},final,Shutdown test,`);
		const importing = send(`${origin}/api/v1/imports?format=template&fileName=shutdown.csv`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'text/csv' },
			body: lines.join('\n')
		});
		await new Promise((r) => setTimeout(r, 100));

		sigtermAt = Date.now();
		server.process.kill('SIGTERM');
		const [imported] = await Promise.all([importing, ...writers]);
		const exit = await server.exited;

		expect(failures, 'requests cut off without an answer').toEqual([]);
		expect(exit.code, exit.output).toBe(0);
		expect(exit.output).toMatch(/SIGTERM: database checkpointed/);
		expect(imported.status, JSON.stringify(imported.body)).toBe(201);
		// The import was still running when the signal came, and was answered afterwards.
		expect(imported.at).toBeGreaterThan(sigtermAt);

		// The store, opened once the server has gone: whole, checkpointed, every acknowledged
		// write there.
		const walBytes = existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0;
		expect(walBytes, 'the WAL was checkpointed').toBe(0);
		const db = new Database(dbFile, { readonly: true });
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const stored = new Map(
				(
					db.prepare("select id, title from action where title like 'Shutdown w%'").all() as {
						id: number;
						title: string;
					}[]
				).map((a) => [a.id, a.title])
			);
			for (const a of acked) expect(stored.get(a.id), `acknowledged action ${a.id}`).toBe(a.title);
			const rows = db
				.prepare(
					"select count(*) n from observation where json_extract(disaggregation, '$.shutdown') is not null"
				)
				.get() as { n: number };
			expect(rows.n).toBe(IMPORT_ROWS);
		} finally {
			db.close();
		}
		console.log(
			`[shutdown] ${acked.length} actions acknowledged; import answered ${imported.at - sigtermAt} ms after SIGTERM; ${lateConnections} writer(s) stopped on a connection opened after it`
		);
	} finally {
		await server.kill();
		build.cleanup();
		rmSync(tmp, { recursive: true, force: true });
	}
});
