// What happens once when the server starts: open and migrate the store, check it
// (quick_check, reported by the health check), seed the declaration when the store is new,
// create the first admin from the environment.
import { getDb } from '../db';
import { isSeeded, seedDatabase } from '../seed/seed';
import { ensureAdminFromEnv } from '../accounts/users';
import { runStartupCheck } from '../health/report';
import { startMailer } from '../desk/mail';
import { startDeskReminders } from '../desk/reminders';

let ready: Promise<void> | undefined;

export function startup(): Promise<void> {
	ready ??= (async () => {
		const db = getDb();
		const check = runStartupCheck(db);
		if (check !== 'ok') console.error(`[avance] the database's quick check found: ${check}`);
		// Seeding is idempotent: a new store gets the declaration, an existing one only
		// what reference data it lacks (nothing already there is overwritten).
		const fresh = !isSeeded(db);
		seedDatabase(db);
		if (fresh) console.log('[avance] database seeded with the RCM Special Declaration');
		await ensureAdminFromEnv(db);
		// Issue 17: the e-mail outbox, from where it stopped.
		startMailer(db);
		// Overdue actions, rounds due, daily digests: checked hourly, each sent once.
		startDeskReminders(db);
	})();
	return ready;
}
