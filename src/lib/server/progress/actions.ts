// Progress, server side — actions as progress: the member-state × article matrix and the same
// matrix by GCM objective (counts by status, share completed) and "progress over time"
// (actions by status month by month).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	ACTION_STATUSES,
	article,
	articleReference,
	framework,
	reference,
	type ActionStatus
} from '../db/schema';
import type { Actor } from '../auth/authz';
import { visibleActions, type VisibleAction } from '../visibility/visibility';
import { unauthorized } from '../http/errors';
import { countryName } from '../declaration/countries';
import { FRAMEWORK_SLUG } from '../seed/seed';
import { memberScopes, type ProgressReadOptions } from './series';

/** The actions the reader sees, in the version they see (visibility.ts). */
function readableActions(
	db: Db,
	actor: Actor | null,
	opts: ProgressReadOptions & { articleNumber?: number; country?: string | null }
): VisibleAction[] {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const fw = db
		.select({ id: framework.id })
		.from(framework)
		.where(eq(framework.slug, FRAMEWORK_SLUG))
		.get();
	if (!fw) return [];
	return visibleActions(db, actor, {
		frameworkId: fw.id,
		article: opts.articleNumber,
		country: opts.country,
		validatedOnly: opts.validatedOnly
	}).filter((a) => a.articles.length > 0);
}

export interface MatrixCell {
	total: number;
	completed: number;
	/** completed / total, or null when there is no action. */
	share: number | null;
	byStatus: Record<ActionStatus, number>;
}

export interface ArticleMatrix {
	/** What the columns are: articles of the declaration, or GCM objectives. */
	kind: 'article' | 'objective';
	/** Rows: the member states (by name) and the region (iso3 null) last. */
	rows: { iso3: string | null; name: string | null; cells: Record<number, MatrixCell> }[];
	/** The column numbers: article numbers, or GCM objective numbers. */
	columns: number[];
}

function emptyCell(): MatrixCell {
	return {
		total: 0,
		completed: 0,
		share: null,
		byStatus: Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>
	};
}

/** Counts one action in the cells of its columns (its articles unless given). */
function countInto(row: Record<number, MatrixCell>, a: VisibleAction, columns = a.articles) {
	for (const n of columns) {
		const cell = row[n];
		if (!cell) continue;
		cell.total++;
		cell.byStatus[a.status]++;
		if (a.status === 'completed') cell.completed++;
	}
}

function finishCells(row: Record<number, MatrixCell>) {
	for (const cell of Object.values(row))
		cell.share = cell.total ? cell.completed / cell.total : null;
}

/**
 * One country's actions per article (issue 19 §3: the country page's per-article rows): every
 * article of the declaration, with the counts by status and the share completed.
 */
export function countryArticleCells(
	db: Db,
	actor: Actor | null,
	iso3: string,
	opts: ProgressReadOptions = {}
): Record<number, MatrixCell> {
	const row: Record<number, MatrixCell> = Object.fromEntries(
		articleNumbers(db).map((n) => [n, emptyCell()])
	);
	for (const a of readableActions(db, actor, { ...opts, country: iso3 })) countInto(row, a);
	finishCells(row);
	return row;
}

function articleNumbers(db: Db): number[] {
	return db
		.select({ n: article.number })
		.from(article)
		.innerJoin(framework, eq(framework.id, article.frameworkId))
		.where(eq(framework.slug, FRAMEWORK_SLUG))
		.all()
		.map((r) => r.n)
		.sort((a, b) => a - b);
}

/**
 * Article number → the GCM objectives its references name (the
 * declaration's own cross-walk, seeded from the text).
 */
export function articleObjectives(db: Db): Map<number, number[]> {
	const rows = db
		.select({ n: article.number, code: reference.code })
		.from(articleReference)
		.innerJoin(article, eq(article.id, articleReference.articleId))
		.innerJoin(framework, eq(framework.id, article.frameworkId))
		.innerJoin(reference, eq(reference.id, articleReference.referenceId))
		.where(and(eq(framework.slug, FRAMEWORK_SLUG), eq(reference.kind, 'gcm_objective')))
		.all();
	const out = new Map<number, number[]>();
	for (const r of rows) out.set(r.n, [...(out.get(r.n) ?? []), Number(r.code)]);
	for (const list of out.values()) list.sort((a, b) => a - b);
	return out;
}

/** The matrix a page asks for: `?matrix=objective` by GCM objective, else by article. */
export function matrixKind(url: URL): 'article' | 'objective' {
	return url.searchParams.get('matrix') === 'objective' ? 'objective' : 'article';
}

/**
 * Actions per member state (and the region) × column: counts by status and share completed.
 * `kind: 'article'` — the columns are the declaration's articles; `kind: 'objective'` — the
 * GCM objectives the articles name, an action counting once in each objective of its
 * articles (issue 19 §3).
 */
export function memberArticleMatrix(
	db: Db,
	actor: Actor | null,
	opts: ProgressReadOptions & { kind?: 'article' | 'objective' } = {}
): ArticleMatrix {
	const kind = opts.kind ?? 'article';
	const actions = readableActions(db, actor, opts);
	const objectivesOf = kind === 'objective' ? articleObjectives(db) : null;
	const columnsOf = (a: VisibleAction): number[] =>
		objectivesOf ? [...new Set(a.articles.flatMap((n) => objectivesOf.get(n) ?? []))] : a.articles;
	const columns = objectivesOf
		? [...new Set([...objectivesOf.values()].flat())].sort((a, b) => a - b)
		: articleNumbers(db);
	const locale = opts.locale ?? 'en';
	const scopes = memberScopes(db);
	const rows = scopes
		.filter((s) => s !== '')
		.map((iso3) => ({
			iso3: iso3 as string | null,
			name: countryName(iso3, locale) as string | null
		}))
		.sort((a, b) => a.name!.localeCompare(b.name!, locale));
	rows.push({ iso3: null, name: null });
	const cells = new Map<string, Record<number, MatrixCell>>();
	for (const r of rows) {
		cells.set(r.iso3 ?? '', Object.fromEntries(columns.map((n) => [n, emptyCell()])));
	}
	for (const a of actions) {
		const row = cells.get(a.country ?? '');
		if (!row) continue; // a non-member country's action
		countInto(row, a, columnsOf(a));
	}
	for (const row of cells.values()) finishCells(row);
	return {
		kind,
		columns,
		rows: rows.map((r) => ({ ...r, cells: cells.get(r.iso3 ?? '')! }))
	};
}

export interface StatusHistory {
	/** Months 'YYYY-MM', oldest first. */
	months: string[];
	/** Actions in each status at the end of each month. */
	byStatus: Record<ActionStatus, number[]>;
	total: number[];
	/** Completed / total at the end of each month (null when there is no action yet). */
	shareCompleted: (number | null)[];
}

function monthOf(date: string): string {
	return date.slice(0, 7);
}

function nextMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * "Progress over time": for each month, the actions (of an article and/or a country) by
 * status at the end of the month, from their update history. An action counts from the month
 * of its first update (or its creation when it has none); before its first status update it
 * is `planned`; an action without any status update keeps its current status throughout.
 */
export function actionStatusHistory(
	db: Db,
	actor: Actor | null,
	opts: ProgressReadOptions & {
		articleNumber?: number;
		country?: string | null;
		/** Last month shown, 'YYYY-MM' (default: this month). */
		until?: string;
		maxMonths?: number;
	} = {}
): StatusHistory {
	const actions = readableActions(db, actor, opts);
	const empty = (): StatusHistory => ({
		months: [],
		byStatus: Object.fromEntries(ACTION_STATUSES.map((s) => [s, []])) as unknown as Record<
			ActionStatus,
			number[]
		>,
		total: [],
		shareCompleted: []
	});
	if (actions.length === 0) return empty();
	const ids = actions.map((a) => a.id);
	const updates = new Map<number, { date: string; status: ActionStatus | null }[]>();
	for (let i = 0; i < ids.length; i += 500) {
		const chunk = ids.slice(i, i + 500);
		const rows = db.$client
			.prepare(
				`select action_id as id, date, status from action_update where action_id in (${chunk.map(() => '?').join(',')}) order by date, id`
			)
			.all(...chunk) as { id: number; date: string; status: ActionStatus | null }[];
		for (const r of rows) {
			const list = updates.get(r.id);
			if (list) list.push(r);
			else updates.set(r.id, [r]);
		}
	}
	const timelines = actions.map((a) => {
		const ups = updates.get(a.id) ?? [];
		const start = ups.length ? monthOf(ups[0].date) : a.createdAt.toISOString().slice(0, 7);
		const steps = ups
			.filter((u) => u.status !== null)
			.map((u) => ({ month: monthOf(u.date), status: u.status as ActionStatus }));
		return { start, steps, current: a.status };
	});
	const until = opts.until ?? new Date().toISOString().slice(0, 7);
	let first = timelines.reduce((m, t) => (t.start < m ? t.start : m), until);
	const maxMonths = opts.maxMonths ?? 120;
	const months: string[] = [];
	for (let m = first; m <= until; m = nextMonth(m)) months.push(m);
	if (months.length > maxMonths) {
		months.splice(0, months.length - maxMonths);
		first = months[0];
	}
	const h = empty();
	h.months = months;
	for (const month of months) {
		const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<
			ActionStatus,
			number
		>;
		let total = 0;
		for (const t of timelines) {
			if (t.start > month) continue;
			let status: ActionStatus;
			if (t.steps.length === 0) status = t.current;
			else {
				status = 'planned';
				for (const s of t.steps) {
					if (s.month <= month) status = s.status;
					else break;
				}
			}
			counts[status]++;
			total++;
		}
		for (const s of ACTION_STATUSES) h.byStatus[s].push(counts[s]);
		h.total.push(total);
		h.shareCompleted.push(total ? counts.completed / total : null);
	}
	return h;
}
