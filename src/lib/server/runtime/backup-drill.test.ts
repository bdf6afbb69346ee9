// Backups that are known to restore: `npm run db:backup` refuses a file system without room
// for the copy (checked before anything is written), writes into AVANCE_BACKUP_DIR when no file
// is named, and `npm run db:verify -- FILE` checks a backup read-only and prints its row counts
// beside the live database's. The scripts run as an administrator runs them (tsx).
import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import { backupDatabase, checkBackupRoom, lastBackup } from './backup';
import { actionCreateSchema } from '$lib/schemas/actions';
import { createAction } from '../actions';

let t: TestDb | undefined;
let mounted: string | null = null;
afterEach(() => {
	if (mounted) spawnSync('umount', ['-l', mounted]);
	mounted = null;
	t?.close();
	t = undefined;
});

function script(name: string, args: string[], env: Record<string, string>) {
	const r = spawnSync(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', `scripts/${name}`, ...args],
		{ env: { ...process.env, ...env }, encoding: 'utf8' }
	);
	return { status: r.status, out: r.stdout, err: r.stderr };
}

/** A 2 MB tmpfs at `dir` where the machine allows mounting one (root on Linux). */
function smallFileSystem(dir: string): boolean {
	mkdirSync(dir, { recursive: true });
	if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
	const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]).status === 0;
	if (ok) mounted = dir;
	return ok;
}

describe('backups that are known to restore', () => {
	it('db:backup refuses a file system without room for the copy, before writing anything', async () => {
		t = freshDb();
		const small = join(t.dir, 'small');
		if (smallFileSystem(small)) {
			const r = script('db-backup.ts', [join(small, 'b.db')], { DATABASE_URL: t.file });
			expect(r.status).toBe(1);
			expect(r.err).toMatch(/Not enough room for the backup in .*small: it needs about [\d.]+ MB/);
			expect(r.err).toContain('Nothing was written');
			expect(readdirSync(small)).toEqual([]);
		}
		// The same check with a measured room of 1 MB (also where no tmpfs can be mounted).
		const room = async () => ({ free: 1024 * 1024 });
		await expect(checkBackupRoom(t.file, join(t.dir, 'x.db'), room)).rejects.toThrow(
			/Not enough room for the backup/
		);
		await expect(backupDatabase(t.file, join(t.dir, 'x.db'), { room })).rejects.toThrow(
			/Not enough room/
		);
		expect(readdirSync(t.dir).filter((f) => f.startsWith('x.db'))).toEqual([]);
	});

	it('db:backup writes into AVANCE_BACKUP_DIR; db:verify prints the counts beside the live ones', async () => {
		t = freshDb();
		const admin = await makeActor(t.db, 'admin');
		createAction(
			t.db,
			admin,
			actionCreateSchema.parse({ title: 'Before the backup', country: 'MEX', articles: [1] })
		);
		const dir = join(t.dir, 'backups');
		const backup = script('db-backup.ts', [], { DATABASE_URL: t.file, AVANCE_BACKUP_DIR: dir });
		expect(backup.status, backup.err).toBe(0);
		const last = lastBackup(dir);
		expect(last?.file).toMatch(/avance-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.db$/);

		// The live database moves on: two more actions.
		createAction(
			t.db,
			admin,
			actionCreateSchema.parse({ title: 'After the backup 1', country: 'MEX', articles: [1] })
		);
		createAction(
			t.db,
			admin,
			actionCreateSchema.parse({ title: 'After the backup 2', country: 'MEX', articles: [1] })
		);
		const verify = script('db-verify.ts', [last!.file], { DATABASE_URL: t.file });
		expect(verify.status, verify.err).toBe(0);
		expect(verify.out).toContain('integrity: ok');
		expect(verify.out).toMatch(/^action\s+1\s+3\s+\+2$/m);
		expect(verify.out).toMatch(/^article\s+18\s+18\s+=$/m);
		expect(verify.out).toContain('is a sound backup');

		// A damaged file fails the drill.
		const junk = join(t.dir, 'junk.db');
		writeFileSync(junk, 'SQLite format 3\0 but not really');
		const bad = script('db-verify.ts', [junk], { DATABASE_URL: t.file });
		expect(bad.status).toBe(1);
		expect(bad.err).toContain('cannot be restored');
		rmSync(junk);
	});
});
