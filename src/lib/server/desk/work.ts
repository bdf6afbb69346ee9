// "My work" (issue 17 §1): what waits for a coordinator (their countries, and the regional
// actions they created) or an admin (everything): drafts, items returned with the comment,
// items submitted and waiting (with the national focal point or with the secretariat),
// overdue actions, actions due within 30 days, stale indicators and the open reporting
// rounds with their completeness; for a focal point, what waits for their national approval.
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
import { isAdmin, requireActor, reviewQueueStage, type Actor } from '../auth/authz';
import { awaitsNationalSql } from '../review/national';
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
	/**
	 * Submitted items (issue 17 §6): whether it waits for the national focal point (its country
	 * asks for national approval and none approved it yet) or for the secretariat.
	 */
	waitingFor?: 'national' | 'secretariat';
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
	/** A focal point's: their countries' submissions waiting for them; `href` is their queue. */
	awaitingNationalApproval: WorkSection & { href: string };
	overdue: WorkSection;
	dueSoon: WorkSection;
	/** `withValues`: the indicator × member state pairs in scope that have any value. */
	staleIndicators: { count: number; withValues: number; items: StaleIndicator[] };
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

const actionWaits = () =>
	awaitsNationalSql('action', {
		id: action.id,
		version: action.version,
		country: action.countryIso3
	});
const observationWaits = () =>
	awaitsNationalSql('observation', {
		id: observation.id,
		version: observation.version,
		country: observation.countryIso3
	});
const stageOf = (waits: number | null | undefined): Pick<WorkItem, 'waitingFor'> =>
	waits === null || waits === undefined ? {} : { waitingFor: waits ? 'national' : 'secretariat' };

function actionSection(
	db: Db,
	where: SQL | undefined,
	order: SQL,
	opts: { stage?: boolean } = {}
): WorkSection {
	const rows = db
		.select({
			id: action.id,
			title: action.title,
			country: action.countryIso3,
			comment: action.reviewComment,
			dueDate: action.dueDate,
			updatedAt: action.updatedAt,
			waits: opts.stage ? sql<number>`${actionWaits()}` : sql<null>`null`
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
			updatedAt: r.updatedAt.toISOString(),
			...stageOf(r.waits)
		}))
	};
}

/** Values by indicator and country; with `stage`, also by where they wait (issue 17 §6). */
function observationGroups(
	db: Db,
	where: SQL | undefined,
	opts: { stage?: boolean } = {}
): WorkItem[] {
	const waits = opts.stage ? sql<number>`${observationWaits()}` : sql<null>`null`;
	const rows = db
		.select({
			waits,
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
		.groupBy(
			...(opts.stage
				? [indicator.code, observation.countryIso3, waits]
				: [indicator.code, observation.countryIso3])
		)
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
		count: Number(r.n),
		...stageOf(r.waits)
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
	return { count: items.length, withValues: rows.length, items: items.slice(0, SHOWN) };
}

/**
 * A focal point's submissions of their countries waiting for their national approval (issue
 * 17 §6), with a link to their review queue (filtered to their country when they have one);
 * empty for everyone else.
 */
function awaitingNationalApproval(db: Db, actor: Actor): MyWork['awaitingNationalApproval'] {
	const href = actor.countries.length === 1 ? `/review?country=${actor.countries[0]}` : '/review';
	if (reviewQueueStage(actor) !== 'national' || actor.countries.length === 0)
		return { count: 0, items: [], href };
	const actions = actionSection(
		db,
		and(
			inArray(action.countryIso3, actor.countries),
			eq(action.reviewState, 'submitted'),
			actionWaits()
		),
		asc(action.updatedAt)
	);
	const values = observationGroups(
		db,
		and(
			inArray(observation.countryIso3, actor.countries),
			eq(observation.reviewState, 'submitted'),
			observationWaits()
		)
	);
	return { ...merged(actions, values), href };
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
			awaitingNationalApproval: { ...empty, href: '/review' },
			overdue: empty,
			dueSoon: empty,
			staleIndicators: { ...empty, withValues: 0 },
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
		asc(action.updatedAt),
		{ stage: true }
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
			observationGroups(db, and(oscope, eq(observation.reviewState, 'submitted')), {
				stage: true
			})
		),
		awaitingNationalApproval: awaitingNationalApproval(db, who),
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
