// Progress, server side — summaries the overview, article and country pages draw: verdicts per
// indicator for the member states and the region, the off-track / stale alert list (with each
// verdict's flags and ceiling), and every indicator's latest value and verdict for one country.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { article, framework, indicator, indicatorArticle } from '../db/schema';
import { readerKey, type Actor } from '../auth/authz';
import { cacheKey, indicatorVersion, remember } from '../cache';
import { unauthorized } from '../http/errors';
import { countryName } from '../declaration/countries';
import { FRAMEWORK_SLUG } from '../seed/seed';
import { compareCodes, type IndicatorRow } from '../indicators/catalogue';
import {
	comparePeriods,
	STALE_AFTER_YEARS,
	type Method,
	type SeriesKind,
	type Status
} from '$lib/progress';
import {
	knownScope,
	loadSeries,
	memberScopes,
	type ProgressReadOptions,
	type Scope
} from './series';
import { methodFor, scopeVerdicts, toVerdict, type Verdict } from './verdicts';
import { ceilingWords, flagWords } from '$lib/charts/verdict-words';

/** The statuses the overview lists as off track (any method). */
export const OFF_TRACK: ReadonlySet<Status> = new Set<Status>([
	'deterioration',
	'limited_progress',
	'stagnation_or_regression',
	'regressing',
	'stagnating',
	'decreasing',
	'insufficient_progress',
	'movement_away',
	'moderate_movement_away',
	'significant_movement_away',
	'target_missed',
	'not_met'
]);

/** No value for two years: the latest year with data is at least two years before this year. */
export function isStale(latestYear: number | null, currentYear = new Date().getUTCFullYear()) {
	return latestYear !== null && latestYear <= currentYear - STALE_AFTER_YEARS;
}

export interface VerdictSummary {
	country: string | null;
	countryName: string | null;
	status: Status;
	series: SeriesKind | null;
	latestYear: number | null;
	latestValue: number | null;
	stale: boolean;
	offTrack: boolean;
	/** The ceiling part in words, shown beside the status; null without a ceiling. */
	ceilingText: string | null;
	ceilingStatus: 'clear' | 'breached' | null;
	/** Each flag in words. */
	flagTexts: string[];
	/** The verdict in one sentence. */
	explanation: string;
	/** The verdict (with `full: true`) without its annual points, for a badge that opens to its explanation. */
	verdict?: Verdict;
}

function summarise(
	v: Verdict,
	locale: 'en' | 'es' | 'fr',
	currentYear: number,
	full = false
): VerdictSummary {
	const latestYear = v.points.length ? v.points[v.points.length - 1].year : null;
	return {
		// The badge shows the components, formula and flags; the annual series itself is the
		// chart's (carrying it here made Mexico's country page 1.7 MB of data at factor 10).
		...(full ? { verdict: { ...v, points: [] } } : {}),
		country: v.country,
		countryName: v.country ? countryName(v.country, locale) : null,
		status: v.status,
		series: v.series,
		latestYear,
		latestValue: v.points.length ? v.points[v.points.length - 1].value : null,
		stale: isStale(latestYear, currentYear),
		offTrack: OFF_TRACK.has(v.status),
		ceilingText: ceilingWords(v, locale),
		ceilingStatus: v.ceiling?.status ?? null,
		flagTexts: v.flags.map((f) => flagWords(f, v.unit, locale)),
		explanation: v.explanation
	};
}

export interface IndicatorVerdictGroup {
	code: string;
	name: string;
	unit: string;
	direction: 'increase' | 'decrease';
	method: Method;
	verdicts: VerdictSummary[];
	byStatus: Partial<Record<Status, number>>;
}

function indicatorNames(db: Db, locale: 'en' | 'es' | 'fr') {
	const rows = db.$client
		.prepare(
			`select i.id, i.code, i.name, t.name as tr from indicator i left join indicator_translation t on t.indicator_id = i.id and t.locale = ?`
		)
		.all(locale) as { id: number; code: string; name: string; tr: string | null }[];
	return new Map(rows.map((r) => [r.id, (locale !== 'en' && r.tr) || r.name]));
}

function groupFor(
	db: Db,
	actor: Actor | null,
	ind: IndicatorRow,
	name: string,
	scopes: Scope[],
	requested: Method | null | undefined,
	opts: ProgressReadOptions & { full?: boolean },
	currentYear: number
): IndicatorVerdictGroup {
	const method = methodFor(db, ind, requested);
	const computed = scopeVerdicts(db, actor, ind, scopes, method, opts);
	const verdicts = scopes
		.filter((s) => computed.has(s))
		.map((s) => summarise(computed.get(s)!, opts.locale ?? 'en', currentYear, opts.full));
	const byStatus: Partial<Record<Status, number>> = {};
	for (const v of verdicts) byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
	return {
		code: ind.code,
		name,
		unit: ind.unit,
		direction: ind.direction,
		method,
		verdicts,
		byStatus
	};
}

/**
 * The verdicts of an article's indicators for the member states and the region (with
 * `full: true`, each summary carries its whole verdict).
 */
export function articleIndicatorVerdicts(
	db: Db,
	actor: Actor | null,
	articleNumber: number,
	method: Method | null = null,
	opts: ProgressReadOptions & { full?: boolean } = {}
): IndicatorVerdictGroup[] {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const rows = db
		.select({ ind: indicator })
		.from(indicatorArticle)
		.innerJoin(indicator, eq(indicator.id, indicatorArticle.indicatorId))
		.innerJoin(article, eq(article.id, indicatorArticle.articleId))
		.innerJoin(framework, eq(framework.id, article.frameworkId))
		.where(and(eq(framework.slug, FRAMEWORK_SLUG), eq(article.number, articleNumber)))
		.all()
		.map((r) => r.ind)
		.sort((a, b) => compareCodes(a.code, b.code));
	const names = indicatorNames(db, opts.locale ?? 'en');
	const scopes = memberScopes(db);
	const year = opts.asOfYear ?? new Date().getUTCFullYear();
	return rows.map((ind) =>
		groupFor(db, actor, ind, names.get(ind.id) ?? ind.name, scopes, method, opts, year)
	);
}

/**
 * The verdicts of the given indicators (in code order) for the given scopes (default: the
 * member states and the region), each with its default method (open data, issue 16 §3).
 */
export function indicatorVerdictGroups(
	db: Db,
	actor: Actor | null,
	codes: string[],
	opts: ProgressReadOptions & { scopes?: Scope[] } = {}
): IndicatorVerdictGroup[] {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	if (codes.length === 0) return [];
	const rows = db
		.select()
		.from(indicator)
		.where(inArray(indicator.code, codes))
		.all()
		.sort((a, b) => compareCodes(a.code, b.code));
	const names = indicatorNames(db, opts.locale ?? 'en');
	const scopes = opts.scopes ?? memberScopes(db);
	const year = opts.asOfYear ?? new Date().getUTCFullYear();
	return rows.map((ind) =>
		groupFor(db, actor, ind, names.get(ind.id) ?? ind.name, scopes, null, opts, year)
	);
}

export interface IndicatorAlert extends VerdictSummary {
	code: string;
	name: string;
	unit: string;
}

/**
 * The overview's list: indicator × member state (or region) pairs that are off track (see
 * OFF_TRACK), past their ceiling, or stale (no value for 2 years).
 */
export function indicatorAlerts(
	db: Db,
	actor: Actor | null,
	method: Method | null = null,
	opts: ProgressReadOptions = {}
): IndicatorAlert[] {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const scopes = memberScopes(db);
	const names = indicatorNames(db, opts.locale ?? 'en');
	const year = opts.asOfYear ?? new Date().getUTCFullYear();
	const out: IndicatorAlert[] = [];
	const inds = db
		.select()
		.from(indicator)
		.all()
		.sort((a, b) => compareCodes(a.code, b.code));
	for (const ind of inds) {
		const g = groupFor(db, actor, ind, names.get(ind.id) ?? ind.name, scopes, method, opts, year);
		for (const v of g.verdicts) {
			if (v.offTrack || v.stale || v.ceilingStatus === 'breached')
				out.push({ ...v, code: ind.code, name: g.name, unit: ind.unit });
		}
	}
	return out;
}

/**
 * The start of the alert list for a summary page: the first `n`, off-track ones before those
 * that are only stale (each group in indicator order), and how many there are in all.
 */
export function alertsPreview(
	alerts: IndicatorAlert[],
	n = 12
): { items: IndicatorAlert[]; total: number } {
	const ordered = [...alerts.filter((a) => a.offTrack), ...alerts.filter((a) => !a.offTrack)];
	return { items: ordered.slice(0, n), total: alerts.length };
}

export interface CountryIndicatorSummary extends VerdictSummary {
	code: string;
	name: string;
	unit: string;
	latestPeriod: string | null;
	disaggregates: number;
}

/** Every indicator with data for a country: latest value and verdict. */
export function countryIndicatorSummaries(
	db: Db,
	actor: Actor | null,
	iso3: string,
	method: Method | null = null,
	opts: ProgressReadOptions & { full?: boolean } = {}
): CountryIndicatorSummary[] {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const scope = knownScope(db, iso3);
	const names = indicatorNames(db, opts.locale ?? 'en');
	const year = opts.asOfYear ?? new Date().getUTCFullYear();
	const out: CountryIndicatorSummary[] = [];
	const inds = db
		.select()
		.from(indicator)
		.all()
		.sort((a, b) => compareCodes(a.code, b.code));
	for (const ind of inds) {
		const used = methodFor(db, ind, method);
		// Kept per version of the indicator's values and definition (cache/index.ts): a write of
		// an action or of another indicator leaves it as it is.
		const key = cacheKey(db, {
			kind: 'country-indicator',
			version: indicatorVersion(db, ind.id, ind.version),
			reader: opts.validatedOnly ? 'validated' : readerKey(actor),
			parts: [scope, used, opts.locale ?? 'en', opts.asOfYear ?? '', year, opts.full ? 1 : 0]
		});
		const summary = remember(key, () => {
			const obs = loadSeries(db, actor, ind.id, { ...opts, scopes: [scope] }).get(scope);
			if (!obs || obs.length === 0) return null;
			const v = toVerdict(ind, scope, obs, used, opts);
			const latest = obs.reduce((a, b) => (comparePeriods(a.period, b.period) >= 0 ? a : b));
			return {
				...summarise(v, opts.locale ?? 'en', year, opts.full),
				latestPeriod: latest.period,
				disaggregates: new Set(obs.map((o) => o.disaggKey).filter((k) => k !== '')).size
			};
		});
		if (!summary) continue;
		out.push({
			...summary,
			code: ind.code,
			name: names.get(ind.id) ?? ind.name,
			unit: ind.unit
		});
	}
	return out;
}
