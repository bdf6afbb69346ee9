import { json } from '@sveltejs/kit';
import { api } from '$lib/server/http/json';
import { getDb, type Db } from '$lib/server/db';
import { healthReport } from '$lib/server/health/report';

/** Disk, database, migrations, backups and storage faults: 200 ok / degraded, 503 failing. */
export const GET = api(async () => {
	let db: Db | null = null;
	let openError: string | undefined;
	try {
		db = getDb();
	} catch (e) {
		openError = e instanceof Error ? e.message : String(e);
	}
	const report = await healthReport(db, { openError });
	return json(report, { status: report.status === 'failing' ? 503 : 200 });
});
