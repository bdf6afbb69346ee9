// `npm run db:restore -- FILE`: checks FILE and restores it into DATABASE_URL (default
// data/avance.db), keeping the current database beside it. Stop the server first.
import { databasePath } from '../src/lib/server/db';
import { restoreDatabase, BackupError } from '../src/lib/server/runtime/backup';

const source = process.argv[2];
if (!source) {
	console.error('Usage: npm run db:restore -- FILE   (stop the server first)');
	process.exit(2);
}
try {
	const target = databasePath();
	const { keptAs } = await restoreDatabase(source, target);
	console.log(`[avance] ${source} restored into ${target}.`);
	if (keptAs) console.log(`[avance] the previous database was kept as ${keptAs}.`);
} catch (e) {
	console.error(e instanceof BackupError ? `[avance] ${e.message}` : e);
	process.exit(1);
}
