// Reporting rounds (issue 17 §4): an admin opens a round (articles and indicators asked for,
// an opening and a due date) and closes it. Completeness per member state: per article,
// whether one of its actions was created or updated within the round; per indicator, whether
// a value for the latest expected period (the year before the round opens) was entered.
// Closing freezes the figures. Notifications of a round go through notify.ts.
import { and, asc, eq, inArray, isNull, lte, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db';
import {
	action,
	actionArticle,
	actionUpdate,
	article,
	country,
	indicator,
	observation,
	reportingRound
} from '../db/schema';
import { assert, requireActor, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, invalid, notFound } from '../http/errors';
import { getFramework, isoToday } from '../declaration/articles';
import type { RoundCreateInput } from '$lib/schemas/desk';

/** The starter indicators of DESIGN §7, the default of a new round. */
export const STARTER_INDICATORS = [
	'10.c.1',
	'10.7.3',
	'10.7.2',
	'10.7.4',
	'8.8.1',
	'8.8.2',
	'17.3.2',
	'16.2.2'
];

export type RoundRow = typeof reportingRound.$inferSelect;

export interface RoundRecord {
	id: number;
	name: string;
	opensOn: string;
	dueOn: string;
	articles: number[];
	indicators: string[];
	status: 'upcoming' | 'open' | 'closed';
	closedAt: string | null;
}

/** One member state's completeness, with the detail the grid page shows. */
export interface CompletenessDetail {
	country: string;
	articles: { updated: number; total: number };
	indicators: { reported: number; total: number };
	complete: boolean;
	/** Article number → whether one of its actions moved within the round. */
	byArticle: Record<string, boolean>;
	/** Indicator code → whether a value of the expected period is there. */
	byIndicator: Record<string, boolean>;
}

export function roundRecord(r: RoundRow, today = isoToday()): RoundRecord {
	return {
		id: r.id,
		name: r.name,
		opensOn: r.opensOn,
		dueOn: r.dueOn,
		articles: r.articles,
		indicators: r.indicators,
		status: r.closedAt ? 'closed' : r.opensOn > today ? 'upcoming' : 'open',
		closedAt: r.closedAt ? r.closedAt.toISOString() : null
	};
}

export function listRounds(db: Db, actor: Actor | null): RoundRecord[] {
	requireActor(actor);
	return db
		.select()
		.from(reportingRound)
		.orderBy(sql`${reportingRound.closedAt} is not null`, asc(reportingRound.dueOn))
		.all()
		.map((r) => roundRecord(r));
}

/** Rounds open today (opened, not closed). */
export function openRounds(db: Db): RoundRow[] {
	const today = isoToday();
	return db
		.select()
		.from(reportingRound)
		.where(and(isNull(reportingRound.closedAt), lte(reportingRound.opensOn, today)))
		.orderBy(asc(reportingRound.dueOn))
		.all();
}

function roundRow(db: Db, id: number): RoundRow {
	const r = db.select().from(reportingRound).where(eq(reportingRound.id, id)).get();
	if (!r) throw notFound(`There is no reporting round ${id}.`);
	return r;
}

export function getRound(db: Db, actor: Actor | null, id: number): RoundRecord {
	requireActor(actor);
	return roundRecord(roundRow(db, id));
}

export function createRound(db: Db, actor: Actor | null, input: RoundCreateInput): RoundRecord {
	const who = requireActor(actor);
	assert.admin(who);
	const fw = getFramework(db);
	const known = db
		.select({ n: article.number })
		.from(article)
		.where(eq(article.frameworkId, fw.id))
		.orderBy(asc(article.number))
		.all()
		.map((r) => r.n);
	const articles = input.articles ? [...new Set(input.articles)].sort((a, b) => a - b) : known;
	const missing = articles.filter((n) => !known.includes(n));
	const codes = db
		.select({ code: indicator.code })
		.from(indicator)
		.all()
		.map((r) => r.code);
	const indicators = input.indicators
		? [...new Set(input.indicators)]
		: STARTER_INDICATORS.filter((c) => codes.includes(c));
	const unknown = indicators.filter((c) => !codes.includes(c));
	const issues = [
		...(missing.length
			? [{ path: 'articles', message: `No article ${missing.join(', ')} in the declaration.` }]
			: []),
		...(unknown.length
			? [{ path: 'indicators', message: `Unknown indicator ${unknown.join(', ')}.` }]
			: [])
	];
	if (issues.length) throw invalid('Some fields are not valid.', issues);
	const row = db.transaction((tx) => {
		const r = tx
			.insert(reportingRound)
			.values({
				name: input.name,
				opensOn: input.opensOn,
				dueOn: input.dueOn,
				articles,
				indicators,
				createdBy: who.id
			})
			.returning()
			.get();
		recordAudit(tx, {
			userId: who.id,
			entity: 'reporting_round',
			entityId: r.id,
			operation: 'create',
			after: roundRecord(r)
		});
		return r;
	});
	return roundRecord(row);
}

/** Closes a round, freezing its completeness figures. */
export function closeRound(db: Db, actor: Actor | null, id: number): RoundRecord {
	const who = requireActor(actor);
	assert.admin(who);
	const r = roundRow(db, id);
	if (r.closedAt) throw conflict('This round is already closed.');
	const frozen = computeCompleteness(db, r);
	db.transaction((tx) => {
		tx.update(reportingRound)
			.set({ closedAt: new Date(), closedBy: who.id, frozen })
			.where(eq(reportingRound.id, id))
			.run();
		recordAudit(tx, {
			userId: who.id,
			entity: 'reporting_round',
			entityId: id,
			operation: 'close',
			before: roundRecord(r),
			after: { ...roundRecord(roundRow(tx as unknown as Db, id)), completeness: frozen }
		});
	});
	return roundRecord(roundRow(db, id));
}

/** The start of a day as a timestamp (UTC). */
const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);

/** The year whose values a round asks for: the year before it opens. */
export const expectedYear = (r: Pick<RoundRow, 'opensOn'>) => Number(r.opensOn.slice(0, 4)) - 1;

/** Completeness of every member state (or of these countries) in a round, computed now. */
export function computeCompleteness(
	db: Db,
	r: RoundRow,
	countries?: string[]
): CompletenessDetail[] {
	const members = db
		.select({ iso3: country.iso3 })
		.from(country)
		.where(
			countries?.length
				? and(eq(country.member, true), inArray(country.iso3, countries))
				: eq(country.member, true)
		)
		.orderBy(asc(country.iso3))
		.all()
		.map((c) => c.iso3);
	if (members.length === 0) return [];
	const from = dayStart(r.opensOn);
	const until = r.closedAt ?? new Date(8.64e15);
	const moved = (col: SQLWrapper) =>
		sql`(${col} >= ${from.getTime()} and ${col} <= ${until.getTime()})`;
	// Actions moved within the round: created or edited, or given a timeline update.
	const touched = db
		.selectDistinct({ country: action.countryIso3, n: article.number })
		.from(action)
		.innerJoin(actionArticle, eq(actionArticle.actionId, action.id))
		.innerJoin(article, eq(article.id, actionArticle.articleId))
		.where(
			and(
				isNull(action.deletedAt),
				inArray(action.countryIso3, members),
				sql`(${moved(action.updatedAt)} or ${moved(action.createdAt)} or exists (select 1 from ${actionUpdate} where ${actionUpdate.actionId} = ${action.id} and ${moved(actionUpdate.createdAt)}))`
			)
		)
		.all();
	const year = expectedYear(r);
	const reported = r.indicators.length
		? db
				.selectDistinct({ country: observation.countryIso3, code: indicator.code })
				.from(observation)
				.innerJoin(indicator, eq(indicator.id, observation.indicatorId))
				.where(
					and(
						inArray(indicator.code, r.indicators),
						inArray(observation.countryIso3, members),
						eq(observation.year, year)
					)
				)
				.all()
		: [];
	return members.map((iso3) => {
		const byArticle: Record<string, boolean> = {};
		for (const n of r.articles) byArticle[n] = touched.some((t) => t.country === iso3 && t.n === n);
		const byIndicator: Record<string, boolean> = {};
		for (const c of r.indicators)
			byIndicator[c] = reported.some((t) => t.country === iso3 && t.code === c);
		const updated = Object.values(byArticle).filter(Boolean).length;
		const rep = Object.values(byIndicator).filter(Boolean).length;
		return {
			country: iso3,
			articles: { updated, total: r.articles.length },
			indicators: { reported: rep, total: r.indicators.length },
			complete: updated === r.articles.length && rep === r.indicators.length,
			byArticle,
			byIndicator
		};
	});
}

/** A round's completeness: frozen when it is closed, computed now while it is open. */
export function roundCompleteness(
	db: Db,
	actor: Actor | null,
	id: number,
	countries?: string[]
): CompletenessDetail[] {
	requireActor(actor);
	const r = roundRow(db, id);
	if (r.closedAt && Array.isArray(r.frozen)) {
		const rows = r.frozen as CompletenessDetail[];
		return countries ? rows.filter((x) => countries.includes(x.country)) : rows;
	}
	return computeCompleteness(db, r, countries);
}

/** The API's shape of completeness (issue 17): no per-article detail. */
export function completenessItems(rows: CompletenessDetail[]) {
	return rows.map(({ country, articles, indicators, complete }) => ({
		country,
		articles,
		indicators,
		complete
	}));
}
