// Reading actions: one, a filtered and searched list (in the version each reader sees,
// visibility.ts), their history, and what an article's or country's page shows of them.
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { requestLocale } from '../http/locale';
import {
	action,
	auditEntry,
	indicator,
	indicatorTranslation,
	user,
	type Locale
} from '../db/schema';
import {
	assert,
	canEdit,
	canReadDrafts,
	canSeeDeleted,
	editScope,
	requireActor,
	type Actor
} from '../auth/authz';
import { changedFields } from '../audit/audit';
import { forbidden, notFound } from '../http/errors';
import { getFramework, isoToday } from '../declaration/articles';
import { countryName } from '../declaration/countries';
import { actionVersion, seesWorking, workingCondition } from '../visibility/visibility';
import type { ActionQuery } from '$lib/schemas/actions';
import {
	actionRow,
	ftsQuery,
	selectJoined,
	toRecords,
	type ActionDetail,
	type ActionList,
	type ActionRecord,
	type ActionRow,
	type ActionSnapshot
} from './records';

/** Checks that the reader may see this action; 404 for deleted ones they may not restore. */
function assertReadable(actor: Actor | null, row: ActionRow): void {
	const who = requireActor(actor);
	if (row.deletedAt && !canSeeDeleted(who, row.countryIso3)) {
		throw notFound(`There is no action ${row.id}.`);
	}
	if (!seesWorking(who, row.countryIso3) && !row.validated) {
		throw forbidden('This action has not been validated yet; only its country may read it.');
	}
}

export function getAction(db: Db, actor: Actor | null, id: number): ActionDetail {
	requireActor(actor);
	const row = actionRow(db, id);
	assertReadable(actor, row);
	const rows = selectJoined(db).where(eq(action.id, id)).all();
	const [rec] = toRecords(db, actor, rows);
	const validated =
		!rec.showingValidated && row.validated ? (row.validated as unknown as ActionSnapshot) : null;
	return { ...rec, validated };
}

export const PAGE_SIZE = 25;

function filterConditions(db: Db, actor: Actor, q: ActionQuery): SQL[] | null {
	const fw = getFramework(db);
	// Every condition reads the version of each action the reader sees (visibility.ts).
	const v = actionVersion(actor);
	const where: SQL[] = [eq(action.frameworkId, fw.id), v.visible];
	if (q.deleted) {
		// Deleted actions: only for those who may restore them (their countries' and regional).
		const scope = editScope(actor);
		if (scope.kind === 'none') return null;
		where.push(isNotNull(action.deletedAt));
		if (scope.kind === 'some') where.push(workingCondition(actor, action.countryIso3));
	} else {
		where.push(isNull(action.deletedAt));
	}
	if (q.article !== undefined) where.push(v.hasArticle(q.article));
	if (q.objective !== undefined) where.push(v.hasObjective(q.objective));
	if (q.country === 'regional') where.push(sql`${v.country} is null`);
	else if (q.country) where.push(sql`${v.country} = ${q.country}`);
	if (q.status) where.push(sql`${v.status} = ${q.status}`);
	// Review states are the working data's; other readers see validated versions only.
	if (q.review)
		where.push(
			sql`(case when ${v.working} then ${action.reviewState} else 'validated' end) = ${q.review}`
		);
	if (q.overdue !== undefined) {
		const overdue = v.overdue(isoToday());
		where.push(q.overdue ? overdue : sql`not ${overdue}`);
	}
	if (q.q) {
		const match = ftsQuery(q.q);
		if (match) where.push(v.matches(match));
	}
	return where;
}

export function listActions(
	db: Db,
	actor: Actor | null,
	q: ActionQuery = {},
	opts: { defaultLimit?: number } = {}
): ActionList {
	const who = requireActor(actor);
	const limit = q.limit ?? opts.defaultLimit ?? PAGE_SIZE;
	const offset = q.cursor ? Number(q.cursor) : q.page ? (q.page - 1) * limit : 0;
	const where = filterConditions(db, who, q);
	if (!where) return { items: [], total: 0, nextCursor: null, offset, limit };
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(action)
			.where(and(...where))
			.get()?.n ?? 0;
	const sort = q.sort ?? 'updated';
	const dir = q.order ?? (sort === 'updated' ? 'desc' : 'asc');
	const by = dir === 'asc' ? asc : desc;
	const v = actionVersion(who);
	const order =
		sort === 'title'
			? [by(sql`${v.title} collate nocase`), desc(action.id)]
			: sort === 'due'
				? [sql`${v.dueDate} is null`, by(v.dueDate), desc(action.id)]
				: [by(action.updatedAt), by(action.id)];
	const rows = selectJoined(db)
		.where(and(...where))
		.orderBy(...order)
		.limit(limit)
		.offset(offset)
		.all();
	const items = toRecords(db, who, rows);
	return {
		items,
		total,
		nextCursor: offset + items.length < total ? String(offset + items.length) : null,
		offset,
		limit
	};
}

/** Records by id, in the order given (ids the reader may not see are left out). */
export function actionsByIds(db: Db, actor: Actor | null, ids: number[]): ActionRecord[] {
	const who = requireActor(actor);
	if (ids.length === 0) return [];
	const rows = selectJoined(db).where(inArray(action.id, ids)).all();
	const visible = rows.filter(
		(r) => seesWorking(who, r.a.countryIso3) || (!!r.a.validated && !r.a.deletedAt)
	);
	const byId = new Map(toRecords(db, who, visible).map((r) => [r.id, r]));
	return ids.map((id) => byId.get(id)).filter((r): r is ActionRecord => !!r);
}

/** May this actor edit this action? (For showing buttons; services enforce.) */
export function actionPermissions(actor: Actor | null, rec: { country: string | null }) {
	return {
		edit: canEdit(actor, rec.country),
		readDrafts: canReadDrafts(actor, rec.country)
	};
}

/** The action's own history from the audit log (for readers of its drafts). */
export function actionHistoryEntries(db: Db, actor: Actor | null, id: number) {
	const who = requireActor(actor);
	const row = actionRow(db, id);
	assertReadable(who, row);
	assert.readDrafts(who, row.countryIso3);
	return db
		.select({
			id: auditEntry.id,
			at: auditEntry.at,
			userName: user.name,
			operation: auditEntry.operation,
			before: auditEntry.before,
			after: auditEntry.after,
			note: auditEntry.note,
			entity: auditEntry.entity
		})
		.from(auditEntry)
		.leftJoin(user, eq(user.id, auditEntry.userId))
		.where(
			or(
				and(eq(auditEntry.entity, 'action'), eq(auditEntry.entityId, String(id))),
				and(
					eq(auditEntry.entity, 'action_update'),
					sql`json_extract(${auditEntry.after}, '$.actionId') = ${id}`
				),
				and(
					eq(auditEntry.entity, 'evidence'),
					sql`json_extract(coalesce(${auditEntry.after}, ${auditEntry.before}), '$.actionId') = ${id}`
				)
			)
		)
		.orderBy(desc(auditEntry.id))
		.limit(200)
		.all()
		.map((e) => ({
			id: e.id,
			at: e.at.toISOString(),
			user: e.userName,
			entity: e.entity,
			operation: e.operation,
			changed: changedFields(e.before, e.after).filter((f) => f !== 'id'),
			note: e.note
		}));
}

/** Indicators an action may link to (for forms), named in the page's language. */
export function indicatorChoices(
	db: Db,
	locale: Locale = requestLocale()
): { code: string; name: string }[] {
	return db
		.select({ code: indicator.code, name: indicator.name, tr: indicatorTranslation.name })
		.from(indicator)
		.leftJoin(
			indicatorTranslation,
			and(
				eq(indicatorTranslation.indicatorId, indicator.id),
				eq(indicatorTranslation.locale, locale)
			)
		)
		.orderBy(asc(indicator.code))
		.all()
		.map((r) => ({ code: r.code, name: (locale !== 'en' && r.tr) || r.name }));
}

export interface ActionsSectionData {
	items: (ActionRecord & { countryName: string | null })[];
	total: number;
	canCreate: boolean;
}

/**
 * The actions of an article or a country for its page: the 10 most recently updated the
 * reader may see, with country names, the total, and whether they may add one.
 */
export function actionsSection(
	db: Db,
	actor: Actor | null,
	filter: { article?: number; country?: string },
	locale: 'en' | 'es' | 'fr' = 'en'
): ActionsSectionData {
	const list = listActions(db, actor, { ...filter, limit: 10 });
	return {
		items: list.items.map((a) => ({
			...a,
			countryName: a.country ? countryName(a.country, locale) : null
		})),
		total: list.total,
		canCreate: filter.country ? canEdit(actor, filter.country) : canEdit(actor, null)
	};
}
