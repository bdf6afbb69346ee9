// Reading evidence: one link, an action's links, and the filtered list, each only for
// readers of the country's working data (visibility.ts).
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { actionArticle, actionUpdate, article, evidence } from '../db/schema';
import { assert, requireActor, type Actor } from '../auth/authz';
import { notFound } from '../http/errors';
import { getFramework } from '../declaration/articles';
import { type EvidenceQuery } from '$lib/schemas/evidence';
import { actionIdOf, resolveTarget, selectWithCreator, toItems, type EvidenceItem } from './items';
import { seesWorking, workingCondition } from '../visibility/visibility';

export function getEvidence(db: Db, actor: Actor | null, id: number): EvidenceItem {
	const who = requireActor(actor);
	const row = selectWithCreator(db).where(eq(evidence.id, id)).get();
	if (!row || row.e.deletedAt) throw notFound(`There is no evidence ${id}.`);
	assert.readDrafts(who, row.e.countryIso3);
	return toItems(db, [row])[0];
}

function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Evidence of an action and of its updates (the action page), oldest first. */
export function evidenceOfAction(db: Db, actor: Actor | null, actionId: number): EvidenceItem[] {
	const who = requireActor(actor);
	const rows = selectWithCreator(db)
		.where(
			and(
				isNull(evidence.deletedAt),
				or(
					and(eq(evidence.targetType, 'action'), eq(evidence.targetId, actionId)),
					and(
						eq(evidence.targetType, 'action_update'),
						inArray(
							evidence.targetId,
							db
								.select({ id: actionUpdate.id })
								.from(actionUpdate)
								.where(eq(actionUpdate.actionId, actionId))
						)
					)
				)
			)
		)
		.orderBy(evidence.createdAt, evidence.id)
		.all()
		.filter((r) => seesWorking(who, r.e.countryIso3));
	return toItems(db, rows);
}

export interface EvidenceList {
	items: EvidenceItem[];
	total: number;
	nextCursor: string | null;
	offset: number;
	limit: number;
}

export function listEvidence(
	db: Db,
	actor: Actor | null,
	q: EvidenceQuery = {},
	opts: { defaultLimit?: number } = {}
): EvidenceList {
	const who = requireActor(actor);
	const limit = q.limit ?? opts.defaultLimit ?? 25;
	const offset = q.cursor ? Number(q.cursor) : q.page ? (q.page - 1) * limit : 0;
	const where: SQL[] = [isNull(evidence.deletedAt)];
	// Evidence is working data of its country: listed for readers of that country's drafts.
	where.push(workingCondition(who, evidence.countryIso3));
	if (q.kind) where.push(eq(evidence.kind, q.kind));
	if (q.country === 'regional') where.push(isNull(evidence.countryIso3));
	else if (q.country) where.push(eq(evidence.countryIso3, q.country));
	if (q.targetType) {
		where.push(eq(evidence.targetType, q.targetType));
		if (q.targetId) {
			try {
				where.push(eq(evidence.targetId, resolveTarget(db, q.targetType, q.targetId).dbId));
			} catch {
				return { items: [], total: 0, nextCursor: null, offset, limit };
			}
		}
	}
	if (q.article !== undefined) {
		const fw = getFramework(db);
		const art = db
			.select({ id: article.id })
			.from(article)
			.where(and(eq(article.frameworkId, fw.id), eq(article.number, q.article)))
			.get();
		if (!art) return { items: [], total: 0, nextCursor: null, offset, limit };
		const actionsOfArticle = db
			.select({ id: actionArticle.actionId })
			.from(actionArticle)
			.where(eq(actionArticle.articleId, art.id));
		where.push(
			or(
				and(eq(evidence.targetType, 'article'), eq(evidence.targetId, art.id)),
				and(eq(evidence.targetType, 'action'), inArray(evidence.targetId, actionsOfArticle)),
				and(
					eq(evidence.targetType, 'action_update'),
					inArray(
						evidence.targetId,
						db
							.select({ id: actionUpdate.id })
							.from(actionUpdate)
							.where(inArray(actionUpdate.actionId, actionsOfArticle))
					)
				)
			)!
		);
	}
	if (q.q) {
		const pattern = `%${escapeLike(q.q)}%`;
		where.push(
			or(
				sql`${evidence.title} like ${pattern} escape '\\'`,
				sql`${evidence.url} like ${pattern} escape '\\'`,
				sql`coalesce(${evidence.note}, '') like ${pattern} escape '\\'`
			)!
		);
	}
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(evidence)
			.where(and(...where))
			.get()?.n ?? 0;
	const rows = selectWithCreator(db)
		.where(and(...where))
		.orderBy(desc(evidence.createdAt), desc(evidence.id))
		.limit(limit)
		.offset(offset)
		.all();
	const items = toItems(db, rows);
	return {
		items,
		total,
		nextCursor: offset + items.length < total ? String(offset + items.length) : null,
		offset,
		limit
	};
}

/** Is this (undeleted) evidence attached to the action or to one of its updates? */
export function evidenceBelongsToAction(db: Db, evidenceId: number, actionId: number): boolean {
	const row = db.select().from(evidence).where(eq(evidence.id, evidenceId)).get();
	return !!row && !row.deletedAt && actionIdOf(db, row) === actionId;
}
