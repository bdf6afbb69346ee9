// The review queue with diffs (issue 17 §2): every action and indicator value waiting for
// validation, with who submitted it and when, and what changed since its last validated
// version, field by field; filters by country, type and age; its count for the navigation;
// and who validated a record ("Validated by … on …", read from the audit trail). With
// national approval (review/national.ts) a focal point's queue holds their countries'
// submissions waiting for it, and the secretariat's holds only those that do not wait.
import { and, asc, desc, eq, gte, inArray, isNull, lte, not, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { action, auditEntry, indicator, observation, user } from '../db/schema';
import {
	assert,
	canSeeReviewQueue,
	isAdmin,
	requireActor,
	reviewQueueStage,
	type Actor
} from '../auth/authz';
import { awaitsNationalSql, nationallyApprovedBy } from '../review/national';
import { snapshotOf as actionSnapshot, workingRecord, type ActionSnapshot } from '../actions';
import { readSnapshot, snapshotOf as obsSnapshot } from '../observations/records';

export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

export interface QueueItem {
	type: 'action' | 'observation';
	id: string;
	title: string;
	country: string | null;
	href: string;
	reviewState: string;
	submittedBy: { id: string; name: string } | null;
	submittedAt: string | null;
	changes: FieldChange[];
	version: number;
	/** Observations: the indicator's code (for the review steps' paths). */
	indicator?: string;
	/** Issue 17 §6: the focal point's approval of this submission, when there was one. */
	nationallyApproved: { name: string | null; at: string } | null;
}

export interface QueueFilters {
	country?: string;
	type?: 'action' | 'observation';
	/** Only items waiting at least this many days. */
	olderThan?: number;
}

/** Field-by-field differences between two flat records (arrays compared as wholes). */
export function diffFields(
	before: Record<string, unknown> | null,
	after: Record<string, unknown>
): FieldChange[] {
	const out: FieldChange[] = [];
	for (const field of Object.keys(after)) {
		const b = before ? (before[field] ?? null) : null;
		const a = after[field] ?? null;
		if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, before: b, after: a });
	}
	return out;
}

const submitter = alias(user, 'submitter');

function scopeOf(actor: Actor, col: typeof action.countryIso3 | typeof observation.countryIso3) {
	if (isAdmin(actor)) return undefined;
	return actor.countries.length ? inArray(col, actor.countries) : sql`0 = 1`;
}

/** Which submissions the reader's queue holds (authz.ts's reviewQueueStage). */
function stageOf(
	actor: Actor,
	table: typeof action | typeof observation,
	entity: 'action' | 'observation'
) {
	const level = reviewQueueStage(actor);
	if (level === 'own') return undefined;
	const waits = awaitsNationalSql(entity, {
		id: table.id,
		version: table.version,
		country: table.countryIso3
	});
	return level === 'national' ? waits : not(waits);
}

function cutoff(days: number | undefined): Date | undefined {
	return days === undefined ? undefined : new Date(Date.now() - days * 86_400_000);
}

function actionItems(db: Db, actor: Actor, f: QueueFilters): QueueItem[] {
	const until = cutoff(f.olderThan);
	const rows = db
		.select({ a: action, name: submitter.name })
		.from(action)
		.leftJoin(submitter, eq(submitter.id, action.updatedBy))
		.where(
			and(
				isNull(action.deletedAt),
				eq(action.reviewState, 'submitted'),
				scopeOf(actor, action.countryIso3),
				stageOf(actor, action, 'action'),
				f.country ? eq(action.countryIso3, f.country) : undefined,
				until ? lte(action.updatedAt, until) : undefined
			)
		)
		.orderBy(asc(action.updatedAt))
		.limit(500)
		.all();
	return rows.map(({ a, name }) => {
		const now = actionSnapshot(workingRecord(db, a.id)) as unknown as Record<string, unknown>;
		const was = (a.validated as Partial<ActionSnapshot> | null) ?? null;
		return {
			type: 'action',
			id: String(a.id),
			title: a.title,
			country: a.countryIso3,
			href: `/actions/${a.id}`,
			reviewState: a.reviewState,
			submittedBy: a.updatedBy ? { id: a.updatedBy, name: name ?? '' } : null,
			submittedAt: a.updatedAt.toISOString(),
			changes: diffFields(was as Record<string, unknown> | null, now),
			version: a.version,
			nationallyApproved: nationallyApprovedBy(db, 'action', a.id, a.version)
		};
	});
}

function observationItems(db: Db, actor: Actor, f: QueueFilters): QueueItem[] {
	const until = cutoff(f.olderThan);
	const rows = db
		.select({ o: observation, code: indicator.code, name: submitter.name })
		.from(observation)
		.innerJoin(indicator, eq(indicator.id, observation.indicatorId))
		.leftJoin(submitter, eq(submitter.id, observation.updatedBy))
		.where(
			and(
				eq(observation.reviewState, 'submitted'),
				scopeOf(actor, observation.countryIso3),
				stageOf(actor, observation, 'observation'),
				f.country ? eq(observation.countryIso3, f.country) : undefined,
				until ? lte(observation.updatedAt, until) : undefined
			)
		)
		.orderBy(asc(indicator.code), asc(observation.scopeKey), asc(observation.periodSort))
		.limit(2000)
		.all();
	return rows.map(({ o, code, name }) => {
		const disagg = Object.entries(o.disaggregation ?? {})
			.map(([k, v]) => `${k}=${v}`)
			.join(';');
		const was = readSnapshot(o.validated);
		return {
			type: 'observation',
			id: String(o.id),
			indicator: code,
			title: `${code} · ${o.period}${disagg ? ` · ${disagg}` : ''}`,
			country: o.countryIso3,
			href: `/indicators/${encodeURIComponent(code)}/observations${o.countryIso3 ? `?country=${o.countryIso3}` : ''}`,
			reviewState: o.reviewState,
			submittedBy: o.updatedBy ? { id: o.updatedBy, name: name ?? '' } : null,
			submittedAt: o.updatedAt.toISOString(),
			changes: diffFields(
				was as unknown as Record<string, unknown> | null,
				obsSnapshot(o) as unknown as Record<string, unknown>
			),
			version: o.version,
			nationallyApproved: nationallyApprovedBy(db, 'observation', o.id, o.version)
		};
	});
}

/**
 * What waits for validation (admins: all not waiting for national approval; coordinators:
 * their countries'; focal points: their countries' waiting for national approval).
 */
export function reviewQueueItems(db: Db, actor: Actor | null, f: QueueFilters = {}): QueueItem[] {
	const who = requireActor(actor);
	assert.reviewQueue(who);
	return [
		...(f.type !== 'observation' ? actionItems(db, who, f) : []),
		...(f.type !== 'action' ? observationItems(db, who, f) : [])
	];
}

/**
 * The navigation's count: items waiting (admins, focal points), or waiting and returned
 * (coordinators).
 */
export function reviewCount(db: Db, actor: Actor | null | undefined): number {
	if (!actor || !canSeeReviewQueue(actor)) return 0;
	const states = (
		col: SQL.Aliased | typeof action.reviewState | typeof observation.reviewState,
		comment: typeof action.reviewComment | typeof observation.reviewComment
	) =>
		// `!= 'validated'` as the partial review indexes say it, so the count reads the index.
		reviewQueueStage(actor) !== 'own'
			? sql`${col} != 'validated' and ${col} = 'submitted'`
			: sql`${col} != 'validated' and (${col} = 'submitted' or (${col} = 'draft' and ${comment} is not null))`;
	const a =
		db
			.select({ n: sql<number>`count(*)` })
			.from(action)
			.where(
				and(
					isNull(action.deletedAt),
					states(action.reviewState, action.reviewComment),
					scopeOf(actor, action.countryIso3),
					stageOf(actor, action, 'action')
				)
			)
			.get()?.n ?? 0;
	const o =
		db
			.select({ n: sql<number>`count(*)` })
			.from(observation)
			.where(
				and(
					states(observation.reviewState, observation.reviewComment),
					scopeOf(actor, observation.countryIso3),
					stageOf(actor, observation, 'observation')
				)
			)
			.get()?.n ?? 0;
	return Number(a) + Number(o);
}

/** Who validated a record's current validated version, and when (null: never validated). */
export function validatedBy(
	db: Db,
	entity: 'action' | 'observation',
	id: number,
	validatedAt: Date | string | null
): { name: string | null; at: string } | null {
	if (!validatedAt) return null;
	const at = new Date(validatedAt);
	const row = db
		.select({ name: user.name })
		.from(auditEntry)
		.leftJoin(user, eq(user.id, auditEntry.userId))
		.where(
			and(
				eq(auditEntry.entity, entity),
				eq(auditEntry.entityId, String(id)),
				gte(auditEntry.at, new Date(at.getTime() - 1000)),
				lte(auditEntry.at, new Date(at.getTime() + 1000))
			)
		)
		.orderBy(desc(auditEntry.id))
		.get();
	return { name: row?.name ?? null, at: at.toISOString() };
}
