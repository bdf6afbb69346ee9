import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { api } from '$lib/server/http';
import { getDb } from '$lib/server/db';
import { APP_VERSION } from '$lib/server/config';

export const GET = api(async () => {
	let db = 'ok';
	try {
		getDb().get(sql`select 1`);
	} catch {
		db = 'error';
	}
	return json(
		{ status: db === 'ok' ? 'ok' : 'degraded', db, version: APP_VERSION },
		{ status: db === 'ok' ? 200 : 503 }
	);
});
