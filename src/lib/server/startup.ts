// What happens once when the server starts: open and migrate the store, seed the
// declaration when the store is new, create the first admin from the environment.
import { getDb } from './db';
import { isSeeded, seedDatabase } from './seed';
import { ensureAdminFromEnv } from './users';

let ready: Promise<void> | undefined;

export function startup(): Promise<void> {
	ready ??= (async () => {
		const db = getDb();
		if (!isSeeded(db)) {
			seedDatabase(db);
			console.log('[avance] database seeded with the RCM Special Declaration');
		}
		await ensureAdminFromEnv(db);
	})();
	return ready;
}
