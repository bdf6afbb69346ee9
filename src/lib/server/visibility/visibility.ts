// Which version of a record a reader sees (DESIGN §3, §5), decided here once. A reader who
// may read the drafts of a record's country (authz.ts draftScope) sees its working version;
// everyone else — other countries' coordinators, share-link holders, the public — sees its
// last validated version, or nothing when it was never validated. Every list, filter,
// full-text search, count, export, summary and shared page of actions (and their updates
// and evidence) reads through these conditions; observations use `workingCondition` on
// their own country column.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db';
import { action } from '../db/schema';
import { canReadDrafts, draftScope, readerKey, type Actor } from '../auth/authz';
import { dataVersion } from '../cache';
import type { ActionStatus } from '$lib/domain';

/** A reader: a signed-in actor, or null for validated data only (shared pages, open data). */
export type Reader = Actor | null | undefined;

/** True when the reader sees the working version of a record of this country. */
export function seesWorking(reader: Reader, country: string | null): boolean {
	return canReadDrafts(reader, country);
}

/** SQL: true where the reader sees the working version of a row whose country is `country`. */
export function workingCondition(reader: Reader, country: SQLWrapper): SQL {
	const scope = draftScope(reader);
	if (scope.kind === 'all') return sql`1`;
	if (scope.kind === 'none') return sql`0`;
	if (scope.countries.length === 0) return sql`(${country} is null)`;
	return sql`(${country} is null or ${country} in (${sql.join(
		scope.countries.map((c) => sql`${c}`),
		sql`, `
	)}))`;
}

export interface VersionOptions {
	/** Validated data only, whoever reads (shared pages, reports, open data). */
	validatedOnly?: boolean;
}

/**
 * The version of actions a reader sees, as SQL over the `action` table: each field is the
 * working column for rows the reader may read drafts of and the validated snapshot's field
 * for the others; `visible` leaves out rows the reader may not see at all.
 */
export function actionVersion(reader: Reader, opts: VersionOptions = {}) {
	const working = opts.validatedOnly ? sql`0` : workingCondition(reader, action.countryIso3);
	const pick = (column: SQLWrapper, field: string) =>
		sql`(case when ${working} then ${column} else json_extract(${action.validated}, ${`$.${field}`}) end)`;
	const status = pick(action.status, 'status');
	const dueDate = pick(action.dueDate, 'dueDate');
	return {
		working,
		visible: sql`(${working} or ${action.validated} is not null)`,
		country: pick(action.countryIso3, 'country'),
		status,
		dueDate,
		title: pick(action.title, 'title'),
		/** The action names this article (by number) in the version the reader sees. */
		hasArticle: (n: number) =>
			sql`(case when ${working} then exists (select 1 from action_article aa join article ar on ar.id = aa.article_id where aa.action_id = "action"."id" and ar.number = ${n}) else exists (select 1 from json_each(${action.validated}, '$.articles') where json_each.value = ${n}) end)`,
		/**
		 * One of the action's articles (in the version the reader sees) names this GCM objective
		 * among its references (issue 19 §3: the matrix by objective links to this filter).
		 */
		hasObjective: (n: number) =>
			sql`exists (select 1 from article ar join article_reference arf on arf.article_id = ar.id join reference r on r.id = arf.reference_id where ar.framework_id = "action"."framework_id" and r.kind = 'gcm_objective' and r.code = ${String(n)} and (case when ${working} then exists (select 1 from action_article aa where aa.action_id = "action"."id" and aa.article_id = ar.id) else exists (select 1 from json_each(${action.validated}, '$.articles') where json_each.value = ar.number) end))`,
		/** The article numbers of the version the reader sees, as a JSON array. */
		articles: sql<string>`(case when ${working} then (select json_group_array(ar.number) from action_article aa join article ar on ar.id = aa.article_id where aa.action_id = "action"."id") else json_extract(${action.validated}, '$.articles') end)`,
		overdue: (today: string) =>
			sql`(${dueDate} is not null and ${dueDate} < ${today} and ${status} not in ('completed', 'cancelled'))`,
		/**
		 * Full-text match (an FTS5 query, see ftsQuery) on the text the reader may search: the
		 * working text and update notes for readers of drafts, the validated text otherwise.
		 */
		matches: (match: string) =>
			sql`(case when ${working} then ${action.id} in (select rowid from action_fts where action_fts match ${match}) else ${action.id} in (select rowid from action_fts_validated where action_fts_validated match ${match}) end)`
	};
}

export interface VisibleAction {
	id: number;
	country: string | null;
	status: ActionStatus;
	dueDate: string | null;
	articles: number[];
	createdAt: Date;
}

/**
 * The (not deleted) actions of a framework as the reader sees them, optionally of one article
 * or country (null: regional): the one source of every action count and summary. One read per
 * data version, reader and framework serves every summary of a page (the overview's articles,
 * matrix and map): kept for the current data version only (cache/index.ts), then filtered here.
 */
export function visibleActions(
	db: Db,
	reader: Reader,
	filter: { frameworkId?: number; article?: number; country?: string | null } & VersionOptions = {}
): VisibleAction[] {
	const all = allVisibleActions(db, reader, filter);
	const { article, country } = filter;
	if (article === undefined && country === undefined) return [...all];
	return all.filter(
		(a) =>
			(article === undefined || a.articles.includes(article)) &&
			(country === undefined || a.country === country)
	);
}

/** Per database connection: the data version the kept reads belong to, and the reads. */
const kept = new WeakMap<object, { version: string; reads: Map<string, VisibleAction[]> }>();

function allVisibleActions(
	db: Db,
	reader: Reader,
	filter: { frameworkId?: number } & VersionOptions
): VisibleAction[] {
	// Not inside a transaction, whose writes may yet be rolled back.
	if (db.$client.inTransaction) return readVisibleActions(db, reader, filter);
	const version = `${dataVersion(db)}|${new Date().toISOString().slice(0, 10)}`;
	let entry = kept.get(db.$client);
	if (!entry || entry.version !== version) {
		entry = { version, reads: new Map() };
		kept.set(db.$client, entry);
	}
	const key = `${readerKey(reader)}|${filter.frameworkId ?? ''}|${filter.validatedOnly ? 1 : 0}`;
	let rows = entry.reads.get(key);
	if (!rows) {
		rows = readVisibleActions(db, reader, filter);
		entry.reads.set(key, rows);
	}
	return rows;
}

/**
 * Two flat reads instead of per-row JSON and subqueries: the actions with the working columns
 * and the validated snapshot, and every action's articles; each row then takes the version the
 * reader sees (`seesWorking`: the same rule as `actionVersion`, which the SQL filters use).
 */
function readVisibleActions(
	db: Db,
	reader: Reader,
	filter: { frameworkId?: number } & VersionOptions
): VisibleAction[] {
	const rows = db.$client
		.prepare(
			`select id, country_iso3 as country, status, due_date as dueDate, created_at as createdAt, validated
			 from action where deleted_at is null and (? is null or framework_id = ?)`
		)
		.all(filter.frameworkId ?? null, filter.frameworkId ?? null) as {
		id: number;
		country: string | null;
		status: ActionStatus;
		dueDate: string | null;
		createdAt: number;
		validated: string | null;
	}[];
	const articlesOf = new Map<number, number[]>();
	const links = db.$client
		.prepare(
			'select aa.action_id as id, ar.number as n from action_article aa join article ar on ar.id = aa.article_id'
		)
		.all() as { id: number; n: number }[];
	for (const { id, n } of links) {
		const list = articlesOf.get(id);
		if (list) list.push(Number(n));
		else articlesOf.set(id, [Number(n)]);
	}
	const out: VisibleAction[] = [];
	for (const r of rows) {
		const createdAt = new Date(r.createdAt);
		if (!filter.validatedOnly && seesWorking(reader, r.country)) {
			const articles = (articlesOf.get(r.id) ?? []).sort((a, b) => a - b);
			out.push({
				id: r.id,
				country: r.country,
				status: r.status,
				dueDate: r.dueDate,
				articles,
				createdAt
			});
			continue;
		}
		if (r.validated === null) continue;
		const v = JSON.parse(r.validated) as {
			country?: string | null;
			status?: ActionStatus;
			dueDate?: string | null;
			articles?: unknown[];
		};
		out.push({
			id: r.id,
			country: v.country ?? null,
			status: v.status as ActionStatus,
			dueDate: v.dueDate ?? null,
			articles: (v.articles ?? []).map(Number).sort((a, b) => a - b),
			createdAt
		});
	}
	return out;
}

/** Counts of actions by status, with overdue ones, for summaries. */
export function countActions(
	rows: VisibleAction[],
	today: string
): { byStatus: Record<ActionStatus, number>; total: number; overdue: number } {
	const byStatus = {
		planned: 0,
		in_progress: 0,
		completed: 0,
		stalled: 0,
		cancelled: 0
	} satisfies Record<ActionStatus, number>;
	let overdue = 0;
	for (const r of rows) {
		if (r.status in byStatus) byStatus[r.status]++;
		if (r.dueDate && r.dueDate < today && r.status !== 'completed' && r.status !== 'cancelled')
			overdue++;
	}
	return { byStatus, total: rows.length, overdue };
}
