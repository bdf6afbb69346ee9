import { describe, it, expect, afterEach } from 'vitest';
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { openDatabase } from '../db';
import { backupDatabase, restoreDatabase, verifyBackup } from './backup';
import { seedDemoData } from '../../../../seed/demo';

let t: TestDb | undefined;
afterEach(() => t?.close());

function startWriter(file: string) {
	const child = fork(join(process.cwd(), 'tests/helpers/writer.mjs'), [file], { stdio: 'ignore' });
	const ready = new Promise<void>((r) => child.once('message', () => r()));
	const stop = () =>
		new Promise<number>((r) => {
			child.on('message', (m) => {
				if (typeof m === 'object' && m && 'written' in m) r((m as { written: number }).written);
			});
			child.send('stop');
		});
	return { ready, stop };
}

describe('backup and restore', () => {
	it('backs up under concurrent writes, restores, and every table matches', async () => {
		t = freshDb();
		await seedDemoData(t.db);
		const writer = startWriter(t.file);
		await writer.ready;
		await new Promise((r) => setTimeout(r, 200));
		const backupFile = join(t.dir, 'backups', 'b1.db');
		const { bytes } = await backupDatabase(t.file, backupFile);
		const written = await writer.stop();
		expect(bytes).toBeGreaterThan(0);
		expect(written).toBeGreaterThan(0);
		expect(verifyBackup(backupFile)).toMatchObject({ ok: true, reason: null });

		// The backup is a consistent snapshot: whole transactions of 20 rows, all present in the live db.
		const backup = openDatabase(backupFile);
		const backedUp = backup.$client
			.prepare("select count(*) n from audit_entry where entity = 'load'")
			.get() as { n: number };
		expect(backedUp.n % 20).toBe(0);
		const live = snapshot(t.db);
		const snap = snapshot(backup);
		for (const table of Object.keys(snap)) {
			if (table === 'audit_entry') continue;
			expect(snap[table], table).toEqual(live[table]);
		}
		expect(live.audit_entry.slice(0, snap.audit_entry.length)).toEqual(snap.audit_entry);
		backup.$client.close();

		// Restore into another file and compare every table with the backup.
		const restored = join(t.dir, 'restored.db');
		writeFileSync(restored, '');
		const { keptAs } = await restoreDatabase(backupFile, restored);
		expect(keptAs).toBeNull(); // an empty file is not an Avance database: nothing to keep
		const r = openDatabase(restored);
		const b = openDatabase(backupFile);
		expect(snapshot(r)).toEqual(snapshot(b));
		expect(r.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		r.$client.close();
		b.$client.close();
	});

	it('refuses to restore a file that is not an intact Avance database, and changes nothing', async () => {
		t = freshDb();
		const junk = join(t.dir, 'junk.db');
		writeFileSync(junk, 'this is not a database');
		const before = snapshot(t.db);
		await expect(restoreDatabase(junk, t.file)).rejects.toThrow(/Not restored/);
		const other = join(t.dir, 'other.db');
		const o = openDatabase(other);
		o.$client.exec('create table x (a)');
		o.$client.close();
		await expect(restoreDatabase(other, t.file)).rejects.toThrow(/not an Avance database/);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('keeps the current database beside the restored one', async () => {
		t = freshDb();
		const backupFile = join(t.dir, 'b.db');
		await backupDatabase(t.file, backupFile);
		const target = join(t.dir, 'target.db');
		copyFileSync(backupFile, target);
		const { keptAs } = await restoreDatabase(backupFile, target);
		expect(keptAs && existsSync(keptAs)).toBe(true);
	});
});
