// The one write path of actions: create, edit, delete and restore, each checking authz.ts,
// applying the review rules (review-step.ts, after review/states.ts) and writing its audit entry
// in one transaction. References are resolved in refs.ts; a write on an old version is the 409
// of stale-conflict.ts. The search index and the data version follow by trigger (migration 0006).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { action, actionUpdate } from '../db/schema';
import { assert, canSeeDeleted, requireActor, type Actor } from '../auth/authz';
import { recordAudit, changedFields } from '../audit/audit';
import { conflict, invalid, notFound } from '../http/errors';
import { getFramework, isoToday } from '../declaration/articles';
import {
	actionRuleIssues,
	type ActionCreateInput,
	type ActionPatchInput
} from '$lib/schemas/actions';
import {
	actionRow,
	auditStateOf,
	snapshotOf,
	workingRecord,
	type ActionDetail,
	type ActionRow,
	type ActionSnapshot
} from './records';
import { getAction } from './read';
import { replaceLinks, resolveRefs } from './refs';
import { applyReview } from './review-step';
import { staleConflict } from './stale-conflict';

// Part of this module's API since before the split (callers import them from here).
export { applyReview, markValidated } from './review-step';
export { staleConflict, type ConflictDetails, type FieldChange } from './stale-conflict';

export function createAction(db: Db, actor: Actor | null, input: ActionCreateInput): ActionDetail {
	const who = requireActor(actor);
	assert.edit(who, input.country);
	const ruleIssues = actionRuleIssues(input);
	if (ruleIssues.length) throw invalid('Some fields are not valid.', ruleIssues);
	const refs = resolveRefs(db, input);
	const fw = getFramework(db);
	const id = db.transaction((tx) => {
		const created = tx
			.insert(action)
			.values({
				frameworkId: fw.id,
				countryIso3: input.country,
				title: input.title,
				description: input.description,
				leadAgency: input.leadAgency,
				status: input.status,
				percentComplete: input.percentComplete,
				startDate: input.startDate ?? null,
				dueDate: input.dueDate ?? null,
				completedOn: input.completedOn ?? null,
				language: input.language ?? 'en',
				reviewState: 'draft',
				createdBy: who.id,
				updatedBy: who.id
			})
			.returning({ id: action.id })
			.get();
		replaceLinks(tx, created.id, refs);
		// The first point of the action's timeline: its status and percent when recorded.
		tx.insert(actionUpdate)
			.values({
				actionId: created.id,
				date: isoToday(),
				note: '',
				status: input.status,
				percentComplete: input.percentComplete,
				language: input.language ?? 'en',
				authorId: who.id
			})
			.run();
		// Admins' own records are validated directly (DESIGN §5).
		applyReview(tx, who, created.id, 'create', null);
		const rec = workingRecord(tx, created.id);
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: created.id,
			operation: 'create',
			after: auditStateOf(rec)
		});
		return created.id;
	});
	return getAction(db, who, id);
}

export function updateAction(
	db: Db,
	actor: Actor | null,
	id: number,
	patch: ActionPatchInput
): ActionDetail {
	const who = requireActor(actor);
	const row = actionRow(db, id);
	if (row.deletedAt && !canSeeDeleted(who, row.countryIso3))
		throw notFound(`There is no action ${id}.`);
	assert.edit(who, row.countryIso3);
	if (patch.country !== undefined && patch.country !== row.countryIso3) {
		assert.edit(who, patch.country);
	}
	if (row.deletedAt) throw conflict('This action has been deleted; restore it before editing it.');
	if (patch.version !== row.version) throw staleConflict(db, who, id, patch.version);
	const current = workingRecord(db, id);
	const { version: _v, ...fields } = patch;
	const next: ActionSnapshot = { ...snapshotOf(current) };
	for (const [k, v] of Object.entries(fields)) {
		if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
	}
	next.articles = [...new Set(next.articles)].sort((a, b) => a - b);
	next.indicators = [...new Set(next.indicators)].sort();
	const ruleIssues = actionRuleIssues(next);
	if (ruleIssues.length) throw invalid('Some fields are not valid.', ruleIssues);
	const changed = changedFields(snapshotOf(current), next);
	if (changed.length === 0) return getAction(db, who, id);
	const refs = resolveRefs(db, {
		country: changed.includes('country') ? next.country : undefined,
		articles: changed.includes('articles') ? next.articles : undefined,
		indicators: changed.includes('indicators') ? next.indicators : undefined
	});
	db.transaction((tx) => {
		const res = tx
			.update(action)
			.set({
				title: next.title,
				description: next.description,
				countryIso3: next.country,
				leadAgency: next.leadAgency,
				status: next.status,
				percentComplete: next.percentComplete,
				startDate: next.startDate ?? null,
				dueDate: next.dueDate ?? null,
				completedOn: next.completedOn ?? null,
				language: next.language,
				version: sql`${action.version} + 1`,
				updatedBy: who.id,
				updatedAt: new Date()
			})
			.where(and(eq(action.id, id), eq(action.version, patch.version)))
			.run();
		if (res.changes !== 1) throw staleConflict(tx, who, id, patch.version);
		replaceLinks(tx, id, refs);
		if (changed.includes('status') || changed.includes('percentComplete')) {
			// The timeline records every change of status or percent, edits included.
			tx.insert(actionUpdate)
				.values({
					actionId: id,
					date: isoToday(),
					note: '',
					status: next.status,
					percentComplete: next.percentComplete,
					language: next.language,
					authorId: who.id
				})
				.run();
		}
		applyReview(tx, who, id, 'edit', row.reviewState);
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: id,
			operation: 'update',
			before: auditStateOf(current),
			after: auditStateOf(workingRecord(tx, id))
		});
	});
	return getAction(db, who, id);
}

function checkVersion(db: Db, who: Actor, row: ActionRow, version: number | undefined) {
	if (version !== undefined && version !== row.version)
		throw staleConflict(db, who, row.id, version);
}

export function deleteAction(
	db: Db,
	actor: Actor | null,
	id: number,
	version?: number
): ActionDetail {
	const who = requireActor(actor);
	const row = actionRow(db, id);
	if (row.deletedAt && !canSeeDeleted(who, row.countryIso3))
		throw notFound(`There is no action ${id}.`);
	assert.edit(who, row.countryIso3);
	if (row.deletedAt) throw conflict('This action has already been deleted.');
	checkVersion(db, who, row, version);
	return setDeleted(db, who, id, true);
}

export function restoreAction(
	db: Db,
	actor: Actor | null,
	id: number,
	version?: number
): ActionDetail {
	const who = requireActor(actor);
	const row = actionRow(db, id);
	assert.edit(who, row.countryIso3);
	if (!row.deletedAt) throw conflict('This action is not deleted.');
	checkVersion(db, who, row, version);
	return setDeleted(db, who, id, false);
}

/** Deletes or restores an action (a new version, audited, in one transaction). */
function setDeleted(db: Db, who: Actor, id: number, deleted: boolean): ActionDetail {
	const before = workingRecord(db, id);
	db.transaction((tx) => {
		tx.update(action)
			.set({
				deletedAt: deleted ? new Date() : null,
				deletedBy: deleted ? who.id : null,
				updatedBy: who.id,
				version: sql`${action.version} + 1`
			})
			.where(eq(action.id, id))
			.run();
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: id,
			operation: deleted ? 'delete' : 'restore',
			before: auditStateOf(before),
			after: auditStateOf(workingRecord(tx, id))
		});
	});
	return getAction(db, who, id);
}
