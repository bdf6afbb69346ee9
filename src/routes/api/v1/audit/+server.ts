import { json } from '@sveltejs/kit';
import { api, actorOf, readQuery } from '$lib/server/http/json';
import { getDb } from '$lib/server/db';
import { assert } from '$lib/server/auth/authz';
import { queryAudit } from '$lib/server/audit/audit';
import { auditQuerySchema } from '$lib/schemas/users';

export const GET = api(async (event) => {
	const actor = actorOf(event);
	assert.readAudit(actor);
	const { cursor, ...filters } = readQuery(event.url, auditQuerySchema);
	return json(queryAudit(getDb(), { ...filters, cursor: cursor ? Number(cursor) : undefined }));
});
