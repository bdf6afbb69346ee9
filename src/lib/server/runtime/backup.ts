// Online backups with SQLite's backup API (consistent while the server keeps serving) that
// first make sure the target has room, restores that check the file before they touch
// anything, and the restore drill's check of a backup against the live database (db:verify).
// AVANCE_BACKUP_DIR is where the nightly backups go (health reports the newest one's age).
import Database from 'better-sqlite3';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from '../db';
import { fileSystemRoom } from '../health/disk';

const ALL_PAGES = 2 ** 30;

export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

/** Bytes the database takes (main file and WAL): about what a backup of it needs. */
export function databaseBytes(file: string): number {
	const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
	return size(file) + size(`${file}-wal`);
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/**
 * Refuses (BackupError) when the folder of `target` has no room for a copy of `source` with a
 * margin (10 % and 16 MB), so a backup never fills the disk the server needs.
 * `room` measures a folder's file system (fs.statfs by default).
 */
export async function checkBackupRoom(
	source: string,
	target: string,
	room: (dir: string) => Promise<{ free: number }> = fileSystemRoom
): Promise<{ needed: number; free: number }> {
	const needed = Math.ceil(databaseBytes(source) * 1.1) + 16 * MB;
	const { free } = await room(dirname(resolve(target)));
	if (free < needed) {
		throw new BackupError(
			`Not enough room for the backup in ${dirname(resolve(target))}: it needs about ${mb(needed)} and ${mb(free)} are free. Nothing was written; free some space or back up to another disk.`
		);
	}
	return { needed, free };
}

/** Copies the live database into `target` page by page; writers keep going meanwhile. */
export async function backupDatabase(
	source: string,
	target: string,
	opts: { room?: (dir: string) => Promise<{ free: number }> } = {}
): Promise<{ bytes: number }> {
	if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
	const out = resolve(target);
	if (out === resolve(source))
		throw new BackupError('The backup file must not be the database itself.');
	mkdirSync(dirname(out), { recursive: true });
	await checkBackupRoom(source, out, opts.room);
	const tmp = `${out}.partial`;
	rmSync(tmp, { force: true });
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// Copy every page in one step: a step reads a consistent snapshot (WAL), whereas
		// small steps restart from scratch whenever another process writes meanwhile.
		await db.backup(tmp, { progress: () => ALL_PAGES });
	} catch (e) {
		// The disk filled up meanwhile (or anything else): no partial file is left behind.
		rmSync(tmp, { force: true });
		throw (e as { code?: string }).code === 'SQLITE_FULL' ||
			(e as { code?: string }).code === 'ENOSPC'
			? new BackupError(`The disk filled up while writing the backup; nothing was kept.`)
			: e;
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

/** AVANCE_BACKUP_DIR: the folder of the regular backups, or null when none is configured. */
export function backupDir(env: Record<string, string | undefined> = process.env): string | null {
	const dir = env.AVANCE_BACKUP_DIR?.trim();
	return dir ? resolve(dir) : null;
}

/** A new backup's path in `dir`: avance-2026-05-31T02-15-00.db (UTC). */
export function backupFileIn(dir: string, now = new Date()): string {
	return join(dir, `avance-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.db`);
}

/** The newest backup in `dir` (a finished `*.db` file, by modification time), or null. */
export function lastBackup(dir: string): { file: string; at: Date } | null {
	let newest: { file: string; at: Date } | null = null;
	let names: string[] = [];
	try {
		names = readdirSync(dir);
	} catch {
		return null;
	}
	for (const name of names) {
		if (!name.endsWith('.db')) continue;
		try {
			const s = statSync(join(dir, name));
			if (s.isFile() && s.size > 0 && (!newest || s.mtime > newest.at))
				newest = { file: join(dir, name), at: s.mtime };
		} catch {
			/* removed meanwhile */
		}
	}
	return newest;
}

export interface TableCount {
	table: string;
	/** Rows in the backup, null when the table is not in it. */
	backup: number | null;
	/** Rows in the live database, null when the table is not in it (or there is no live one). */
	live: number | null;
}

function countRows(db: Database.Database): Map<string, number> {
	const tables = db
		.prepare(
			"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts_%' order by name"
		)
		.all() as { name: string }[];
	return new Map(
		tables.map(({ name }) => [
			name,
			(db.prepare(`select count(*) n from "${name.replace(/"/g, '""')}"`).get() as { n: number }).n
		])
	);
}

/**
 * The restore drill's check (npm run db:verify): opens `backup` read-only, runs
 * integrity_check, and counts the rows of every table in it and in the live database.
 */
export function compareWithLive(
	backup: string,
	live: string | null
): { check: BackupCheck; integrity: string; tables: TableCount[] } {
	const check = verifyBackup(backup);
	let integrity = 'not checked';
	let inBackup = new Map<string, number>();
	if (existsSync(backup)) {
		const db = new Database(backup, { readonly: true, fileMustExist: true });
		try {
			integrity = String(db.pragma('integrity_check', { simple: true }));
			inBackup = countRows(db);
		} catch (e) {
			integrity = e instanceof Error ? e.message : String(e);
		} finally {
			db.close();
		}
	}
	let inLive = new Map<string, number>();
	if (live && existsSync(live) && resolve(live) !== resolve(backup)) {
		const db = new Database(live, { readonly: true, fileMustExist: true });
		try {
			db.pragma('busy_timeout = 5000');
			inLive = countRows(db);
		} finally {
			db.close();
		}
	}
	const names = [...new Set([...inBackup.keys(), ...inLive.keys()])].sort();
	return {
		check,
		integrity,
		tables: names.map((table) => ({
			table,
			backup: inBackup.get(table) ?? null,
			live: inLive.get(table) ?? null
		}))
	};
}
