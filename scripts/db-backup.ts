// `npm run db:backup -- [FILE]`: a consistent online backup of DATABASE_URL (default
// data/avance.db) into FILE, while the server keeps serving. Without FILE, into
// AVANCE_BACKUP_DIR as avance-<UTC time>.db. Refuses, before writing anything, when the
// target's file system has no room for the copy.
import { databasePath } from '../src/lib/server/db';
import {
	backupDatabase,
	backupDir,
	backupFileIn,
	BackupError
} from '../src/lib/server/runtime/backup';

const dir = backupDir();
const target = process.argv[2] || (dir ? backupFileIn(dir) : undefined);
if (!target) {
	console.error(
		'Usage: npm run db:backup -- FILE   (for example backups/avance-2026-05-31.db), or set AVANCE_BACKUP_DIR'
	);
	process.exit(2);
}
try {
	const { bytes } = await backupDatabase(databasePath(), target);
	console.log(
		`[avance] backup written to ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB), integrity checked.`
	);
} catch (e) {
	console.error(e instanceof BackupError ? `[avance] ${e.message}` : e);
	process.exit(1);
}
