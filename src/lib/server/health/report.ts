// What GET /api/v1/health answers ({status, db, version} as DESIGN.md §4 has it, and more):
// the disk the database lives on, the database itself (the quick check run at start, the
// WAL's size), the migration level, the age of the newest backup
// when AVANCE_BACKUP_DIR is set, and the storage faults answered since the start. `status` is
// `failing` (HTTP 503) when the disk is critical or the database unusable, `degraded` when the
// disk is low or the last backup older than 36 hours (or missing), else `ok`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db';
import { databasePath, maxDatabaseBytes, migrationsFolder } from '../db';
import { backupDir, lastBackup } from '../runtime/backup';
import { APP_VERSION } from '../runtime/config';
import { diskHealth, type DiskHealth, type DiskThresholds } from './disk';
import { faultCounts, type FaultCounts } from './faults';

export type HealthStatus = 'ok' | 'degraded' | 'failing';

/** A backup older than this makes the health `degraded`. */
export const BACKUP_MAX_AGE_HOURS = 36;

export interface DbHealth {
	state: 'ok' | 'error';
	/** PRAGMA quick_check, run once at start ('ok' when the file is sound). */
	quickCheck: string;
	checkedAt: string | null;
	sizeBytes: number;
	walBytes: number;
	error?: string;
}

export interface MigrationLevel {
	/** Migrations applied to this database. */
	applied: number;
	/** Migrations this version of Avance knows. */
	known: number;
	/** The tag of the newest applied migration (e.g. 0004_observation_revision_triggers). */
	latest: string | null;
}

export interface BackupHealth {
	dir: string;
	last: string | null;
	ageHours: number | null;
	maxAgeHours: number;
	/** No backup at all, or the newest older than maxAgeHours. */
	stale: boolean;
}

export interface HealthReport {
	status: HealthStatus;
	version: string;
	disk: DiskHealth | null;
	/** 'ok' or 'error' (DESIGN.md's shape); the details are in `database`. */
	db: 'ok' | 'error';
	database: DbHealth;
	migrations: MigrationLevel | null;
	/** Null when backups are not configured (AVANCE_BACKUP_DIR unset). */
	backup: BackupHealth | null;
	faults: FaultCounts;
}

let startupCheck: { result: string; at: string } | null = null;

/** PRAGMA quick_check once, at start (server start-up calls it; health runs it if not yet). */
export function runStartupCheck(db: Db): string {
	let result: string;
	try {
		const rows = db.$client.pragma('quick_check') as { quick_check: string }[];
		result = rows.map((r) => r.quick_check).join('; ') || 'ok';
	} catch (e) {
		result = e instanceof Error ? e.message : String(e);
	}
	startupCheck = { result, at: new Date().toISOString() };
	return result;
}

let level: MigrationLevel | null = null;

/** The migration level (read once: migrations only run at start). */
export function migrationLevel(db: Db): MigrationLevel {
	if (level) return level;
	const applied = db.$client
		.prepare('select created_at from __drizzle_migrations order by created_at')
		.all() as { created_at: number }[];
	const journal = JSON.parse(
		readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')
	) as { entries: { tag: string; when: number }[] };
	const newest = applied.at(-1)?.created_at;
	level = {
		applied: applied.length,
		known: journal.entries.length,
		latest: journal.entries.find((e) => e.when === Number(newest))?.tag ?? null
	};
	return level;
}

export function backupHealth(
	dir: string | null = backupDir(),
	now = Date.now(),
	maxAgeHours = BACKUP_MAX_AGE_HOURS
): BackupHealth | null {
	if (!dir) return null;
	const last = lastBackup(dir);
	const ageHours = last ? Math.round(((now - last.at.getTime()) / 3_600_000) * 10) / 10 : null;
	return {
		dir,
		last: last ? last.at.toISOString() : null,
		ageHours,
		maxAgeHours,
		stale: ageHours === null || ageHours > maxAgeHours
	};
}

const fileBytes = (f: string) => (existsSync(f) ? statSync(f).size : 0);

export async function healthReport(
	db: Db | null,
	opts: {
		file?: string;
		thresholds?: DiskThresholds;
		backupDir?: string | null;
		now?: number;
		version?: string;
		openError?: string;
	} = {}
): Promise<HealthReport> {
	const file = opts.file ?? databasePath();
	const dbHealth: DbHealth = {
		state: 'ok',
		quickCheck: startupCheck?.result ?? 'not run',
		checkedAt: startupCheck?.at ?? null,
		sizeBytes: fileBytes(file),
		walBytes: fileBytes(`${file}-wal`)
	};
	let migrations: MigrationLevel | null = null;
	let usedBytes = dbHealth.sizeBytes + dbHealth.walBytes;
	if (!db) {
		dbHealth.state = 'error';
		dbHealth.error = opts.openError ?? 'The database cannot be opened.';
	} else {
		try {
			if (!startupCheck) runStartupCheck(db);
			dbHealth.quickCheck = startupCheck!.result;
			dbHealth.checkedAt = startupCheck!.at;
			const pages = db.$client.pragma('page_count', { simple: true }) as number;
			const pageSize = db.$client.pragma('page_size', { simple: true }) as number;
			usedBytes = pages * pageSize;
			migrations = migrationLevel(db);
			if (dbHealth.quickCheck !== 'ok') dbHealth.state = 'error';
		} catch (e) {
			dbHealth.state = 'error';
			dbHealth.error = e instanceof Error ? e.message : String(e);
		}
	}
	const maxBytes = maxDatabaseBytes();
	let disk: DiskHealth | null = null;
	try {
		disk = await diskHealth(file, {
			thresholds: opts.thresholds,
			limit: maxBytes === null ? null : { maxBytes, usedBytes }
		});
	} catch {
		/* the folder is gone: the database state says the rest */
	}
	const backup = backupHealth(
		opts.backupDir === undefined ? backupDir() : opts.backupDir,
		opts.now ?? Date.now()
	);
	const failing =
		dbHealth.state !== 'ok' ||
		disk?.state === 'critical' ||
		(migrations !== null && migrations.applied > migrations.known);
	const degraded = disk?.state === 'warning' || backup?.stale === true || disk === null;
	return {
		status: failing ? 'failing' : degraded ? 'degraded' : 'ok',
		version: opts.version ?? APP_VERSION,
		disk,
		db: dbHealth.state,
		database: dbHealth,
		migrations,
		backup,
		faults: faultCounts()
	};
}
