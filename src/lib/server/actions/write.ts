// The one write path of actions: create, edit, delete and restore, each checking authz.ts,
// applying the review rules (review/states.ts) and writing its audit entry in one
// transaction. The search index and the data version follow by trigger (migration 0006).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	action,
	actionArticle,
	actionIndicator,
	actionUpdate,
	article,
	auditEntry,
	country,
	indicator,
	type ReviewState
} from '../db/schema';
import { assert, canSeeDeleted, canValidate, requireActor, type Actor } from '../auth/authz';
import { nextReviewState, type ReviewOperation, type ReviewRefusal } from '../review/states';
import { recordAudit, changedFields } from '../audit/audit';
import { conflict, invalid, notFound, type FieldIssue } from '../http/errors';
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
	type ActionRecord,
	type ActionRow,
	type ActionSnapshot,
	type Tx,
	type UserRef
} from './records';
import { getAction } from './read';

interface Resolved {
	articleIds?: number[];
	indicatorIds?: number[];
}

function resolveRefs(
	db: Db,
	input: { country?: string | null; articles?: number[]; indicators?: string[] }
): Resolved {
	const issues: FieldIssue[] = [];
	const out: Resolved = {};
	if (input.country) {
		const c = db.select().from(country).where(eq(country.iso3, input.country)).get();
		if (!c || !c.member) {
			issues.push({
				path: 'country',
				message: `${input.country} is not a member state of the RCM; use a member's code or null for a regional action.`
			});
		}
	}
	if (input.articles) {
		const fw = getFramework(db);
		const wanted = [...new Set(input.articles)];
		const rows = wanted.length
			? db
					.select({ id: article.id, number: article.number })
					.from(article)
					.where(and(eq(article.frameworkId, fw.id), inArray(article.number, wanted)))
					.all()
			: [];
		const missing = wanted.filter((n) => !rows.some((r) => r.number === n));
		if (missing.length) {
			issues.push({
				path: 'articles',
				message: `No article ${missing.join(', ')}; the declaration has articles 1 to 18.`
			});
		}
		out.articleIds = rows.map((r) => r.id);
	}
	if (input.indicators) {
		const wanted = [...new Set(input.indicators)];
		const rows = wanted.length
			? db
					.select({ id: indicator.id, code: indicator.code })
					.from(indicator)
					.where(inArray(indicator.code, wanted))
					.all()
			: [];
		const missing = wanted.filter((c) => !rows.some((r) => r.code === c));
		if (missing.length) {
			issues.push({ path: 'indicators', message: `Unknown indicator ${missing.join(', ')}.` });
		}
		out.indicatorIds = rows.map((r) => r.id);
	}
	if (issues.length) throw invalid('Some fields are not valid.', issues);
	return out;
}

function replaceLinks(tx: Tx, id: number, refs: Resolved): void {
	if (refs.articleIds) {
		tx.delete(actionArticle).where(eq(actionArticle.actionId, id)).run();
		for (const articleId of refs.articleIds)
			tx.insert(actionArticle).values({ actionId: id, articleId }).run();
	}
	if (refs.indicatorIds) {
		tx.delete(actionIndicator).where(eq(actionIndicator.actionId, id)).run();
		for (const indicatorId of refs.indicatorIds)
			tx.insert(actionIndicator).values({ actionId: id, indicatorId }).run();
	}
}

/** Stores the current working record as the validated version (DESIGN §5). */
export function markValidated(tx: Tx, id: number): ActionRecord {
	const rec = workingRecord(tx, id);
	tx.update(action)
		.set({
			reviewState: 'validated',
			reviewComment: null,
			validated: snapshotOf(rec) as unknown as Record<string, unknown>,
			validatedAt: new Date()
		})
		.where(eq(action.id, id))
		.run();
	return workingRecord(tx, id);
}

const REFUSALS: Record<ReviewOperation, Partial<Record<ReviewRefusal, string>>> = {
	create: {},
	import: {},
	edit: {},
	submit: {
		already_submitted: 'This action is already waiting for validation.',
		already_validated: 'This action is validated; edit it to send a new version.'
	},
	validate: { already_validated: 'This action is already validated.' },
	return: { not_submitted: 'Only an action waiting for validation can be returned.' }
};

/**
 * Applies the review rules (review/states.ts) of an operation to an action inside the
 * write's transaction: the secretariat's records are validated at once, a coordinator's edit
 * of a validated record waits as `submitted` while shared pages keep the last validated
 * version, and so on. A step that does not apply is a 409 that changes nothing.
 */
export function applyReview(
	tx: Tx,
	actor: Actor,
	id: number,
	op: ReviewOperation,
	current: ReviewState | null,
	comment?: string
): ReviewState {
	const out = nextReviewState(op, { current, validator: canValidate(actor), comment });
	if (!out.ok) throw conflict(REFUSALS[op][out.refusal] ?? 'This review step does not apply.');
	if (out.publishes) {
		markValidated(tx, id);
		return 'validated';
	}
	if (out.state !== current || out.comment !== undefined) {
		tx.update(action)
			.set({
				reviewState: out.state,
				...(out.comment !== undefined ? { reviewComment: out.comment } : {})
			})
			.where(eq(action.id, id))
			.run();
	}
	return out.state;
}

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
	const before = workingRecord(db, id);
	db.transaction((tx) => {
		tx.update(action)
			.set({
				deletedAt: new Date(),
				deletedBy: who.id,
				updatedBy: who.id,
				version: sql`${action.version} + 1`
			})
			.where(eq(action.id, id))
			.run();
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: id,
			operation: 'delete',
			before: auditStateOf(before),
			after: auditStateOf(workingRecord(tx, id))
		});
	});
	return getAction(db, who, id);
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
	const before = workingRecord(db, id);
	db.transaction((tx) => {
		tx.update(action)
			.set({
				deletedAt: null,
				deletedBy: null,
				updatedBy: who.id,
				version: sql`${action.version} + 1`
			})
			.where(eq(action.id, id))
			.run();
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: id,
			operation: 'restore',
			before: auditStateOf(before),
			after: auditStateOf(workingRecord(tx, id))
		});
	});
	return getAction(db, who, id);
}
