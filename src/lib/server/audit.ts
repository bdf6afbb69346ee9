// The audit trail: one entry per change, written in the same transaction as the change.
import { auditEntry } from './db/schema';
import type { Db } from './db';

type Tx = Pick<Db, 'insert'>;

export interface AuditInput {
	userId: string | null;
	entity: string;
	entityId: string | number;
	operation: string;
	before?: unknown;
	after?: unknown;
	note?: string | null;
}

export function recordAudit(tx: Tx, entry: AuditInput): void {
	tx.insert(auditEntry)
		.values({
			userId: entry.userId,
			entity: entry.entity,
			entityId: String(entry.entityId),
			operation: entry.operation,
			before: entry.before ?? null,
			after: entry.after ?? null,
			note: entry.note ?? null
		})
		.run();
}
