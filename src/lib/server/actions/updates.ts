// Progress updates: dated entries on an action's timeline. The action's current status
// and percent follow its latest update that carries them.
import { and, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { action, actionUpdate, user, type ActionStatus, type Locale } from '../db/schema';
import { assert, requireActor, type Actor } from '../auth/authz';
import { workingCondition } from '../visibility/visibility';
import { recordAudit } from '../audit/audit';
import { conflict, invalid, notFound } from '../http/errors';
import { countryName } from '../declaration/countries';
import {
	actionRow,
	getAction,
	auditStateOf,
	applyReview,
	staleConflict,
	workingRecord,
	type ActionRecord,
	type UserRef
} from './index';
import { actionRuleIssues, type ActionUpdateInput } from '$lib/schemas/actions';

export interface UpdateItem {
	id: number;
	actionId: number;
	date: string;
	note: string;
	status: ActionStatus | null;
	percentComplete: number | null;
	language: Locale;
	author: UserRef | null;
	createdAt: string;
	/** True for the entries Avance writes itself when an action is recorded or its status edited. */
	automatic: boolean;
}

function toItem(r: { u: typeof actionUpdate.$inferSelect; authorName: string | null }): UpdateItem {
	return {
		id: r.u.id,
		actionId: r.u.actionId,
		date: r.u.date,
		note: r.u.note,
		status: r.u.status,
		percentComplete: r.u.percentComplete,
		language: r.u.language,
		author: r.u.authorId ? { id: r.u.authorId, name: r.authorName ?? '' } : null,
		createdAt: r.u.createdAt.toISOString(),
		automatic: r.u.note === ''
	};
}

/** The timeline of an action, newest first. Internal notes: readers of the country's drafts only. */
export function listUpdates(db: Db, actor: Actor | null, actionId: number): UpdateItem[] {
	const who = requireActor(actor);
	const row = actionRow(db, actionId);
	assert.readDrafts(who, row.countryIso3);
	getAction(db, who, actionId); // 404 for a deleted action the reader may not restore
	return db
		.select({ u: actionUpdate, authorName: user.name })
		.from(actionUpdate)
		.leftJoin(user, eq(user.id, actionUpdate.authorId))
		.where(eq(actionUpdate.actionId, actionId))
		.orderBy(desc(actionUpdate.date), desc(actionUpdate.id))
		.all()
		.map(toItem);
}

export function getUpdateRow(db: Db, id: number) {
	const row = db.select().from(actionUpdate).where(eq(actionUpdate.id, id)).get();
	if (!row) throw notFound(`There is no update ${id}.`);
	return row;
}

/**
 * Appends a dated update. When it is the latest-dated report carrying a status (or a
 * percent), the action takes them — a back-dated report joins the history only. Entries
 * Avance writes itself (on creation and edits) do not outrank a report. Completing an
 * action sets 100% and the completed-on date (the update's date).
 */
export function postUpdate(
	db: Db,
	actor: Actor | null,
	actionId: number,
	input: ActionUpdateInput
): UpdateItem & { action: ActionRecord } {
	const who = requireActor(actor);
	const row = actionRow(db, actionId);
	assert.edit(who, row.countryIso3);
	if (row.deletedAt) throw conflict('This action has been deleted; restore it before updating it.');
	if (input.version !== undefined && input.version !== row.version)
		throw staleConflict(db, who, actionId, input.version);
	const status = input.status ?? null;
	const percent = input.percentComplete ?? (status === 'completed' ? 100 : null);
	const before = workingRecord(db, actionId);

	const id = db.transaction((tx) => {
		const created = tx
			.insert(actionUpdate)
			.values({
				actionId,
				date: input.date,
				note: input.note,
				status,
				percentComplete: percent,
				language: row.language,
				authorId: who.id
			})
			.returning()
			.get();
		const latest = (field: 'status' | 'percentComplete') =>
			tx
				.select({
					id: actionUpdate.id,
					status: actionUpdate.status,
					pct: actionUpdate.percentComplete
				})
				.from(actionUpdate)
				.where(
					and(
						eq(actionUpdate.actionId, actionId),
						// Entries Avance wrote itself (creation, edits) do not outrank a dated report.
						ne(actionUpdate.note, ''),
						isNotNull(field === 'status' ? actionUpdate.status : actionUpdate.percentComplete)
					)
				)
				.orderBy(desc(actionUpdate.date), desc(actionUpdate.id))
				.limit(1)
				.get();
		let nextStatus = before.status;
		let nextPercent = before.percentComplete;
		if (status) {
			const l = latest('status');
			if (l?.id === created.id) nextStatus = status;
		}
		if (percent !== null) {
			const l = latest('percentComplete');
			if (l?.id === created.id) nextPercent = percent;
		}
		let completedOn = before.completedOn;
		if (nextStatus === 'completed' && !completedOn) completedOn = input.date;
		if (nextStatus !== 'completed') completedOn = null;
		const issues = actionRuleIssues({
			status: nextStatus,
			percentComplete: nextPercent,
			startDate: before.startDate,
			dueDate: before.dueDate,
			completedOn
		});
		if (issues.length) throw invalid('This update would leave the action invalid.', issues);
		const actionChanged =
			nextStatus !== before.status ||
			nextPercent !== before.percentComplete ||
			completedOn !== before.completedOn;
		if (actionChanged) {
			tx.update(action)
				.set({
					status: nextStatus,
					percentComplete: nextPercent,
					completedOn,
					version: sql`${action.version} + 1`,
					updatedBy: who.id
				})
				.where(eq(action.id, actionId))
				.run();
			applyReview(tx, who, actionId, 'edit', row.reviewState);
		} else {
			// The timeline changed: the action counts as updated for "recently updated" sorting.
			tx.update(action).set({ updatedBy: who.id }).where(eq(action.id, actionId)).run();
		}
		recordAudit(tx, {
			userId: who.id,
			entity: 'action_update',
			entityId: created.id,
			operation: 'create',
			after: {
				id: created.id,
				actionId,
				date: created.date,
				note: created.note,
				status: created.status,
				percentComplete: created.percentComplete
			}
		});
		if (actionChanged) {
			recordAudit(tx, {
				userId: who.id,
				entity: 'action',
				entityId: actionId,
				operation: 'update',
				before: auditStateOf(before),
				after: auditStateOf(workingRecord(tx, actionId)),
				note: `update ${created.id}`
			});
		}
		return created.id;
	});
	const item = db
		.select({ u: actionUpdate, authorName: user.name })
		.from(actionUpdate)
		.leftJoin(user, eq(user.id, actionUpdate.authorId))
		.where(eq(actionUpdate.id, id))
		.get()!;
	return { ...toItem(item), action: getAction(db, who, actionId) };
}

export interface ActivityItem extends UpdateItem {
	actionTitle: string;
	/** The language the action was written in. */
	actionLanguage: Locale;
	country: string | null;
}

/** The most recent updates the reader may see (the overview's "Latest activity"). */
export function listLatestUpdates(db: Db, actor: Actor | null, limit = 8): ActivityItem[] {
	const who = requireActor(actor);
	// Update notes are working data: only readers of the country's drafts see them.
	const own = workingCondition(who, action.countryIso3);
	return db
		.select({
			u: actionUpdate,
			authorName: user.name,
			actionTitle: action.title,
			actionLanguage: action.language,
			country: action.countryIso3
		})
		.from(actionUpdate)
		.innerJoin(action, eq(action.id, actionUpdate.actionId))
		.leftJoin(user, eq(user.id, actionUpdate.authorId))
		.where(and(isNull(action.deletedAt), own))
		.orderBy(desc(actionUpdate.createdAt), desc(actionUpdate.id))
		.limit(Math.min(Math.max(limit, 1), 50))
		.all()
		.map((r) => ({
			...toItem(r),
			actionTitle: r.actionTitle,
			actionLanguage: r.actionLanguage,
			country: r.country
		}));
}

/** Latest activity with country names, for the overview. */
export function latestActivity(
	db: Db,
	actor: Actor | null,
	locale: 'en' | 'es' | 'fr' = 'en',
	limit = 6
) {
	return listLatestUpdates(db, actor, limit).map((u) => ({
		...u,
		countryName: u.country ? countryName(u.country, locale) : null
	}));
}
