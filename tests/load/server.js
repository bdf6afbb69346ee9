// The production server (`node scripts/serve.js <build>`) on a throw-away database, for the load test,
// the crash test and the start-up failure tests. Each run serves its own copy of the build, so
// a rebuild of build/ while it runs changes nothing under it; the working directory stays the
// repository (migrations/ and seed/ are read from there). Loopback only.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now (the system's choice).
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((res, rej) => {
		const probe = createServer();
		probe.once('error', rej);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
			probe.close(() => res(port));
		});
	});
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SECRET = 'load-test-secret-not-for-production-0123456789';
export const ADMIN = { email: 'load-admin@example.org', password: 'load-admin-password-1' };

/** The build to serve: AVANCE_TEST_BUILD when set, else the repository's build/. */
export function buildSource() {
	return resolve(process.env.AVANCE_TEST_BUILD || join(ROOT, 'build'));
}

/** Builds the app (vite build) when there is no build yet, or when `force` is set. */
export function ensureBuild({ force = false } = {}) {
	const src = buildSource();
	if (!force && existsSync(join(src, 'handler.js'))) return src;
	console.log('[server] building the application (vite build)…');
	const r = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{ cwd: ROOT, stdio: 'inherit' }
	);
	if (r.status !== 0) throw new Error('vite build failed');
	return join(ROOT, 'build');
}

/**
 * Whether a build folder holds its entry points and every file handler.js imports.
 * @param {string} dir
 */
function complete(dir) {
	if (!existsSync(join(dir, 'index.js')) || !existsSync(join(dir, 'handler.js'))) return false;
	const imports = readFileSync(join(dir, 'handler.js'), 'utf8').matchAll(/from '(\.\/[^']+)'/g);
	return [...imports].every(([, path]) => existsSync(join(dir, path)));
}

/** A private copy of the build in a temporary folder (removed by `cleanup`). */
export function copyBuild(src = ensureBuild()) {
	const dir = mkdtempSync(join(tmpdir(), 'avance-build-'));
	const out = join(dir, 'build');
	// The build imports its dependencies from node_modules, found by walking up from it.
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	for (let attempt = 1; ; attempt++) {
		try {
			rmSync(out, { recursive: true, force: true });
			cpSync(src, out, { recursive: true });
			if (!complete(out)) throw new Error(`incomplete build at ${src}`);
			break;
		} catch (e) {
			// Someone may be rebuilding build/ at this moment: wait and copy again.
			if (attempt >= 10) throw e;
			spawnSync('sleep', ['3']);
		}
	}
	return { dir: out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Removes a database file and its WAL and shared-memory files.
 * @param {string} file
 */
export function removeDb(file) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * Starts `node scripts/serve.js <buildDir>` on 127.0.0.1:port with the given database file.
 * Resolves once /api/v1/health answers 200 (unless `waitReady` is false). The returned
 * object holds the process, its output so far, and stop (SIGTERM) / kill (SIGKILL).
 * Without a port, a free one is taken (ephemeral), so checkouts can test side by side.
 * @param {{ buildDir: string, port?: number, dbFile: string,
 *   env?: Record<string, string | undefined>, waitReady?: boolean, readyTimeoutMs?: number }} opts
 */
export async function startServer({
	buildDir,
	port,
	dbFile,
	env = {},
	waitReady = true,
	readyTimeoutMs = 60_000
}) {
	const listenPort = port ?? (await freePort());
	const origin = `http://127.0.0.1:${listenPort}`;
	/** @type {Record<string, string | undefined>} */
	const fullEnv = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		NODE_ENV: 'production',
		PORT: String(listenPort),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_URL: dbFile,
		BETTER_AUTH_SECRET: SECRET,
		AVANCE_ADMIN_EMAIL: ADMIN.email,
		AVANCE_ADMIN_PASSWORD: ADMIN.password,
		AUTH_SIGNIN_RATE_LIMIT: '10000',
		BODY_SIZE_LIMIT: '64M',
		...env
	};
	// A variable given as undefined is left out (e.g. to run with a default).
	for (const [k, v] of Object.entries(fullEnv)) if (v === undefined) delete fullEnv[k];
	const child = spawn(process.execPath, ['scripts/serve.js', buildDir], {
		cwd: ROOT,
		env: fullEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	/** @type {Promise<{ code: number | null, signal: string | null, output: string }>} */
	const exited = new Promise((res) =>
		child.on('exit', (code, signal) => res({ code, signal, output }))
	);
	let gone = false;
	exited.then(() => (gone = true));
	const server = {
		origin,
		port: listenPort,
		process: child,
		exited,
		output: () => output,
		/** SIGKILL: no shutdown handlers, no checkpoint — a power cut as far as SQLite sees it. */
		kill: async () => {
			if (!gone) child.kill('SIGKILL');
			return exited;
		},
		/** SIGTERM, then SIGKILL after 10 s. */
		stop: async () => {
			if (gone) return exited;
			child.kill('SIGTERM');
			const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
			const r = await exited;
			clearTimeout(t);
			return r;
		}
	};
	if (!waitReady) return server;
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (gone) {
			const r = await exited;
			throw new Error(`the server exited (code ${r.code}) before it was ready:\n${r.output}`);
		}
		try {
			const res = await fetch(`${origin}/api/v1/health`);
			if (res.status === 200) return server;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			await server.kill();
			throw new Error(`the server did not become ready in ${readyTimeoutMs} ms:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

/**
 * Runs a TypeScript script of the repository with tsx (e.g. scripts/seed-scale.ts).
 * @param {string} script
 * @param {string[]} [args]
 * @param {Record<string, string>} [env]
 */
export function runTs(script, args = [], env = {}) {
	const r = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, script), ...args],
		{ cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }
	);
	if (r.status !== 0) throw new Error(`${script} failed:\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}
