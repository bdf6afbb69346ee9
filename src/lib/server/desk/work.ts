// "My work" (issue 17 §1): what waits for a coordinator (their countries, and the regional
// actions they created) or an admin (everything): drafts, items returned with the comment,
// items submitted and waiting, overdue actions, actions due within 30 days, stale
// indicators and the open reporting rounds with their completeness.
import {
	and,
	asc,
	desc,
	eq,
	gte,
	inArray,
	isNotNull,
	isNull,
	lt,
	lte,
	notInArray,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { Db } from '../db';
import { action, indicator, observation } from '../db/schema';
import { isAdmin, requireActor, type Actor } from '../auth/authz';
import { isoToday } from '../declaration/articles';
import { isStale } from '../progress/summaries';
import { completenessItems, computeCompleteness, openRounds } from './rounds';

export interface WorkItem {
	type: 'action' | 'observations';
	/** The action's id, or `CODE|ISO3` for an indicator's values of a country. */
	id: string;
	title: string;
	country: string | null;
	href: string;
	comment: string | null;
	dueDate: string | null;
	updatedAt: string | null;
	/** How many values (observations groups). */
	count?: number;
}

export interface WorkSection {
	count: number;
	items: WorkItem[];
}

export interface StaleIndicator {
	indicator: string;
	indicatorName: string;
	country: string;
	latestPeriod: string;
	href: string;
}

export interface MyWork {
	drafts: WorkSection;
	returned: WorkSection;
	submitted: WorkSection;
	overdue: WorkSection;
	dueSoon: WorkSection;
	staleIndicators: { count: number; items: StaleIndicator[] };
	rounds: {
		id: number;
		name: string;
		dueOn: string;
		items: ReturnType<typeof completenessItems>;
	}[];
}

const SHOWN = 50;

function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function actionScope(actor: Actor): SQL | undefined {
	if (isAdmin(actor)) return undefined;
	const own = actor.countries.length ? inArray(action.countryIso3, actor.countries) : undefined;
	const regional = and(isNull(action.countryIso3), eq(action.createdBy, actor.id));
	return own ? or(own, regional) : regional;
}

function obsScope(actor: Actor): SQL | undefined {
	if (isAdmin(actor)) return undefined;
	return actor.countries.length ? inArray(observation.countryIso3, actor.countries) : sql`0 = 1`;
}

function actionSection(db: Db, where: SQL | undefined, order: SQL): WorkSection {
	const rows = db
		.select({
			id: action.id,
			title: action.title,
			country: action.countryIso3,
			comment: action.reviewComment,
			dueDate: action.dueDate,
			updatedAt: action.updatedAt
		})
		.from(action)
		.where(and(isNull(action.deletedAt), where))
		.orderBy(order)
		.all();
	return {
		count: rows.length,
		items: rows.slice(0, SHOWN).map((r) => ({
			type: 'action',
			id: String(r.id),
			title: r.title,
			country: r.country,
			href: `/actions/${r.id}`,
			comment: r.comment,
			dueDate: r.dueDate,
			updatedAt: r.updatedAt.toISOString()
		}))
	};
}

function observationGroups(db: Db, where: SQL | undefined): WorkItem[] {
	const rows = db
		.select({
			code: indicator.code,
			name: indicator.name,
			country: observation.countryIso3,
			n: sql<number>`count(*)`,
			comment: sql<string | null>`max(${observation.reviewComment})`,
			updatedAt: sql<number>`max(${observation.updatedAt})`
		})
		.from(observation)
		.innerJoin(indicator, eq(indicator.id, observation.indicatorId))
		.where(where)
		.groupBy(indicator.code, observation.countryIso3)
		.orderBy(asc(indicator.code), asc(observation.countryIso3))
		.all();
	return rows.map((r) => ({
		type: 'observations',
		id: `${r.code}|${r.country ?? ''}`,
		title: `${r.code} ${r.name}`,
		country: r.country,
		href: `/indicators/${encodeURIComponent(r.code)}/observations${r.country ? `?country=${r.country}` : ''}`,
		comment: r.comment,
		dueDate: null,
		updatedAt: new Date(Number(r.updatedAt)).toISOString(),
		count: Number(r.n)
	}));
}

function merged(a: WorkSection, more: WorkItem[]): WorkSection {
	return { count: a.count + more.length, items: [...a.items, ...more].slice(0, SHOWN * 2) };
}

/** The latest value of each indicator per country in scope, stale ones only. */
function staleIndicators(db: Db, actor: Actor, today: string): MyWork['staleIndicators'] {
	const rows = db
		.select({
			code: indicator.code,
			name: indicator.name,
			country: observation.countryIso3,
			year: sql<number>`max(${observation.year})`,
			latest: sql<string>`max(${observation.periodSort})`
		})
		.from(observation)
		.innerJoin(indicator, eq(indicator.id, observation.indicatorId))
		.where(and(isNotNull(observation.countryIso3), obsScope(actor)))
		.groupBy(indicator.code, observation.countryIso3)
		.orderBy(asc(indicator.code), asc(observation.countryIso3))
		.all();
	const currentYear = Number(today.slice(0, 4));
	const items = rows
		.filter((r) => isStale(Number(r.year), currentYear))
		.map((r) => ({
			indicator: r.code,
			indicatorName: r.name,
			country: r.country!,
			latestPeriod: r.latest.split(' ').pop() ?? String(r.year),
			href: `/indicators/${encodeURIComponent(r.code)}?country=${r.country}`
		}));
	return { count: items.length, items: items.slice(0, SHOWN) };
}

/** Everything waiting for the reader; viewers have no work of their own (empty lists). */
export function myWork(db: Db, actor: Actor | null, today = isoToday()): MyWork {
	const who = requireActor(actor);
	const empty = { count: 0, items: [] };
	if (who.role === 'viewer')
		return {
			drafts: empty,
			returned: empty,
			submitted: empty,
			overdue: empty,
			dueSoon: empty,
			staleIndicators: empty,
			rounds: []
		};
	const scope = actionScope(who);
	const oscope = obsScope(who);
	const open = notInArray(action.status, ['completed', 'cancelled']);
	const drafts = actionSection(
		db,
		and(scope, eq(action.reviewState, 'draft'), isNull(action.reviewComment)),
		desc(action.updatedAt)
	);
	const returned = actionSection(
		db,
		and(scope, eq(action.reviewState, 'draft'), isNotNull(action.reviewComment)),
		desc(action.updatedAt)
	);
	const submitted = actionSection(
		db,
		and(scope, eq(action.reviewState, 'submitted')),
		asc(action.updatedAt)
	);
	const overdue = actionSection(
		db,
		and(scope, open, isNotNull(action.dueDate), lt(action.dueDate, today)),
		asc(action.dueDate)
	);
	const dueSoon = actionSection(
		db,
		and(scope, open, gte(action.dueDate, today), lte(action.dueDate, addDays(today, 30))),
		asc(action.dueDate)
	);
	const obsDraft = and(oscope, eq(observation.reviewState, 'draft'));
	const countries = isAdmin(who) ? undefined : who.countries;
	return {
		drafts: merged(drafts, observationGroups(db, and(obsDraft, isNull(observation.reviewComment)))),
		returned: merged(
			returned,
			observationGroups(db, and(obsDraft, isNotNull(observation.reviewComment)))
		),
		submitted: merged(
			submitted,
			observationGroups(db, and(oscope, eq(observation.reviewState, 'submitted')))
		),
		overdue,
		dueSoon,
		staleIndicators: staleIndicators(db, who, today),
		rounds: openRounds(db).map((r) => ({
			id: r.id,
			name: r.name,
			dueOn: r.dueOn,
			items: completenessItems(
				countries && countries.length === 0 ? [] : computeCompleteness(db, r, countries)
			)
		}))
	};
}
