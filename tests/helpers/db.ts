// A real SQLite file per test, migrated (and seeded when asked): no mocks of our database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations, type Db } from '../../src/lib/server/db';
import { seedDatabase } from '../../src/lib/server/seed/seed';

export interface TestDb {
	db: Db;
	file: string;
	dir: string;
	close: () => void;
}

export function tempDbFile(): { file: string; dir: string } {
	const dir = mkdtempSync(join(tmpdir(), 'avance-test-'));
	return { dir, file: join(dir, 'test.db') };
}

export function freshDb(opts: { seed?: boolean } = {}): TestDb {
	const { dir, file } = tempDbFile();
	const db = openDatabase(file);
	runMigrations(db);
	if (opts.seed !== false) seedDatabase(db);
	return {
		db,
		file,
		dir,
		close: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Every row of every table, for comparing whole-database states. */
export function snapshot(db: Db): Record<string, unknown[]> {
	const tables = db.$client
		.prepare(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts_%' and name != '__drizzle_migrations' order by name"
		)
		.all() as { name: string }[];
	const out: Record<string, unknown[]> = {};
	for (const { name } of tables) {
		out[name] = db.$client.prepare(`select * from "${name}" order by rowid`).all();
	}
	return out;
}
