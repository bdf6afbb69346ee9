// Errors and logs (issue 8 §6), on the production server with databases of its own:
// - an unexpected error (here: a table gone from under the running server) shows a friendly
//   page with a reference id; the log has that id and the stack; the person never sees it;
// - start-up stops with one clear line when the database cannot be used (a path under a
//   file, a folder, a file that is not SQLite, a read-only folder) and touches nothing;
// - a migration that fails leaves the existing database byte for byte as it was.
import { test, expect } from './api-test';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, ROOT, buildSource, copyBuild, startServer } from '../load/server.js';
import { request as call, signIn as apiSignIn } from '../load/client.js';
import { signIn } from './helpers';

let build: ReturnType<typeof copyBuild>;
let tmp: string;

test.beforeAll(() => {
	build = copyBuild(buildSource());
	tmp = mkdtempSync(join(tmpdir(), 'avance-errors-'));
});
test.afterAll(() => {
	build?.cleanup();
	if (tmp) {
		chmodSync(tmp, 0o700);
		rmSync(tmp, { recursive: true, force: true });
	}
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const REFERENCE = /\b[0-9A-F]{8}\b/;

/** Starts the server on a database that must make it refuse to start; answers its exit. */
async function refusedStart(dbFile: string, env: Record<string, string> = {}) {
	const server = await startServer({
		buildDir: build.dir,
		dbFile,
		env,
		waitReady: false
	});
	const timer = setTimeout(() => server.kill(), 30_000);
	const exit = (await server.exited) as { code: number | null; output: string };
	clearTimeout(timer);
	return exit;
}

function expectClearRefusal(exit: { code: number | null; output: string }, words: RegExp) {
	expect(exit.code, exit.output).toBe(1);
	const line = exit.output.split('\n').find((l) => l.startsWith('[avance] cannot start:'));
	expect(line, exit.output).toMatch(words);
	// One clear line, not a stack trace.
	expect(exit.output).not.toMatch(/^\s+at /m);
}

test('an unexpected error shows a friendly page with a reference; the log has it with the stack', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const dbFile = join(tmp, 'broken.db');
	const server = await startServer({ buildDir: build.dir, dbFile });
	try {
		const context = await browser.newContext({ baseURL: server.origin });
		const page = await context.newPage();
		await signIn(page, ADMIN.email, ADMIN.password);
		const cookie = await apiSignIn(server.origin, ADMIN.email, ADMIN.password);

		// Something outside the application breaks the store under the running server.
		const outside = new Database(dbFile);
		outside.exec('ALTER TABLE action RENAME TO action_gone');
		outside.close();

		const res = await page.goto('/actions');
		expect(res?.status()).toBe(500);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const shown = await page.locator('main').innerText();
		const reference = REFERENCE.exec(shown)?.[0];
		expect(reference, shown).toBeTruthy();
		const html = await page.content();
		for (const leak of ['SqliteError', 'no such table', '    at ', '.js:', 'node_modules'])
			expect(html).not.toContain(leak);
		const log = server.output();
		const entry = log.slice(log.indexOf(`[avance] error ${reference} GET /actions`));
		expect(entry, log).toMatch(new RegExp(`^\\[avance\\] error ${reference} GET /actions\\n`));
		expect(entry).toMatch(/no such table: action/);
		expect(entry).toMatch(/\n\s+at /);

		// The API says the same in JSON: a reference, no stack.
		const api = await call(server.origin, 'GET', '/api/v1/actions', { cookie });
		expect(api.status).toBe(500);
		expect(api.body.error.code).toBe('internal');
		const apiRef = REFERENCE.exec(api.body.error.message)?.[0];
		expect(apiRef).toBeTruthy();
		expect(api.text).not.toMatch(/SqliteError|no such table|\s+at /);
		expect(server.output()).toContain(`[avance] error ${apiRef} GET /api/v1/actions`);
		await context.close();
	} finally {
		await server.kill();
	}
});

test('start-up refuses, clearly and without touching anything, a database it cannot use', async () => {
	test.setTimeout(120_000);
	// A path under a regular file.
	const file = join(tmp, 'not-a-folder');
	writeFileSync(file, 'keep me\n');
	expectClearRefusal(await refusedStart(join(file, 'avance.db')), /cannot be written/);
	expect(readFileSync(file, 'utf8')).toBe('keep me\n');

	// A folder where the file should be.
	const folder = join(tmp, 'a-folder');
	mkdirSync(folder);
	expectClearRefusal(await refusedStart(folder), /cannot be opened/);

	// A file that is not an SQLite database: left byte for byte as it was.
	const garbage = join(tmp, 'garbage.db');
	writeFileSync(garbage, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 37) % 251)));
	const before = sha(garbage);
	expectClearRefusal(await refusedStart(garbage), /cannot be opened.*not a database/);
	expect(sha(garbage)).toBe(before);
	expect(existsSync(`${garbage}-wal`)).toBe(false);

	// A read-only folder (root may write anywhere, so only for other users).
	if (process.getuid?.() !== 0) {
		const readOnly = join(tmp, 'read-only');
		mkdirSync(readOnly);
		chmodSync(readOnly, 0o500);
		expectClearRefusal(await refusedStart(join(readOnly, 'avance.db')), /cannot be written/);
		expect(existsSync(join(readOnly, 'avance.db'))).toBe(false);
		chmodSync(readOnly, 0o700);
	}
});

test('a migration that fails stops the start and leaves the database byte-identical', async () => {
	test.setTimeout(120_000);
	const dbFile = join(tmp, 'kept.db');
	let server = await startServer({ buildDir: build.dir, dbFile });
	const cookie = await apiSignIn(server.origin, ADMIN.email, ADMIN.password);
	const made = await call(server.origin, 'POST', '/api/v1/actions', {
		cookie,
		json: { title: 'Kept through a failed upgrade', country: 'MEX', articles: [1] }
	});
	expect(made.status).toBe(201);
	await server.stop();
	// Fold the WAL into the file, so the file alone is the whole database.
	const db = new Database(dbFile);
	db.pragma('wal_checkpoint(TRUNCATE)');
	const migrationsBefore = db.prepare('select count(*) n from __drizzle_migrations').get();
	db.close();
	const before = sha(dbFile);

	// The shipped migrations and one more that fails half-way through.
	const migrations = join(tmp, 'migrations');
	cpSync(join(ROOT, 'migrations'), migrations, { recursive: true });
	const journalFile = join(migrations, 'meta/_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
	const last = journal.entries.at(-1);
	journal.entries.push({
		idx: last.idx + 1,
		version: last.version,
		when: last.when + 1000,
		tag: '9999_broken',
		breakpoints: true
	});
	writeFileSync(journalFile, JSON.stringify(journal, null, 2));
	writeFileSync(
		join(migrations, '9999_broken.sql'),
		"CREATE TABLE `upgrade_probe` (`id` integer);\n--> statement-breakpoint\nUPDATE `action` SET `title` = 'changed by a broken upgrade';\n--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);\n"
	);

	const exit = await refusedStart(dbFile, { AVANCE_MIGRATIONS_DIR: migrations });
	expectClearRefusal(exit, /A database migration failed; no data was changed\..*no_such_table/);
	expect(sha(dbFile)).toBe(before);
	const after = new Database(dbFile, { readonly: true });
	expect(
		after.prepare("select count(*) n from sqlite_master where name = 'upgrade_probe'").get()
	).toEqual({ n: 0 });
	expect(after.prepare('select count(*) n from __drizzle_migrations').get()).toEqual(
		migrationsBefore
	);
	expect(after.prepare('select title from action').all()).toEqual([
		{ title: 'Kept through a failed upgrade' }
	]);
	after.close();

	// With the shipped migrations, it starts again on the same file, the data intact.
	server = await startServer({ buildDir: build.dir, dbFile });
	try {
		const again = await apiSignIn(server.origin, ADMIN.email, ADMIN.password);
		const res = await call(server.origin, 'GET', `/api/v1/actions/${made.body.id}`, {
			cookie: again
		});
		expect(res.status).toBe(200);
		expect(res.body.title).toBe('Kept through a failed upgrade');
	} finally {
		await server.stop();
	}
});
