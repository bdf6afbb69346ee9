// `npm run db:backup -- FILE`: a consistent online backup of DATABASE_URL (default
// data/avance.db) into FILE, while the server keeps serving.
import { databasePath } from '../src/lib/server/db';
import { backupDatabase, BackupError } from '../src/lib/server/backup';

const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run db:backup -- FILE   (for example backups/avance-2026-05-31.db)');
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
