// The 409 of an action's write based on an old version: what changed since that version (from
// the audit log), who changed it and the current record, so the editor can decide.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEntry } from '../db/schema';
import type { Actor } from '../auth/authz';
import { changedFields } from '../audit/audit';
import { conflict } from '../http/errors';
import { auditStateOf, workingRecord, type ActionRecord, type Tx, type UserRef } from './records';

export interface FieldChange {
	field: string;
	/** The value when the editor opened the record (null if unknown). */
	then: unknown;
	now: unknown;
}

export interface ConflictDetails {
	yourVersion: number;
	currentVersion: number;
	changes: FieldChange[];
	changedBy: UserRef | null;
	changedAt: string;
	current: ActionRecord;
}

/**
 * A 409 for an edit based on an old version, with what changed since that version
 * (from the audit log) and the current record, so the editor can decide.
 */
export function staleConflict(db: Db | Tx, actor: Actor, id: number, yourVersion: number) {
	const current = workingRecord(db, id);
	const entries = db
		.select({ before: auditEntry.before, after: auditEntry.after })
		.from(auditEntry)
		.where(and(eq(auditEntry.entity, 'action'), eq(auditEntry.entityId, String(id))))
		.orderBy(desc(auditEntry.id))
		.all();
	const then = entries
		.map((e) => e.after as Record<string, unknown> | null)
		.find((a) => a && a.version === yourVersion);
	const now = auditStateOf(current) as Record<string, unknown>;
	const changes: FieldChange[] = then
		? changedFields(then, now)
				.filter((f) => f !== 'id')
				.map((field) => ({ field, then: then[field] ?? null, now: now[field] ?? null }))
		: [];
	const details: ConflictDetails = {
		yourVersion,
		currentVersion: current.version,
		changes,
		changedBy: current.updatedBy,
		changedAt: current.updatedAt,
		current
	};
	const fields = changes.map((c) => c.field).join(', ');
	return conflict(
		`This action was changed by ${current.updatedBy?.name ?? 'someone else'} after you opened it (you had version ${yourVersion}, it is now version ${current.version}${fields ? `; changed: ${fields}` : ''}). Nothing was saved.`,
		details
	);
}
