// Online backups with SQLite's backup API (consistent while the server keeps serving),
// and restores that check the file before they touch anything.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from './db';

const ALL_PAGES = 2 ** 30;

export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

/** Copies the live database into `target` page by page; writers keep going meanwhile. */
export async function backupDatabase(source: string, target: string): Promise<{ bytes: number }> {
	if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
	const out = resolve(target);
	if (out === resolve(source))
		throw new BackupError('The backup file must not be the database itself.');
	mkdirSync(dirname(out), { recursive: true });
	const tmp = `${out}.partial`;
	rmSync(tmp, { force: true });
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// Copy every page in one step: a step reads a consistent snapshot (WAL), whereas
		// small steps restart from scratch whenever another process writes meanwhile.
		await db.backup(tmp, { progress: () => ALL_PAGES });
	} finally {
		db.close();
	}
	const check = verifyBackup(tmp);
	if (!check.ok) {
		rmSync(tmp, { force: true });
		throw new BackupError(`The backup did not pass its check: ${check.reason}`);
	}
	renameSync(tmp, out);
	return { bytes: statSync(out).size };
}

export interface BackupCheck {
	ok: boolean;
	reason: string | null;
	migrations: number;
}

/** A file is a usable backup when SQLite finds it intact and it is an Avance database this version knows. */
export function verifyBackup(file: string): BackupCheck {
	if (!existsSync(file))
		return { ok: false, reason: `There is no file at ${file}.`, migrations: 0 };
	let db: Database.Database | undefined;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok')
			return { ok: false, reason: `integrity check: ${integrity}`, migrations: 0 };
		const tables = new Set(
			(
				db.prepare("select name from sqlite_master where type = 'table'").all() as {
					name: string;
				}[]
			).map((t) => t.name)
		);
		for (const t of [
			'__drizzle_migrations',
			'framework',
			'article',
			'action',
			'observation',
			'user'
		]) {
			if (!tables.has(t))
				return {
					ok: false,
					reason: `it is not an Avance database (no ${t} table).`,
					migrations: 0
				};
		}
		const applied = (
			db.prepare('select hash from __drizzle_migrations').all() as { hash: string }[]
		).map((r) => r.hash);
		const known = new Set(
			readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.hash)
		);
		const unknown = applied.filter((h) => !known.has(h));
		if (unknown.length) {
			return {
				ok: false,
				reason: 'it was written by a newer version of Avance (unknown migrations).',
				migrations: applied.length
			};
		}
		return { ok: true, reason: null, migrations: applied.length };
	} catch (e) {
		return { ok: false, reason: e instanceof Error ? e.message : String(e), migrations: 0 };
	} finally {
		db?.close();
	}
}

/**
 * Restores `backup` into `target` after checking it. The current database is first kept as
 * `<target>.before-restore-<time>`. Stop the server before restoring.
 */
export async function restoreDatabase(
	backup: string,
	target: string
): Promise<{ keptAs: string | null }> {
	const check = verifyBackup(backup);
	if (!check.ok) throw new BackupError(`Not restored: ${check.reason}`);
	const out = resolve(target);
	mkdirSync(dirname(out), { recursive: true });
	let keptAs: string | null = null;
	if (existsSync(out) && statSync(out).size > 0) {
		keptAs = `${out}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		if (verifyBackup(out).ok) await backupDatabase(out, keptAs);
		else copyFileSync(out, keptAs);
	}
	const src = new Database(backup, { readonly: true, fileMustExist: true });
	const tmp = `${out}.restoring`;
	rmSync(tmp, { force: true });
	try {
		await src.backup(tmp, { progress: () => ALL_PAGES });
	} finally {
		src.close();
	}
	for (const suffix of ['-wal', '-shm']) rmSync(out + suffix, { force: true });
	renameSync(tmp, out);
	return { keptAs };
}
