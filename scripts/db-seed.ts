// `npm run db:seed [-- --demo]`: seeds the declaration, references, countries and the
// starter indicators (idempotent); with --demo, adds the clearly labelled demo data set.
import { databasePath, openDatabase, runMigrations } from '../src/lib/server/db';
import { seedDatabase } from '../src/lib/server/seed/seed';
import { seedDemoData } from '../seed/demo';

const file = databasePath();
const db = openDatabase(file);
runMigrations(db);
seedDatabase(db);
console.log(`[avance] ${file}: declaration, references, countries and indicators seeded.`);
if (process.argv.includes('--demo')) {
	const summary = await seedDemoData(db);
	console.log(`[avance] demo data: ${summary}`);
}
db.$client.close();
