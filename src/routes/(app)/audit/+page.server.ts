import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canReadAudit } from '$lib/server/auth/authz';
import { auditEntities, queryAudit } from '$lib/server/audit/audit';
import { lenientQuery } from '$lib/server/actions/forms';
import { auditQuerySchema } from '$lib/schemas/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canReadAudit(locals.actor))
		error(403, { message: 'Only the secretariat reads the audit log.' });
	const db = getDb();
	const { cursor, ...filters } = lenientQuery(url, auditQuerySchema, ['limit']);
	const result = queryAudit(db, {
		...filters,
		limit: 50,
		cursor: cursor ? Number(cursor) : undefined
	});
	return {
		filters: { ...filters, cursor: cursor ?? null },
		items: result.items.map((i) => ({
			...i,
			before: i.before === null ? null : JSON.stringify(i.before, null, 2),
			after: i.after === null ? null : JSON.stringify(i.after, null, 2)
		})),
		nextCursor: result.nextCursor,
		entities: auditEntities(db)
	};
};
