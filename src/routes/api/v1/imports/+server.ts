import { json } from '@sveltejs/kit';
import { api, actorOf } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { assert } from '$lib/server/auth/authz';
import { runImport } from '$lib/server/import/pipeline';
import { listImportRuns } from '$lib/server/import/runs';
import { readImportRequest } from '$lib/server/import/http';
import { withSavedProfile } from '$lib/server/import/profiles';

/** Recent imports (admins: all; coordinators: their own). */
export const GET = api(async (event) => {
	const actor = actorOf(event);
	return json({ items: listImportRuns(getDb(), actor) });
});

/**
 * `POST /imports?format=&indicator=&country=&dryRun=&validOnly=&profile=` with a `text/csv` body or a
 * multipart form (field `file`). 200 with the report for a dry run, 201 when committed; 422
 * `import_rejected` (the report in `error.details`) when rows were rejected and nothing was
 * written; 413 over 16 MB or 300,000 values; 415 for other content types.
 */
export const POST = api(async (event) => {
	const actor = actorOf(event);
	assert.import(actor);
	const db = getDb();
	const input = withSavedProfile(db, actor, await readImportRequest(event.request, event.url));
	const report = runImport(db, actor, input);
	return json(report, { status: report.committed ? 201 : 200 });
});
