// The audit trail: one entry per change, written in the same transaction as the change.
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { auditEntry, user } from '../db/schema';
import type { Db } from '../db';
import { currentApiKeyId } from '../api-keys/context';

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
			note: entry.note ?? null,
			// Changes made through an API key name the key (hooks.server.ts sets the context).
			apiKeyId: currentApiKeyId()
		})
		.run();
}

export interface AuditItem {
	id: number;
	at: string;
	user: { id: string; name: string } | null;
	entity: string;
	entityId: string;
	operation: string;
	before: unknown;
	after: unknown;
	note: string | null;
	/** The API key the change was made through, if any. */
	apiKeyId: number | null;
	/** Top-level fields whose value differs between before and after. */
	changed: string[];
}

export interface AuditFilters {
	entity?: string;
	id?: string;
	/** A user id, or an email address. */
	user?: string;
	operation?: string;
	/** ISO dates, inclusive. */
	from?: string;
	to?: string;
	limit?: number;
	/** The id of the last entry of the previous page. */
	cursor?: number;
}

const IGNORED_FIELDS = new Set(['version', 'updatedAt', 'updatedBy']);

/** Names of the top-level fields that differ between two JSON objects. */
export function changedFields(before: unknown, after: unknown): string[] {
	const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
	const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
	const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
	return [...keys]
		.filter((k) => !IGNORED_FIELDS.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
		.sort();
}

/**
 * The audit log, newest first, filtered and paged by cursor. The caller checks who may
 * read it (assert.readAudit for the whole log; the record's own readers for its history).
 */
export function queryAudit(
	db: Db,
	filters: AuditFilters = {}
): { items: AuditItem[]; nextCursor: string | null } {
	const limit = Math.min(Math.max(filters.limit ?? 50, 1), 500);
	const where: SQL[] = [];
	if (filters.entity) where.push(eq(auditEntry.entity, filters.entity));
	if (filters.id) where.push(eq(auditEntry.entityId, filters.id));
	if (filters.operation) where.push(eq(auditEntry.operation, filters.operation));
	if (filters.user) {
		where.push(
			filters.user.includes('@')
				? eq(user.email, filters.user.trim().toLowerCase())
				: eq(auditEntry.userId, filters.user)
		);
	}
	if (filters.from) where.push(gte(auditEntry.at, new Date(`${filters.from}T00:00:00Z`)));
	if (filters.to)
		where.push(lt(auditEntry.at, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 864e5)));
	if (filters.cursor) where.push(lt(auditEntry.id, filters.cursor));
	const rows = db
		.select({
			id: auditEntry.id,
			at: auditEntry.at,
			userId: auditEntry.userId,
			userName: user.name,
			entity: auditEntry.entity,
			entityId: auditEntry.entityId,
			operation: auditEntry.operation,
			before: auditEntry.before,
			after: auditEntry.after,
			note: auditEntry.note,
			apiKeyId: auditEntry.apiKeyId
		})
		.from(auditEntry)
		.leftJoin(user, eq(user.id, auditEntry.userId))
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(auditEntry.id))
		.limit(limit + 1)
		.all();
	const page = rows.slice(0, limit);
	return {
		items: page.map((r) => ({
			id: r.id,
			at: r.at.toISOString(),
			user: r.userId ? { id: r.userId, name: r.userName ?? '' } : null,
			entity: r.entity,
			entityId: r.entityId,
			operation: r.operation,
			before: r.before,
			after: r.after,
			note: r.note,
			apiKeyId: r.apiKeyId,
			changed: changedFields(r.before, r.after)
		})),
		nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null
	};
}

/** Entities with entries in the log, for the filter of the audit page. */
export function auditEntities(db: Db): string[] {
	return db
		.selectDistinct({ entity: auditEntry.entity })
		.from(auditEntry)
		.orderBy(auditEntry.entity)
		.all()
		.map((r) => r.entity);
}
