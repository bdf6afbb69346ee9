import { describe, it, expect, afterEach } from 'vitest';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, runMigrations, StartupError, databasePath } from '.';
import { tempDbFile } from '../../../../tests/helpers/db';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

describe('the store', () => {
	it('migrates an empty file to the whole domain schema, with the pragmas of DESIGN §1', () => {
		const { file, dir } = tempDbFile();
		const db = openDatabase(file);
		cleanup.push(() => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		});
		runMigrations(db);
		const tables = (
			db.$client
				.prepare("select name from sqlite_master where type in ('table') order by name")
				.all() as {
				name: string;
			}[]
		).map((t) => t.name);
		for (const t of [
			'framework',
			'article',
			'article_translation',
			'reference',
			'reference_translation',
			'article_reference',
			'country',
			'user',
			'session',
			'account',
			'verification',
			'user_country',
			'action',
			'action_article',
			'action_indicator',
			'action_update',
			'evidence',
			'indicator',
			'indicator_translation',
			'indicator_article',
			'indicator_reference',
			'observation',
			'import_run',
			'share_link',
			'audit_entry',
			'action_fts'
		]) {
			expect(tables).toContain(t);
		}
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.$client.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
		expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
		// Running the migrations again is a no-op.
		runMigrations(db);
		const count = db.$client.prepare('select count(*) n from __drizzle_migrations').get() as {
			n: number;
		};
		expect(count.n).toBeGreaterThanOrEqual(2);
	});

	it('the natural key of an observation is unique, regional ones included', () => {
		const { file, dir } = tempDbFile();
		const db = openDatabase(file);
		cleanup.push(() => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		});
		runMigrations(db);
		db.$client.exec(
			"insert into indicator (code, name, unit, direction) values ('X.1', 'x', 'count', 'increase')"
		);
		const insert = () =>
			db.$client.exec(
				"insert into observation (indicator_id, country_iso3, scope_key, period, year, period_sort, disagg_key, value) values (1, null, '', '2020', 2020, '2020', '', 1)"
			);
		insert();
		expect(insert).toThrow(/UNIQUE/);
	});

	it('refuses to start on a folder it cannot write, with a clear message', () => {
		if (process.getuid?.() === 0) {
			// root may write anywhere; check the message on a path that cannot be a folder instead.
			const { file, dir } = tempDbFile();
			cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
			const blocker = join(dir, 'not-a-dir');
			mkdirSync(dir, { recursive: true });
			openDatabase(file).$client.close();
			expect(() => openDatabase(join(file, 'nested.db'))).toThrow(StartupError);
			void blocker;
			return;
		}
		const { dir } = tempDbFile();
		const ro = join(dir, 'ro');
		mkdirSync(ro);
		chmodSync(ro, 0o500);
		cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
		expect(() => openDatabase(join(ro, 'x.db'))).toThrow(/cannot be written/);
	});

	it('reads DATABASE_URL as a path or a file: URL', () => {
		expect(databasePath('file:/tmp/a.db')).toBe('/tmp/a.db');
		expect(databasePath('/tmp/b.db')).toBe('/tmp/b.db');
		expect(databasePath('')).toMatch(/data\/avance\.db$/);
	});
});
