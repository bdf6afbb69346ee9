// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default data/avance.db).
import { databasePath, openDatabase, runMigrations, StartupError } from '../src/lib/server/db';

try {
	const file = databasePath();
	const db = openDatabase(file);
	runMigrations(db);
	db.$client.close();
	console.log(`[avance] ${file} is up to date.`);
} catch (e) {
	console.error(e instanceof StartupError ? `[avance] ${e.message}` : e);
	process.exit(1);
}
