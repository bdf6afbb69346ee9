// `npm run db:verify -- FILE`: the restore drill's check of a backup. Opens FILE read-only,
// runs integrity_check, and prints the rows of every table in the backup beside the live
// database's (DATABASE_URL, default data/avance.db). Exit 0 when the backup is sound and an
// Avance database this version can restore, 1 otherwise. Different counts are expected (the
// live database has moved on since the backup); they are shown, not judged.
import { databasePath } from '../src/lib/server/db';
import { compareWithLive } from '../src/lib/server/runtime/backup';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run db:verify -- FILE   (a backup written by npm run db:backup)');
	process.exit(2);
}
const live = databasePath();
const { check, integrity, tables } = compareWithLive(file, live);
const width = Math.max(5, ...tables.map((t) => t.table.length));
const n = (v: number | null) => (v === null ? '–' : v.toLocaleString('en'));
console.log(`backup:    ${file}`);
console.log(`live:      ${live}`);
console.log(`integrity: ${integrity}`);
console.log('');
console.log(
	`${'table'.padEnd(width)}  ${'backup'.padStart(12)}  ${'live'.padStart(12)}  difference`
);
for (const t of tables) {
	const diff = t.backup !== null && t.live !== null ? t.live - t.backup : null;
	const shown = diff === null ? '' : diff === 0 ? '=' : diff > 0 ? `+${diff}` : String(diff);
	console.log(
		`${t.table.padEnd(width)}  ${n(t.backup).padStart(12)}  ${n(t.live).padStart(12)}  ${shown}`
	);
}
console.log('');
if (check.ok) {
	console.log(
		`[avance] ${file} is a sound backup (${check.migrations} migrations): it can be restored with npm run db:restore.`
	);
} else {
	console.error(`[avance] ${file} cannot be restored: ${check.reason}`);
	process.exit(1);
}
