// What an action is as the API and the pages show it (records, snapshots, audit states),
// read from its row; which version a reader sees is decided in visibility.ts.
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import {
	action,
	actionArticle,
	actionIndicator,
	article,
	indicator,
	user,
	type ActionStatus,
	type Locale,
	type ReviewState
} from '../db/schema';
import { type Actor } from '../auth/authz';
import { notFound } from '../http/errors';
import { isoToday } from '../declaration/articles';
import { seesWorking } from '../visibility/visibility';

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

export type ActionRow = typeof action.$inferSelect;

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

/** Lists per action id, in the order the rows come. */
function groupedBy<V>(rows: { actionId: number; v: V }[]): Map<number, V[]> {
	const out = new Map<number, V[]>();
	for (const r of rows) {
		const list = out.get(r.actionId);
		if (list) list.push(r.v);
		else out.set(r.actionId, [r.v]);
	}
	return out;
}

function rowsArticles(db: Db | Tx, ids: number[]): Map<number, number[]> {
	if (ids.length === 0) return new Map();
	return groupedBy(
		db
			.select({ actionId: actionArticle.actionId, v: article.number })
			.from(actionArticle)
			.innerJoin(article, eq(article.id, actionArticle.articleId))
			.where(inArray(actionArticle.actionId, ids))
			.orderBy(asc(article.number))
			.all()
	);
}

function rowsIndicators(db: Db | Tx, ids: number[]): Map<number, string[]> {
	if (ids.length === 0) return new Map();
	return groupedBy(
		db
			.select({ actionId: actionIndicator.actionId, v: indicator.code })
			.from(actionIndicator)
			.innerJoin(indicator, eq(indicator.id, actionIndicator.indicatorId))
			.where(inArray(actionIndicator.actionId, ids))
			.orderBy(asc(indicator.code))
			.all()
	);
}

export type JoinedRow = { a: ActionRow; createdName: string | null; updatedName: string | null };

export function selectJoined(db: Db | Tx) {
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

export function toRecords(
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
