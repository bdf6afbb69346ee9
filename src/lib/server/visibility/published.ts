// What shared pages, embeds, reports and open data show: validated data only, in its last
// validated version (DESIGN §5). Drafts, submitted edits, internal notes (review comments)
// and people (names, emails) never leave through here.
import { and, count, desc, eq, inArray, isNotNull, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { ACTION_STATUSES, action, evidence, observation, type ActionStatus } from '../db/schema';
import type { ActionSnapshot } from '../actions';
import { countryName, type NameLocale } from '../declaration/countries';
import { isoToday } from '../declaration/articles';

export interface PublishedAction extends ActionSnapshot {
	id: number;
	countryName: string | null;
	overdue: boolean;
	validatedAt: string;
}

export interface PublishedEvidence {
	id: number;
	url: string;
	title: string;
	kind: string;
	publishedOn: string | null;
	targetType: string;
	targetId: number;
}

export interface PublishedQuery {
	article?: number;
	country?: string | null;
	/** Only what was validated on or before this day (YYYY-MM-DD). */
	asOf?: string | null;
	locale?: NameLocale;
}

function asOfEnd(asOf: string | null | undefined): Date | null {
	return asOf ? new Date(`${asOf}T23:59:59.999Z`) : null;
}

/** One page of a list: at most `limit` rows after skipping `offset`. */
export interface PageWindow {
	limit: number;
	offset: number;
}

/** The conditions that make an action published for a query (shared by lists and counts). */
function publishedActionWhere(q: PublishedQuery): SQL[] {
	const where: SQL[] = [
		isNull(action.deletedAt),
		isNotNull(action.validated),
		isNotNull(action.validatedAt)
	];
	const end = asOfEnd(q.asOf);
	if (end) where.push(sql`${action.validatedAt} <= ${end.getTime()}`);
	if (q.country !== undefined) {
		where.push(q.country === null ? isNull(action.countryIso3) : eq(action.countryIso3, q.country));
	}
	if (q.article !== undefined) {
		where.push(
			sql`exists (select 1 from json_each(${action.validated}, '$.articles') where json_each.value = ${q.article})`
		);
	}
	return where;
}

/**
 * Validated actions (their validated version), optionally for one article or country, most
 * recently validated first; with `page`, only that window of them (LIMIT/OFFSET in SQL).
 */
export function publishedActions(
	db: Db,
	q: PublishedQuery = {},
	page?: PageWindow
): PublishedAction[] {
	const today = q.asOf ?? isoToday();
	const query = db
		.select({ id: action.id, validated: action.validated, validatedAt: action.validatedAt })
		.from(action)
		.where(and(...publishedActionWhere(q)))
		.orderBy(desc(action.validatedAt), desc(action.id))
		.$dynamic();
	return (page ? query.limit(page.limit).offset(page.offset) : query).all().map((r) => {
		const s = r.validated as unknown as ActionSnapshot;
		return {
			...s,
			id: r.id,
			countryName: s.country ? countryName(s.country, q.locale ?? 'en') : null,
			overdue:
				!!s.dueDate && s.dueDate < today && s.status !== 'completed' && s.status !== 'cancelled',
			validatedAt: r.validatedAt!.toISOString()
		};
	});
}

/** How many published actions there are, by status, completed and overdue. */
export interface ActionCounts {
	byStatus: Record<ActionStatus, number>;
	total: number;
	completed: number;
	overdue: number;
	/** Completed actions as a share of all of them (null without actions). */
	shareCompleted: number | null;
}

/** The counts of no action at all. */
export function emptyActionCounts(): ActionCounts {
	return finishCounts(emptyByStatus(), 0);
}

function emptyByStatus(): Record<ActionStatus, number> {
	return Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
}

function finishCounts(byStatus: Record<ActionStatus, number>, overdue: number): ActionCounts {
	const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
	return {
		byStatus,
		total,
		completed: byStatus.completed,
		overdue,
		shareCompleted: total ? byStatus.completed / total : null
	};
}

interface CountRow {
	article: number | null;
	status: ActionStatus;
	n: number;
	overdue: number;
}

/** Counts rows of published actions (per article when `perArticle`), computed in SQL. */
function countRows(db: Db, q: PublishedQuery, perArticle: boolean): CountRow[] {
	const today = q.asOf ?? isoToday();
	const status = sql`json_extract(${action.validated}, '$.status')`;
	const due = sql`json_extract(${action.validated}, '$.dueDate')`;
	const where = and(...publishedActionWhere(q));
	// Distinct ids: an action counts once per article even if its snapshot named it twice.
	const overdue = sql`count(distinct case when ${due} < ${today} and ${status} not in ('completed', 'cancelled') then ${action.id} end)`;
	return perArticle
		? db.all<CountRow>(
				sql`select art.value as article, ${status} as status, count(distinct ${action.id}) as n, ${overdue} as overdue
					from ${action}, json_each(${action.validated}, '$.articles') as art
					where ${where} group by art.value, ${status}`
			)
		: db.all<CountRow>(
				sql`select null as article, ${status} as status, count(*) as n, ${overdue} as overdue
					from ${action} where ${where} group by ${status}`
			);
}

/** Counts of the published actions of a query (as many as publishedActions would return). */
export function publishedActionCounts(db: Db, q: PublishedQuery = {}): ActionCounts {
	const byStatus = emptyByStatus();
	let overdue = 0;
	for (const r of countRows(db, q, false)) {
		if (r.status in byStatus) byStatus[r.status] += r.n;
		overdue += r.overdue ?? 0;
	}
	return finishCounts(byStatus, overdue);
}

/** Counts of the published actions of a query per article number (articles without any absent). */
export function publishedActionCountsByArticle(
	db: Db,
	q: Omit<PublishedQuery, 'article'> = {}
): Map<number, ActionCounts> {
	const acc = new Map<number, { byStatus: Record<ActionStatus, number>; overdue: number }>();
	for (const r of countRows(db, q, true)) {
		const n = Number(r.article);
		let a = acc.get(n);
		if (!a) acc.set(n, (a = { byStatus: emptyByStatus(), overdue: 0 }));
		if (r.status in a.byStatus) a.byStatus[r.status] += r.n;
		a.overdue += r.overdue ?? 0;
	}
	return new Map([...acc].map(([n, a]) => [n, finishCounts(a.byStatus, a.overdue)]));
}

/**
 * What evidence to read: links attached to the given action ids, to every action a published
 * query returns (`publishedActionsOf`, as a subquery: the ids are never loaded), and to the
 * given articles or indicators.
 */
export interface EvidenceTargets {
	actions?: number[];
	publishedActionsOf?: PublishedQuery;
	articles?: number[];
	indicators?: number[];
}

function evidenceWhere(db: Db, targets: EvidenceTargets): SQL | null {
	const ors: SQL[] = [];
	if (targets.actions?.length) {
		ors.push(and(eq(evidence.targetType, 'action'), inArray(evidence.targetId, targets.actions))!);
	}
	if (targets.publishedActionsOf) {
		const ids = db
			.select({ id: action.id })
			.from(action)
			.where(and(...publishedActionWhere(targets.publishedActionsOf)));
		ors.push(and(eq(evidence.targetType, 'action'), inArray(evidence.targetId, ids))!);
	}
	if (targets.articles?.length) {
		ors.push(
			and(eq(evidence.targetType, 'article'), inArray(evidence.targetId, targets.articles))!
		);
	}
	if (targets.indicators?.length) {
		ors.push(
			and(eq(evidence.targetType, 'indicator'), inArray(evidence.targetId, targets.indicators))!
		);
	}
	if (ors.length === 0) return null;
	// Only web links (http or https, any letter case, as LIKE compares ASCII).
	return and(
		isNull(evidence.deletedAt),
		sql`(${evidence.url} like 'http://%' or ${evidence.url} like 'https://%')`,
		sql`(${sql.join(ors, sql` or `)})`
	)!;
}

/**
 * Evidence attached to published actions (and to the given articles or indicators), newest
 * first; with `page`, only that window of it (LIMIT/OFFSET in SQL).
 */
export function publishedEvidence(
	db: Db,
	targets: EvidenceTargets,
	page?: PageWindow
): PublishedEvidence[] {
	const where = evidenceWhere(db, targets);
	if (!where) return [];
	const query = db
		.select({
			id: evidence.id,
			url: evidence.url,
			title: evidence.title,
			kind: evidence.kind,
			publishedOn: evidence.publishedOn,
			targetType: evidence.targetType,
			targetId: evidence.targetId
		})
		.from(evidence)
		.where(where)
		.orderBy(desc(evidence.publishedOn), desc(evidence.id))
		.$dynamic();
	return (page ? query.limit(page.limit).offset(page.offset) : query).all();
}

/** How many evidence links publishedEvidence would return for these targets. */
export function countPublishedEvidence(db: Db, targets: EvidenceTargets): number {
	const where = evidenceWhere(db, targets);
	if (!where) return 0;
	return db.select({ n: count() }).from(evidence).where(where).get()?.n ?? 0;
}

/** When data was last validated (actions or observations), for the freshness line. */
export function lastValidatedAt(db: Db): string | null {
	const a =
		db
			.select({ at: max(action.validatedAt) })
			.from(action)
			.get()?.at ?? null;
	const o =
		db
			.select({ at: max(observation.validatedAt) })
			.from(observation)
			.get()?.at ?? null;
	const latest = [a, o]
		.filter((d): d is Date => d instanceof Date)
		.sort((x, y) => y.getTime() - x.getTime())[0];
	return latest ? latest.toISOString() : null;
}
