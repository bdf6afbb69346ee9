// `npm run test:load`: the production server on loopback, a region-scale data set
// (scripts/seed-scale.ts), 50 concurrent readers and 5 concurrent writers for 60 seconds.
// Passes when no request failed (every answer 2xx, no time-out), the server logged no error
// and no SQLITE_BUSY, and afterwards — the server stopped, the SQLite file opened directly —
// the store is intact and every write that was answered 2xx is in it exactly once. Half-way
// through, `npm run db:backup` copies the live database from another process.
//
// Environment: LOAD_SECONDS (default 60, at most 600), LOAD_READERS (default 50),
// LOAD_PORT (default 4300), LOAD_FACTOR (seed-scale factor, default 0.05), LOAD_THINK_MS (a
// reader's mean pause between two requests, default 500; writers do not pause), LOAD_KEEP=1
// keeps the temporary folder. `--build` rebuilds the app first (otherwise the existing build/ is
// served, and built only when missing); AVANCE_TEST_BUILD serves another build folder.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { ADMIN, ROOT, copyBuild, ensureBuild, runTs, startServer } from '../tests/load/server.js';
import { request, signIn } from '../tests/load/client.js';
import { checkStore } from './load-test/check-store.js';
import { logSummary } from './load-test/summary.js';
import { writers } from './load-test/writers.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const READERS = Number(process.env.LOAD_READERS ?? 50);
const PORT = Number(process.env.LOAD_PORT ?? 4300);
const FACTOR = process.env.LOAD_FACTOR ?? '0.05';
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 500);
if (!(SECONDS > 0 && SECONDS <= 600) || !(READERS >= 1 && READERS <= 500)) {
	console.error('[load] LOAD_SECONDS must be 1–600 and LOAD_READERS 1–500.');
	process.exit(2);
}

const RUN = randomBytes(4).toString('hex');
const COORDINATOR_PASSWORD = 'bench-coordinator-password';
const OBS_INDICATOR = '10.7.3'; // a count: any non-negative value is inside its scale
const IMPORT_ROWS = 200;

const log = (...args) => console.log('[load]', ...args);
const failures = [];
const fail = (message) => {
	failures.push(message);
	if (failures.length <= 20) console.error(`[load] FAIL ${message}`);
};

// ---- set-up ----------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'avance-load-'));
const dbFile = join(tmp, 'load.db');
/** @type {ReturnType<typeof copyBuild> | undefined} */
let build;
/** @type {Awaited<ReturnType<typeof startServer>> | undefined} */
let server;
let origin = '';

let exitCode = 1;
try {
	build = copyBuild(ensureBuild({ force: process.argv.includes('--build') }));
	log(`seeding a region-scale data set (factor ${FACTOR}) into ${dbFile}`);
	log(
		runTs('scripts/seed-scale.ts', ['--factor', FACTOR, '--db', dbFile], {
			BENCH_ADMIN_EMAIL: ADMIN.email,
			BENCH_ADMIN_PASSWORD: ADMIN.password
		})
			.trim()
			.replace(/^\[scale\] /, '')
	);
	server = await startServer({ buildDir: build.dir, port: PORT, dbFile });
	origin = server.origin;
	log(`production server on ${origin}`);
	exitCode = await run(server);
} catch (e) {
	console.error('[load] aborted:', e);
} finally {
	await server?.stop();
	build?.cleanup();
	if (process.env.LOAD_KEEP) log(`kept ${tmp}`);
	else rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);

/** @param {Awaited<ReturnType<typeof startServer>>} server */
async function run(server) {
	const admin = await signIn(origin, ADMIN.email, ADMIN.password);
	const coordinator = (iso3) =>
		signIn(origin, `coordinator.${iso3.toLowerCase()}@example.org`, COORDINATOR_PASSWORD);

	const viewerEmail = `load-viewer-${RUN}@example.org`;
	const madeViewer = await request(origin, 'POST', '/api/v1/users', {
		cookie: admin,
		json: {
			email: viewerEmail,
			name: 'Load Viewer',
			password: 'load-viewer-password',
			role: 'viewer',
			countries: []
		}
	});
	if (madeViewer.status !== 201) throw new Error(`creating a viewer: ${madeViewer.text}`);
	const viewer = await signIn(origin, viewerEmail, 'load-viewer-password');

	const link = await request(origin, 'POST', '/api/v1/share-links', {
		cookie: admin,
		json: { scopeType: 'framework', scopeTarget: 'rcm-gcm', label: `Load ${RUN}` }
	});
	if (link.status !== 201) throw new Error(`creating a share link: ${link.text}`);
	const token = link.body.token;

	const listed = await request(
		origin,
		'GET',
		'/api/v1/actions?country=MEX&review=validated&limit=20',
		{
			cookie: admin
		}
	);
	const actionIds = listed.body.items.map((a) => a.id);
	const ind = await request(origin, 'GET', '/api/v1/indicators', { cookie: admin });
	const codes = ind.body.items.map((i) => i.code).slice(0, 12);

	// ---- readers: pages and GET APIs ---------------------------------------------------

	const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
	const signedInPaths = () => [
		'/',
		'/actions',
		`/actions?country=${pick(['MEX', 'GTM', 'CAN', 'PAN'])}&status=in_progress`,
		`/actions/${pick(actionIds)}`,
		'/indicators',
		`/indicators/${pick(codes)}`,
		'/evidence',
		`/articles/${1 + Math.floor(Math.random() * 18)}`,
		`/countries/${pick(['MEX', 'GTM', 'SLV', 'USA', 'CAN'])}`,
		`/api/v1/actions?country=${pick(['MEX', 'HND', 'BLZ'])}&limit=50`,
		`/api/v1/actions?q=${pick(['border', 'labour', 'return', 'data'])}`,
		`/api/v1/actions/${pick(actionIds)}`,
		`/api/v1/articles/${1 + Math.floor(Math.random() * 18)}`,
		`/api/v1/indicators/${pick(codes)}/observations?country=${pick(['MEX', 'GTM', 'CRI'])}`,
		`/api/v1/indicators/${pick(codes)}/progress?country=${pick(['MEX', 'GTM', 'CRI'])}`,
		'/api/v1/evidence?limit=50',
		'/api/v1/countries?member=true'
	];
	const adminPaths = () => [...signedInPaths(), '/audit', '/review', '/api/v1/audit'];
	const sharedPaths = () => [
		`/s/${token}`,
		`/s/${token}/articles/${1 + Math.floor(Math.random() * 18)}`,
		`/s/${token}/countries/${pick(['MEX', 'GTM', 'SLV'])}`,
		`/s/${token}/indicators/${pick(codes)}`,
		`/s/${token}/data.json`
	];
	const readerKinds = [
		{ name: 'admin', cookie: admin, paths: adminPaths },
		{ name: 'viewer', cookie: viewer, paths: signedInPaths },
		{ name: 'coordinator', cookie: await coordinator('PAN'), paths: signedInPaths },
		{ name: 'public', cookie: undefined, paths: sharedPaths }
	];

	// Writers sign in before the readers start.
	const writerSessions = {};
	for (const iso3 of ['MEX', 'GTM', 'SLV', 'HND']) writerSessions[iso3] = await coordinator(iso3);

	const reads = [];
	const writes = [];
	const errors = { count: 0 };
	const byRoute = new Map();
	const note = (kind, res, what) => {
		(kind === 'read' ? reads : writes).push(res.ms);
		const route = what
			.replace(/\?.*| \(.*| #.*/g, '')
			.replace(/\/[0-9a-f.]*\d[0-9a-f.]*(?=\/|$)/gi, '/:n')
			.replace(/\/s\/[\w-]{43}/, '/s/:token')
			.replace(/\/RCM-\d+|\/[A-Z]{3}(?=\/|$)/g, '/:x');
		byRoute.set(route, [...(byRoute.get(route) ?? []), res.ms]);
		const ok = res.status >= 200 && res.status < 300;
		if (!ok) {
			errors.count++;
			fail(`${what} → ${res.status || res.error} ${res.text.slice(0, 200).replace(/\s+/g, ' ')}`);
		}
		return ok;
	};

	const end = Date.now() + SECONDS * 1000;
	const running = () => Date.now() < end;

	async function reader(i) {
		const kind = readerKinds[i % readerKinds.length];
		while (running()) {
			const path = pick(kind.paths());
			const res = await request(origin, 'GET', path, { cookie: kind.cookie });
			note('read', res, `GET ${path} (${kind.name})`);
			// A person reads what they opened before the next click.
			await new Promise((r) => setTimeout(r, Math.random() * 2 * THINK_MS));
		}
	}

	// ---- writers (load-test/writers.js): what a write answered 2xx is kept here and checked in
	// the file later ----

	const acked = {
		actions: [],
		updates: [],
		observations: [],
		evidence: [],
		patches: { id: 0, count: 0, version: 0 },
		imports: []
	};

	const { actionWriter, updateWriter, observationWriter, editWriter, importWriter } = writers({
		origin,
		admin,
		writerSessions,
		running,
		note,
		fail,
		acked,
		RUN,
		OBS_INDICATOR,
		IMPORT_ROWS
	});

	/** Half-way through, an online backup from another process, as a nightly job would. */
	const backupFile = join(tmp, 'backup.db');
	let backupDone = false;
	async function backupWhileServing() {
		await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
		const child = spawn(
			process.execPath,
			['node_modules/tsx/dist/cli.mjs', 'scripts/db-backup.ts', backupFile],
			{ cwd: ROOT, env: { ...process.env, DATABASE_URL: dbFile }, stdio: 'pipe' }
		);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const code = await new Promise((r) => child.on('exit', r));
		if (code !== 0) fail(`the backup during the load failed: ${out}`);
		else backupDone = true;
	}

	log(`running ${READERS} readers and 5 writers for ${SECONDS} s…`);
	const started = performance.now();
	await Promise.all([
		backupWhileServing(),
		...Array.from({ length: READERS }, (_, i) => reader(i)),
		actionWriter(),
		updateWriter(),
		observationWriter(),
		editWriter(),
		importWriter()
	]);
	const elapsed = (performance.now() - started) / 1000;

	const health = await request(origin, 'GET', '/api/v1/health');
	if (health.status !== 200) fail(`the server is not healthy after the run: ${health.status}`);
	const stopped = await server.stop();
	const output = stopped.output;
	if (/SQLITE_BUSY|database is locked/i.test(output)) fail('the server logged SQLITE_BUSY');
	const logged = output.match(/\[avance\] error [0-9A-F]+.*/g) ?? [];
	if (logged.length)
		fail(`the server logged ${logged.length} error(s): ${logged.slice(0, 5).join('; ')}`);

	// ---- the store: opened directly once the server has stopped (load-test/check-store.js) ----

	const integrity = checkStore({ dbFile, acked, RUN, OBS_INDICATOR, IMPORT_ROWS, fail });

	// ---- summary ---------------------------------------------------------------------

	logSummary({ reads, writes, errors, elapsed, acked, byRoute, IMPORT_ROWS, log });
	let backupCheck = 'not made';
	if (backupDone) {
		const copy = new Database(backupFile, { readonly: true });
		backupCheck = copy.pragma('integrity_check', { simple: true });
		copy.close();
		if (backupCheck !== 'ok') fail(`the backup made during the load: ${backupCheck}`);
	}
	log(`  store: integrity_check ${integrity}; server log: ${logged.length} errors`);
	log(`  online backup half-way through: integrity_check ${backupCheck}`);
	if (reads.length === 0 || writes.length === 0) fail('no reads or no writes were made');
	if (failures.length) {
		log(`FAILED: ${failures.length} problem(s)`);
		return 1;
	}
	log('PASS: no error responses, no SQLITE_BUSY, every acknowledged write stored exactly once');
	return 0;
}
