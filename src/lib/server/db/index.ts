// The SQLite connection: one per process, opened lazily, with the pragmas of DESIGN.md §1.
// A storage fault in a transaction (full disk, outside lock, read-only file) rolls it back
// whole and comes out as its AppError (health/faults.ts).
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { syncBuiltinMappings } from '../import/mappings';
import { mkdirSync, accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';
import { mapFaults } from '../health/faults';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export { schema };

/** `DATABASE_URL` may be a path or a `file:` URL; the default is `data/avance.db`. */
export function databasePath(url = process.env.DATABASE_URL): string {
	const raw = (url ?? '').trim() || 'data/avance.db';
	return resolve(raw.replace(/^file:(\/\/)?/, ''));
}

export class StartupError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'StartupError';
	}
}

export function openDatabase(file: string = databasePath()): Db {
	if (file !== ':memory:') {
		const dir = dirname(file);
		try {
			mkdirSync(dir, { recursive: true });
			accessSync(dir, constants.W_OK);
			if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
		} catch (cause) {
			throw new StartupError(
				`The database file ${file} cannot be written. Check that the folder exists and that this user may write to it, or set DATABASE_URL to another path.`,
				{ cause }
			);
		}
	}
	let sqlite: Database.Database | undefined;
	try {
		sqlite = new Database(file);
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('synchronous = NORMAL');
		sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
		const maxBytes = maxDatabaseBytes();
		if (maxBytes !== null) {
			const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
			sqlite.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
		}
	} catch (cause) {
		// A folder, a file that is not SQLite, a damaged or locked file: say so, change nothing.
		sqlite?.close();
		const reason = cause instanceof Error ? cause.message : String(cause);
		throw new StartupError(
			`The database file ${file} cannot be opened (${reason}). Check that DATABASE_URL names an Avance database file, or a new file in a folder this user may write to; nothing was changed.`,
			{ cause }
		);
	}
	const db = drizzle(sqlite, { schema }) as Db;
	// Every transaction here writes, so it takes the write lock when it begins (IMMEDIATE):
	// a deferred one that reads first cannot wait for a writer (SQLite answers busy at once
	// when a read transaction asks for the lock), while an immediate one waits busy_timeout.
	const transaction = db.transaction.bind(db);
	db.transaction = ((fn, config) =>
		mapFaults(() => transaction(fn, { behavior: 'immediate', ...config }))) as Db['transaction'];
	return db;
}

/** How long a write waits for another connection's lock before it answers `busy` (ms). */
export function busyTimeoutMs(value = process.env.AVANCE_BUSY_TIMEOUT): number {
	const n = Number(value);
	return value && Number.isInteger(n) && n >= 0 ? n : 5000;
}

/** A size such as `500M`, `2G`, `65536` (bytes; K, M, G multiply by 1024), or null. */
export function parseSize(value: string | undefined): number | null {
	const m = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*$/i.exec(value ?? '');
	if (!m) return null;
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[
		m[2].toUpperCase() as '' | 'K' | 'M' | 'G'
	];
	return Math.floor(Number(m[1]) * unit);
}

/** AVANCE_DB_MAX_SIZE: an upper bound on the database file (SQLite's max_page_count), or null. */
export function maxDatabaseBytes(): number | null {
	return parseSize(process.env.AVANCE_DB_MAX_SIZE);
}

export function migrationsFolder(): string {
	return resolve(process.env.AVANCE_MIGRATIONS_DIR ?? 'migrations');
}

/** Applies pending migrations; each runs in a transaction, so a failure leaves the data as it was. */
export function runMigrations(db: Db): void {
	try {
		migrate(db, { migrationsFolder: migrationsFolder() });
		// Reference rows that follow the code: the built-in dimension mappings (issue 15 §2).
		syncBuiltinMappings(db);
	} catch (cause) {
		throw new StartupError(`A database migration failed; no data was changed. ${reasons(cause)}`, {
			cause
		});
	}
}

/** An error and its causes on one line: "Failed to run the query '…': no such table: x". */
function reasons(error: unknown): string {
	const parts: string[] = [];
	for (let e = error, depth = 0; e !== undefined && depth < 5; depth++) {
		parts.push((e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim());
		e = e instanceof Error ? e.cause : undefined;
	}
	return parts.filter(Boolean).join(': ');
}

let current: Db | undefined;

/** The process-wide database, opened (and migrated) on first use. */
export function getDb(): Db {
	if (!current) {
		const db = openDatabase();
		runMigrations(db);
		current = db;
	}
	return current;
}

/** For tests and scripts that open a specific file. */
export function setDb(db: Db | undefined): void {
	current = db;
}

/**
 * At shutdown, once no request is left: folds the WAL into the database file
 * (wal_checkpoint(TRUNCATE)) and closes the connection. Answers the checkpoint's result.
 */
export function closeDb(): { busy: number; log: number; checkpointed: number } | null {
	const db = current;
	if (!db) return null;
	current = undefined;
	let result: { busy: number; log: number; checkpointed: number } | null = null;
	try {
		result = (db.$client.pragma('wal_checkpoint(TRUNCATE)') as (typeof result)[])[0] ?? null;
	} finally {
		db.$client.close();
	}
	return result;
}
