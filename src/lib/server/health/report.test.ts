// The health report on a real database file: thresholds, the migration level, the database's
// figures, the age of the last backup, and the status they add up to.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { DEFAULT_DISK_THRESHOLDS, diskState, diskThresholds, type DiskThresholds } from './disk';
import { backupHealth, healthReport } from './report';

let t: TestDb | undefined;
afterEach(() => {
	t?.close();
	t = undefined;
	delete process.env.AVANCE_DB_MAX_SIZE;
});

const MB = 1024 * 1024;
const NONE: DiskThresholds = {
	warningPercent: 0,
	warningBytes: 0,
	criticalPercent: 0,
	criticalBytes: 0
};

describe('disk thresholds', () => {
	it('warning under 10 % or 500 MB, critical under 2 % or 100 MB', () => {
		expect(diskState(10_000 * MB, 50)).toBe('ok');
		expect(diskState(400 * MB, 50)).toBe('warning');
		expect(diskState(10_000 * MB, 9.9)).toBe('warning');
		expect(diskState(99 * MB, 50)).toBe('critical');
		expect(diskState(10_000 * MB, 1.9)).toBe('critical');
	});

	it('reads overrides from the environment', () => {
		expect(diskThresholds({})).toEqual(DEFAULT_DISK_THRESHOLDS);
		expect(diskThresholds({ AVANCE_DISK_WARNING: '20%,2G', AVANCE_DISK_CRITICAL: '1M' })).toEqual({
			warningPercent: 20,
			warningBytes: 2 * 1024 * MB,
			criticalPercent: 2,
			criticalBytes: MB
		});
	});
});

describe('health report', () => {
	it('reports the migration level, the quick check, the WAL and the disk', async () => {
		t = freshDb({ seed: false });
		const report = await healthReport(t.db, { file: t.file, thresholds: NONE, backupDir: null });
		const journal = JSON.parse(readFileSync('migrations/meta/_journal.json', 'utf8')) as {
			entries: { tag: string }[];
		};
		expect(report.migrations).toEqual({
			applied: journal.entries.length,
			known: journal.entries.length,
			latest: journal.entries.at(-1)!.tag
		});
		expect(report).toMatchObject({ status: 'ok', db: 'ok', backup: null });
		expect(report.database).toMatchObject({ state: 'ok', quickCheck: 'ok' });
		expect(report.database.sizeBytes).toBeGreaterThan(0);
		expect(typeof report.database.walBytes).toBe('number');
		expect(report.disk!.freeBytes).toBeGreaterThan(0);
		expect(report.disk!.totalBytes).toBeGreaterThanOrEqual(report.disk!.freeBytes);
		expect(report.faults).toMatchObject({ storage_full: expect.any(Number) });
	});

	it('is failing with the figures when the room left is critical', async () => {
		t = freshDb({ seed: false });
		const used =
			(t.db.$client.pragma('page_count', { simple: true }) as number) *
			(t.db.$client.pragma('page_size', { simple: true }) as number);
		// A cap on the database just above what it uses: almost no room left.
		process.env.AVANCE_DB_MAX_SIZE = String(used + 64 * 1024);
		const report = await healthReport(t.db, { file: t.file, backupDir: null });
		expect(report.status).toBe('failing');
		expect(report.disk).toMatchObject({ state: 'critical', freeBytes: 64 * 1024 });
		expect(report.disk!.freePercent).toBeCloseTo(((64 * 1024) / (used + 64 * 1024)) * 100, 0);
		expect(report.disk!.limitBytes).toBe(used + 64 * 1024);
	});

	it('is degraded when the last backup is older than 36 hours or missing', async () => {
		t = freshDb({ seed: false });
		const dir = join(t.dir, 'backups');
		mkdirSync(dir);
		const now = Date.now();
		expect(backupHealth(dir, now)).toMatchObject({ last: null, stale: true });
		const file = join(dir, 'avance-old.db');
		writeFileSync(file, 'x');
		utimesSync(file, new Date(now - 40 * 3_600_000), new Date(now - 40 * 3_600_000));
		expect(backupHealth(dir, now)).toMatchObject({ ageHours: 40, stale: true });
		const report = await healthReport(t.db, {
			file: t.file,
			thresholds: NONE,
			backupDir: dir,
			now
		});
		expect(report.status).toBe('degraded');
		const fresh = join(dir, 'avance-new.db');
		writeFileSync(fresh, 'x');
		utimesSync(fresh, new Date(now - 2 * 3_600_000), new Date(now - 2 * 3_600_000));
		expect(backupHealth(dir, now)).toMatchObject({ ageHours: 2, stale: false });
		expect(
			(await healthReport(t.db, { file: t.file, thresholds: NONE, backupDir: dir, now })).status
		).toBe('ok');
	});
});
