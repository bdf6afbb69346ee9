// Implementation actions: list (filters, full text, paging), read, create, edit,
// soft-delete and restore. Every write checks authz.ts first, runs in one transaction
// with its audit entry and keeps the full-text index (action_fts) current.
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './db';
import { requestLocale } from './locale';
import {
	action,
	actionArticle,
	actionIndicator,
	actionUpdate,
	article,
	auditEntry,
	country,
	indicator,
	indicatorTranslation,
	user,
	type ActionStatus,
	type Locale,
	type ReviewState
} from './db/schema';
import {
	assert,
	canEdit,
	canReadDrafts,
	canSeeDeleted,
	editScope,
	isAdmin,
	requireActor,
	type Actor
} from './authz';
import { recordAudit, changedFields } from './audit';
import { conflict, forbidden, invalid, notFound, type FieldIssue } from './errors';
import { getFramework, isoToday } from './articles';
import { countryName } from './countries';
import { actionVersion, seesWorking, workingCondition } from './visibility';
import {
	actionRuleIssues,
	type ActionCreateInput,
	type ActionPatchInput,
	type ActionQuery
} from '$lib/schemas/actions';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface UserRef {
	id: string;
	name: string;
}

/** The fields of an action that review validates and shared pages show. */
export interface ActionSnapshot {
	title: string;
	description: string;
	country: string | null;
	articles: number[];
	leadAgency: string;
	status: ActionStatus;
	percentComplete: number;
	startDate: string | null;
	dueDate: string | null;
	completedOn: string | null;
	indicators: string[];
	language: Locale;
}

/** An action as the API and the pages show it. */
export interface ActionRecord extends ActionSnapshot {
	id: number;
	overdue: boolean;
	reviewState: ReviewState;
	reviewComment: string | null;
	validatedAt: string | null;
	version: number;
	createdAt: string;
	updatedAt: string;
	createdBy: UserRef | null;
	updatedBy: UserRef | null;
	deletedAt: string | null;
	/**
	 * True when the reader may not see working data of this country (a coordinator of
	 * another country) and is shown the last validated version instead.
	 */
	showingValidated: boolean;
}

export interface ActionDetail extends ActionRecord {
	/** The last validated version (null if never validated); only for readers of drafts. */
	validated: ActionSnapshot | null;
}

export interface ActionList {
	items: ActionRecord[];
	total: number;
	nextCursor: string | null;
	offset: number;
	limit: number;
}

type ActionRow = typeof action.$inferSelect;

const createdByUser = alias(user, 'created_by_user');
const updatedByUser = alias(user, 'updated_by_user');

export function isOverdue(
	a: { dueDate: string | null; status: ActionStatus },
	today = isoToday()
): boolean {
	return !!a.dueDate && a.dueDate < today && a.status !== 'completed' && a.status !== 'cancelled';
}

/**
 * Turns a person's words into a safe FTS5 query: each word becomes a quoted prefix term
 * ("migra"*), all must match. Quotes, operators and brackets in the input are dropped, so
 * no input can be read as FTS syntax. Returns null when no word is left.
 */
export function ftsQuery(input: string): string | null {
	const words = (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
	if (words.length === 0) return null;
	return words.map((w) => `"${w.toLowerCase()}"*`).join(' ');
}

function rowsArticles(db: Db | Tx, ids: number[]): Map<number, number[]> {
	const out = new Map<number, number[]>();
	if (ids.length === 0) return out;
	const rows = db
		.select({ actionId: actionArticle.actionId, number: article.number })
		.from(actionArticle)
		.innerJoin(article, eq(article.id, actionArticle.articleId))
		.where(inArray(actionArticle.actionId, ids))
		.orderBy(asc(article.number))
		.all();
	for (const r of rows) out.set(r.actionId, [...(out.get(r.actionId) ?? []), r.number]);
	return out;
}

function rowsIndicators(db: Db | Tx, ids: number[]): Map<number, string[]> {
	const out = new Map<number, string[]>();
	if (ids.length === 0) return out;
	const rows = db
		.select({ actionId: actionIndicator.actionId, code: indicator.code })
		.from(actionIndicator)
		.innerJoin(indicator, eq(indicator.id, actionIndicator.indicatorId))
		.where(inArray(actionIndicator.actionId, ids))
		.orderBy(asc(indicator.code))
		.all();
	for (const r of rows) out.set(r.actionId, [...(out.get(r.actionId) ?? []), r.code]);
	return out;
}

type JoinedRow = { a: ActionRow; createdName: string | null; updatedName: string | null };

function selectJoined(db: Db | Tx) {
	return db
		.select({ a: action, createdName: createdByUser.name, updatedName: updatedByUser.name })
		.from(action)
		.leftJoin(createdByUser, eq(createdByUser.id, action.createdBy))
		.leftJoin(updatedByUser, eq(updatedByUser.id, action.updatedBy));
}

function snapshotOfRow(
	a: ActionRow,
	articles: number[],
	indicators: string[]
): ActionSnapshot & { id: number } {
	return {
		id: a.id,
		title: a.title,
		description: a.description,
		country: a.countryIso3,
		articles,
		leadAgency: a.leadAgency,
		status: a.status,
		percentComplete: a.percentComplete,
		startDate: a.startDate,
		dueDate: a.dueDate,
		completedOn: a.completedOn,
		indicators,
		language: a.language
	};
}

function toRecords(
	db: Db | Tx,
	actor: Actor | null,
	rows: JoinedRow[],
	opts: { working?: boolean } = {}
): ActionRecord[] {
	const ids = rows.map((r) => r.a.id);
	const arts = rowsArticles(db, ids);
	const inds = rowsIndicators(db, ids);
	const today = isoToday();
	return rows.map(({ a, createdName, updatedName }) => {
		const working = snapshotOfRow(a, arts.get(a.id) ?? [], inds.get(a.id) ?? []);
		const restricted = !opts.working && !seesWorking(actor, a.countryIso3) && !!a.validated;
		const shown: ActionSnapshot = restricted
			? { ...working, ...(a.validated as Partial<ActionSnapshot>) }
			: working;
		return {
			id: a.id,
			title: shown.title,
			description: shown.description,
			country: shown.country,
			articles: shown.articles,
			leadAgency: shown.leadAgency,
			status: shown.status,
			percentComplete: shown.percentComplete,
			startDate: shown.startDate,
			dueDate: shown.dueDate,
			completedOn: shown.completedOn,
			indicators: shown.indicators,
			language: shown.language,
			overdue: isOverdue(shown, today),
			reviewState: restricted ? 'validated' : a.reviewState,
			reviewComment: restricted ? null : a.reviewComment,
			validatedAt: a.validatedAt ? a.validatedAt.toISOString() : null,
			version: a.version,
			createdAt: a.createdAt.toISOString(),
			updatedAt: a.updatedAt.toISOString(),
			createdBy: a.createdBy ? { id: a.createdBy, name: createdName ?? '' } : null,
			updatedBy: a.updatedBy ? { id: a.updatedBy, name: updatedName ?? '' } : null,
			deletedAt: a.deletedAt ? a.deletedAt.toISOString() : null,
			showingValidated: restricted
		};
	});
}

/** The state recorded in the audit log (no timestamps, so diffs show real changes). */
export function auditStateOf(r: ActionRecord | ActionDetail) {
	return {
		id: r.id,
		title: r.title,
		description: r.description,
		country: r.country,
		articles: r.articles,
		leadAgency: r.leadAgency,
		status: r.status,
		percentComplete: r.percentComplete,
		startDate: r.startDate,
		dueDate: r.dueDate,
		completedOn: r.completedOn,
		indicators: r.indicators,
		language: r.language,
		reviewState: r.reviewState,
		reviewComment: r.reviewComment,
		version: r.version,
		deletedAt: r.deletedAt
	};
}

export function snapshotOf(r: ActionRecord): ActionSnapshot {
	return {
		title: r.title,
		description: r.description,
		country: r.country,
		articles: r.articles,
		leadAgency: r.leadAgency,
		status: r.status,
		percentComplete: r.percentComplete,
		startDate: r.startDate,
		dueDate: r.dueDate,
		completedOn: r.completedOn,
		indicators: r.indicators,
		language: r.language
	};
}

/** Raw row by id (deleted or not), or 404. No permission check: callers check. */
export function actionRow(db: Db | Tx, id: number): ActionRow {
	const row = db.select().from(action).where(eq(action.id, id)).get();
	if (!row) throw notFound(`There is no action ${id}.`);
	return row;
}

/** The working record, read inside a write (no reader restriction). */
export function workingRecord(db: Db | Tx, id: number): ActionRecord {
	const rows = selectJoined(db).where(eq(action.id, id)).all();
	if (!rows.length) throw notFound(`There is no action ${id}.`);
	return toRecords(db, null, rows, { working: true })[0];
}

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

/**
 * What an edit does to the review state: an admin's edit of a validated record is
 * validated again at once; anyone else's edit of a validated record waits as `submitted`
 * while the last validated version stays what shared pages show.
 */
export function reviewAfterEdit(tx: Tx, actor: Actor, id: number, before: ReviewState): void {
	if (before !== 'validated') return;
	if (isAdmin(actor)) markValidated(tx, id);
	else tx.update(action).set({ reviewState: 'submitted' }).where(eq(action.id, id)).run();
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
		const rec = isAdmin(who) ? markValidated(tx, created.id) : workingRecord(tx, created.id);
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
		reviewAfterEdit(tx, who, id, row.reviewState);
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
