// Evidence as the API and the pages show it: its target (action, update, article,
// indicator, observation) resolved and labelled, its creator named, its audit state.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	action,
	actionUpdate,
	article,
	evidence,
	indicator,
	observation,
	user
} from '../db/schema';
import { invalid } from '../http/errors';
import { getFramework } from '../declaration/articles';
import { type EvidenceKindValue, type EvidenceTargetType } from '$lib/schemas/evidence';
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

export interface ResolvedTarget {
	dbId: number;
	country: string | null;
	actionId: number | null;
}

export function resolveTarget(
	db: Db,
	type: EvidenceTargetType,
	id: number | string
): ResolvedTarget {
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

export type EvidenceRow = typeof evidence.$inferSelect;

/** Rows by id, loaded in one query (none when there is no id). */
export function byId<T extends { id: number }>(ids: number[], load: () => T[]): Map<number, T> {
	return new Map((ids.length ? load() : []).map((r) => [r.id, r]));
}

export function toItems(
	db: Db,
	rows: { e: EvidenceRow; creatorName: string | null }[]
): EvidenceItem[] {
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

export function selectWithCreator(db: Db) {
	return db
		.select({ e: evidence, creatorName: user.name })
		.from(evidence)
		.leftJoin(user, eq(user.id, evidence.createdBy));
}

export function auditState(e: EvidenceRow, actionId: number | null) {
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

export function actionIdOf(db: Db, e: EvidenceRow): number | null {
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
