// Evidence links on actions, updates, articles, indicators and observations: http(s)
// only, normalised, one link once per item, soft-deleted, audited.
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	action,
	actionArticle,
	actionUpdate,
	article,
	evidence,
	indicator,
	observation,
	user
} from '../db/schema';
import { assert, canReadDrafts, requireActor, type Actor } from '../authz';
import { recordAudit } from '../audit';
import { conflict, invalid, notFound } from '../errors';
import { getFramework } from '../articles';
import {
	checkEvidenceUrl,
	urlProblemMessage,
	type EvidenceCreateInput,
	type EvidenceKindValue,
	type EvidenceQuery,
	type EvidenceTargetType
} from '$lib/schemas/evidence';
import type { UserRef } from '../actions';

export interface EvidenceTarget {
	type: EvidenceTargetType;
	/** Article number, indicator code, or the id of the action, update or observation. */
	id: number | string;
	/** The action the evidence belongs to (for actions and their updates). */
	actionId: number | null;
	/** A short human label: the action's title, the indicator's code, the update's date. */
	title: string | null;
	date: string | null;
}

export interface EvidenceItem {
	id: number;
	url: string;
	title: string;
	kind: EvidenceKindValue;
	publishedOn: string | null;
	note: string | null;
	target: EvidenceTarget;
	country: string | null;
	createdAt: string;
	createdBy: UserRef | null;
	deletedAt: string | null;
}

interface ResolvedTarget {
	dbId: number;
	country: string | null;
	actionId: number | null;
}

function resolveTarget(db: Db, type: EvidenceTargetType, id: number | string): ResolvedTarget {
	const missing = () =>
		invalid('The item to attach the evidence to does not exist.', [
			{ path: 'target.id', message: `There is no ${type.replace('_', ' ')} ${id}.` }
		]);
	const num = typeof id === 'number' ? id : /^\d+$/.test(id) ? Number(id) : NaN;
	switch (type) {
		case 'action': {
			const a = Number.isFinite(num)
				? db.select().from(action).where(eq(action.id, num)).get()
				: undefined;
			if (!a || a.deletedAt) throw missing();
			return { dbId: a.id, country: a.countryIso3, actionId: a.id };
		}
		case 'action_update': {
			const u = Number.isFinite(num)
				? db
						.select({
							id: actionUpdate.id,
							actionId: action.id,
							country: action.countryIso3,
							deletedAt: action.deletedAt
						})
						.from(actionUpdate)
						.innerJoin(action, eq(action.id, actionUpdate.actionId))
						.where(eq(actionUpdate.id, num))
						.get()
				: undefined;
			if (!u || u.deletedAt) throw missing();
			return { dbId: u.id, country: u.country, actionId: u.actionId };
		}
		case 'article': {
			const fw = getFramework(db);
			const a = Number.isFinite(num)
				? db
						.select({ id: article.id })
						.from(article)
						.where(and(eq(article.frameworkId, fw.id), eq(article.number, num)))
						.get()
				: undefined;
			if (!a) throw missing();
			return { dbId: a.id, country: null, actionId: null };
		}
		case 'indicator': {
			const i = db
				.select({ id: indicator.id })
				.from(indicator)
				.where(Number.isFinite(num) ? eq(indicator.id, num) : eq(indicator.code, String(id)))
				.get();
			if (!i) throw missing();
			return { dbId: i.id, country: null, actionId: null };
		}
		case 'observation': {
			const o = Number.isFinite(num)
				? db
						.select({ id: observation.id, country: observation.countryIso3 })
						.from(observation)
						.where(eq(observation.id, num))
						.get()
				: undefined;
			if (!o) throw missing();
			return { dbId: o.id, country: o.country, actionId: null };
		}
	}
}

type EvidenceRow = typeof evidence.$inferSelect;

/** Rows by id, loaded in one query (none when there is no id). */
function byId<T extends { id: number }>(ids: number[], load: () => T[]): Map<number, T> {
	return new Map((ids.length ? load() : []).map((r) => [r.id, r]));
}

function toItems(db: Db, rows: { e: EvidenceRow; creatorName: string | null }[]): EvidenceItem[] {
	const ids = (t: EvidenceTargetType) =>
		rows.filter((r) => r.e.targetType === t).map((r) => r.e.targetId);
	const actionIds = ids('action');
	const updateIds = ids('action_update');
	const articleIds = ids('article');
	const indicatorIds = ids('indicator');
	const observationIds = ids('observation');
	const actions = byId(actionIds, () =>
		db
			.select({ id: action.id, title: action.title })
			.from(action)
			.where(inArray(action.id, actionIds))
			.all()
	);
	const updates = byId(updateIds, () =>
		db
			.select({
				id: actionUpdate.id,
				date: actionUpdate.date,
				actionId: action.id,
				title: action.title
			})
			.from(actionUpdate)
			.innerJoin(action, eq(action.id, actionUpdate.actionId))
			.where(inArray(actionUpdate.id, updateIds))
			.all()
	);
	const articles = byId(articleIds, () =>
		db
			.select({ id: article.id, number: article.number })
			.from(article)
			.where(inArray(article.id, articleIds))
			.all()
	);
	const indicators = byId(indicatorIds, () =>
		db
			.select({ id: indicator.id, code: indicator.code })
			.from(indicator)
			.where(inArray(indicator.id, indicatorIds))
			.all()
	);
	const observations = byId(observationIds, () =>
		db
			.select({ id: observation.id, period: observation.period, code: indicator.code })
			.from(observation)
			.innerJoin(indicator, eq(indicator.id, observation.indicatorId))
			.where(inArray(observation.id, observationIds))
			.all()
	);
	return rows.map(({ e, creatorName }) => {
		let target: EvidenceTarget;
		switch (e.targetType) {
			case 'action':
				target = {
					type: 'action',
					id: e.targetId,
					actionId: e.targetId,
					title: actions.get(e.targetId)?.title ?? null,
					date: null
				};
				break;
			case 'action_update': {
				const u = updates.get(e.targetId);
				target = {
					type: 'action_update',
					id: e.targetId,
					actionId: u?.actionId ?? null,
					title: u?.title ?? null,
					date: u?.date ?? null
				};
				break;
			}
			case 'article':
				target = {
					type: 'article',
					id: articles.get(e.targetId)?.number ?? e.targetId,
					actionId: null,
					title: null,
					date: null
				};
				break;
			case 'indicator':
				target = {
					type: 'indicator',
					id: indicators.get(e.targetId)?.code ?? e.targetId,
					actionId: null,
					title: indicators.get(e.targetId)?.code ?? null,
					date: null
				};
				break;
			default: {
				const o = observations.get(e.targetId);
				target = {
					type: 'observation',
					id: e.targetId,
					actionId: null,
					title: o ? `${o.code} ${o.period}` : null,
					date: null
				};
			}
		}
		return {
			id: e.id,
			url: e.url,
			title: e.title,
			kind: e.kind,
			publishedOn: e.publishedOn,
			note: e.note,
			target,
			country: e.countryIso3,
			createdAt: e.createdAt.toISOString(),
			createdBy: e.createdBy ? { id: e.createdBy, name: creatorName ?? '' } : null,
			deletedAt: e.deletedAt ? e.deletedAt.toISOString() : null
		};
	});
}

function selectWithCreator(db: Db) {
	return db
		.select({ e: evidence, creatorName: user.name })
		.from(evidence)
		.leftJoin(user, eq(user.id, evidence.createdBy));
}

function auditState(e: EvidenceRow, actionId: number | null) {
	return {
		id: e.id,
		url: e.url,
		title: e.title,
		kind: e.kind,
		publishedOn: e.publishedOn,
		note: e.note,
		targetType: e.targetType,
		targetId: e.targetId,
		actionId,
		country: e.countryIso3,
		deletedAt: e.deletedAt ? e.deletedAt.toISOString() : null
	};
}

function actionIdOf(db: Db, e: EvidenceRow): number | null {
	if (e.targetType === 'action') return e.targetId;
	if (e.targetType === 'action_update') {
		return (
			db
				.select({ actionId: actionUpdate.actionId })
				.from(actionUpdate)
				.where(eq(actionUpdate.id, e.targetId))
				.get()?.actionId ?? null
		);
	}
	return null;
}

export function addEvidence(db: Db, actor: Actor | null, input: EvidenceCreateInput): EvidenceItem {
	const who = requireActor(actor);
	const target = resolveTarget(db, input.target.type, input.target.id);
	assert.edit(who, target.country);
	const check = checkEvidenceUrl(input.url);
	if (!check.ok) {
		throw invalid('Some fields are not valid.', [
			{ path: 'url', message: urlProblemMessage(check.reason) }
		]);
	}
	const existing = db
		.select()
		.from(evidence)
		.where(
			and(
				eq(evidence.targetType, input.target.type),
				eq(evidence.targetId, target.dbId),
				eq(evidence.urlNormalized, check.normalized),
				isNull(evidence.deletedAt)
			)
		)
		.get();
	if (existing) {
		throw conflict('This link is already recorded on this item.', {
			duplicateOf: { id: existing.id, title: existing.title, url: existing.url }
		});
	}
	const id = db.transaction((tx) => {
		const row = tx
			.insert(evidence)
			.values({
				url: check.url,
				urlNormalized: check.normalized,
				title: input.title,
				kind: input.kind,
				publishedOn: input.publishedOn ?? null,
				note: input.note ? input.note : null,
				targetType: input.target.type,
				targetId: target.dbId,
				countryIso3: target.country,
				createdBy: who.id
			})
			.returning()
			.get();
		recordAudit(tx, {
			userId: who.id,
			entity: 'evidence',
			entityId: row.id,
			operation: 'create',
			after: auditState(row, target.actionId)
		});
		return row.id;
	});
	return getEvidence(db, who, id);
}

export function getEvidence(db: Db, actor: Actor | null, id: number): EvidenceItem {
	const who = requireActor(actor);
	const row = selectWithCreator(db).where(eq(evidence.id, id)).get();
	if (!row || row.e.deletedAt) throw notFound(`There is no evidence ${id}.`);
	assert.readDrafts(who, row.e.countryIso3);
	return toItems(db, [row])[0];
}

export function deleteEvidence(db: Db, actor: Actor | null, id: number): EvidenceItem {
	const who = requireActor(actor);
	const row = db.select().from(evidence).where(eq(evidence.id, id)).get();
	if (!row || row.deletedAt) throw notFound(`There is no evidence ${id}.`);
	assert.edit(who, row.countryIso3);
	const actionId = actionIdOf(db, row);
	db.transaction((tx) => {
		const after = tx
			.update(evidence)
			.set({ deletedAt: new Date() })
			.where(eq(evidence.id, id))
			.returning()
			.get();
		recordAudit(tx, {
			userId: who.id,
			entity: 'evidence',
			entityId: id,
			operation: 'delete',
			before: auditState(row, actionId),
			after: auditState(after, actionId)
		});
	});
	const item = toItems(db, [selectWithCreator(db).where(eq(evidence.id, id)).get()!])[0];
	return item;
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
		.filter((r) => canReadDrafts(who, r.e.countryIso3));
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
	if (who.role === 'coordinator') {
		where.push(
			or(
				isNull(evidence.countryIso3),
				who.countries.length ? inArray(evidence.countryIso3, who.countries) : undefined
			)!
		);
	}
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
