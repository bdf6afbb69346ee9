// Progress, server side: loads observations (working or validated data, as the reader may see
// them) and calls the pure methods of $lib/progress (DESIGN §6); also the summaries pages draw:
// chart series, corridor ranking, off-track/stale lists, the member-state × article matrix
// and the actions-by-status history behind "progress over time".
import { and, eq } from 'drizzle-orm';
import type { Db } from './db';
import {
	ACTION_STATUSES,
	article,
	country as countryTable,
	framework,
	indicator,
	indicatorArticle,
	type ActionStatus
} from './db/schema';
import { canReadDrafts, type Actor } from './authz';
import { visibleActions, type VisibleAction } from './visibility';
import { cacheKey, indicatorVersion, readerKey, remember } from './cache';
import { unauthorized } from './errors';
import { countryName } from './countries';
import { FRAMEWORK_SLUG } from './seed';
import { compareCodes, indicatorByCode, progressInput, type IndicatorRow } from './indicators';
import {
	annualSeries,
	comparePeriods,
	computeProgress,
	periodToYear,
	METHODS,
	type CeilingResult,
	type Disaggregation,
	type Method,
	type ObservationInput,
	type ProgressComponents,
	type SeriesKind,
	type Status,
	type AnnualPoint
} from '$lib/progress';

export interface ProgressReadOptions {
	/** Shared pages, embeds, reports: validated data only (in its validated version). */
	validatedOnly?: boolean;
	locale?: 'en' | 'es' | 'fr';
	/** Read as of this year: later observations are ignored (see ProgressOptions.currentYear). */
	asOfYear?: number;
}

/** The verdict as data (DESIGN §6), with the explanation pages show. */
export interface Verdict {
	indicator: string;
	/** ISO3, or null for the region (RCM-wide). */
	country: string | null;
	method: Method;
	status: Status;
	series: SeriesKind | null;
	components: ProgressComponents;
	ceiling: CeilingResult | null;
	/** Why there is no verdict (insufficient_data, not_computable); else null. */
	reason: string | null;
	/** The formulas with the numbers substituted (plain English). */
	formula: string[];
	/** The annual series the verdict was computed on. */
	points: AnnualPoint[];
	unit: string;
}

export interface SeriesObservation extends ObservationInput {
	status: 'provisional' | 'final';
	disaggKey: string;
}

type Scope = string; // iso3, or '' for the region

const scopeCountry = (scope: Scope): string | null => (scope === '' ? null : scope);

interface RawRow {
	scope_key: string;
	period: string;
	disagg_key: string;
	disaggregation: string;
	value: number;
	status: 'provisional' | 'final';
	review_state: string;
	validated: string | null;
}

/**
 * Loads an indicator's observations per scope, as the reader sees them: the working values
 * where they may read drafts of that country (and not validatedOnly), else the last validated
 * values (values never validated are left out).
 */
export function loadSeries(
	db: Db,
	actor: Actor | null,
	indicatorId: number,
	opts: ProgressReadOptions & { scopes?: Scope[] } = {}
): Map<Scope, SeriesObservation[]> {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const client = db.$client;
	let rows: RawRow[];
	const columns =
		'scope_key, period, disagg_key, disaggregation, value, status, review_state, validated';
	if (opts.scopes) {
		if (opts.scopes.length === 0) return new Map();
		const marks = opts.scopes.map(() => '?').join(',');
		rows = client
			.prepare(
				`select ${columns} from observation where indicator_id = ? and scope_key in (${marks}) order by period_sort`
			)
			.all(indicatorId, ...opts.scopes) as RawRow[];
	} else {
		rows = client
			.prepare(`select ${columns} from observation where indicator_id = ? order by period_sort`)
			.all(indicatorId) as RawRow[];
	}
	const readable = new Map<Scope, boolean>();
	const disaggs = new Map<string, Disaggregation>();
	const out = new Map<Scope, SeriesObservation[]>();
	for (const r of rows) {
		let working = readable.get(r.scope_key);
		if (working === undefined) {
			working = !opts.validatedOnly && canReadDrafts(actor, scopeCountry(r.scope_key));
			readable.set(r.scope_key, working);
		}
		let value = r.value;
		let status = r.status;
		if (!working) {
			if (r.validated) {
				const snap = JSON.parse(r.validated) as { value?: unknown; status?: unknown };
				if (typeof snap.value !== 'number') continue;
				value = snap.value;
				status = snap.status === 'provisional' ? 'provisional' : 'final';
			} else if (r.review_state !== 'validated') continue;
		}
		let disaggregation = disaggs.get(r.disagg_key);
		if (!disaggregation) {
			disaggregation = JSON.parse(r.disaggregation) as Disaggregation;
			disaggs.set(r.disagg_key, disaggregation);
		}
		const list = out.get(r.scope_key);
		const o: SeriesObservation = {
			period: r.period,
			value,
			status,
			disaggregation,
			disaggKey: r.disagg_key
		};
		if (list) list.push(o);
		else out.set(r.scope_key, [o]);
	}
	return out;
}

function toVerdict(
	ind: IndicatorRow,
	scope: Scope,
	obs: ObservationInput[],
	method: Method,
	opts: ProgressReadOptions
): Verdict {
	const r = computeProgress(progressInput(ind), obs, method, {
		currentYear: opts.asOfYear
	});
	return {
		indicator: ind.code,
		country: scopeCountry(scope),
		method,
		status: r.status,
		series: r.series,
		components: r.components,
		ceiling: r.ceiling,
		reason: r.reason,
		formula: r.formula,
		points: r.points,
		unit: ind.unit
	};
}

function normaliseScope(country: string | null | undefined): Scope {
	if (!country || country.toUpperCase() === 'REGION') return '';
	return country.toUpperCase();
}

/**
 * The verdict of one indicator for one country (null/'REGION' = regional) with one method:
 * `GET /indicators/{code}/progress?country=&method=`.
 */
export function countryVerdict(
	db: Db,
	actor: Actor | null,
	code: string,
	country: string | null,
	method: Method = 'cagr-ratio',
	opts: ProgressReadOptions = {}
): Verdict {
	const ind = indicatorByCode(db, code);
	const scope = normaliseScope(country);
	const obs = loadSeries(db, actor, ind.id, { ...opts, scopes: [scope] }).get(scope) ?? [];
	return toVerdict(ind, scope, obs, method, opts);
}

/** Verdicts of one indicator for every country (and the region) with data, or the given ones. */
export function indicatorVerdicts(
	db: Db,
	actor: Actor | null,
	code: string,
	method: Method = 'cagr-ratio',
	opts: ProgressReadOptions & { countries?: (string | null)[] } = {}
): Verdict[] {
	const ind = indicatorByCode(db, code);
	const scopes = opts.countries?.map(normaliseScope) ?? null;
	return [...scopeVerdicts(db, actor, ind, scopes, method, opts).entries()]
		.sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0))
		.map(([, verdict]) => verdict);
}

/** Scopes the overview and article summaries look at: the member states and the region. */
export function memberScopes(db: Db): Scope[] {
	const members = db
		.select({ iso3: countryTable.iso3 })
		.from(countryTable)
		.where(eq(countryTable.member, true))
		.all()
		.map((r) => r.iso3)
		.sort();
	return ['', ...members];
}

// ---------------------------------------------------------------------------------------------
// Chart data

export interface ChartPoint {
	period: string;
	value: number;
	status: 'provisional' | 'final';
}

export interface ChartSeries {
	/** Stable key: iso3 (country view), or the disaggregation key ('' = headline). */
	key: string;
	label: string;
	points: ChartPoint[];
	/** 'headline' | 'disaggregate' | 'mean_of_disaggregates' (annual means). */
	kind: 'headline' | 'disaggregate' | 'mean_of_disaggregates';
}

export interface IndicatorChartData {
	/** The country shown (null = the overview across countries). */
	country: string | null;
	series: ChartSeries[];
	/** For the overview across countries: which countries' series are means of disaggregates. */
	meanOfDisaggregates: string[];
}

/** A disaggregation as a short label: `USA>MEX`, `female · migrant`. */
export function disaggregationLabel(d: Disaggregation): string {
	const keys = Object.keys(d).sort();
	if (keys.length === 0) return '';
	if (keys.length === 1 && keys[0] === 'corridor') return d.corridor;
	return keys.map((k) => d[k]).join(' · ');
}

/**
 * The series to draw. With a country: its headline (if any) and one series per disaggregate
 * (e.g. per corridor). Without: one series per country (member states and the region by
 * default): the headline values, or the annual mean of the disaggregates where there is no
 * headline.
 */
export function indicatorChartData(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ProgressReadOptions & { country?: string | null; countries?: (string | null)[] } = {}
): IndicatorChartData {
	const ind = indicatorByCode(db, code);
	const locale = opts.locale ?? 'en';
	if (opts.country !== undefined && opts.country !== null) {
		const scope = normaliseScope(opts.country);
		const obs = loadSeries(db, actor, ind.id, { ...opts, scopes: [scope] }).get(scope) ?? [];
		const groups = new Map<string, SeriesObservation[]>();
		for (const o of obs) {
			const g = groups.get(o.disaggKey);
			if (g) g.push(o);
			else groups.set(o.disaggKey, [o]);
		}
		const series = [...groups.entries()]
			.sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
			.map(([key, list]): ChartSeries => ({
				key,
				label: key === '' ? '' : disaggregationLabel(list[0].disaggregation),
				kind: key === '' ? 'headline' : 'disaggregate',
				points: list
					.sort((a, b) => comparePeriods(a.period, b.period))
					.map((o) => ({ period: o.period, value: o.value, status: o.status }))
			}));
		return { country: scope === '' ? null : scope, series, meanOfDisaggregates: [] };
	}
	const scopes = (opts.countries ?? null)?.map(normaliseScope) ?? memberScopes(db);
	const bySeries = loadSeries(db, actor, ind.id, { ...opts, scopes });
	const series: ChartSeries[] = [];
	const mean: string[] = [];
	for (const scope of scopes) {
		const obs = bySeries.get(scope);
		if (!obs || obs.length === 0) continue;
		const headline = obs.filter((o) => o.disaggKey === '');
		const label = scope === '' ? '' : countryName(scope, locale);
		if (headline.length > 0) {
			series.push({
				key: scope,
				label,
				kind: 'headline',
				points: headline
					.sort((a, b) => comparePeriods(a.period, b.period))
					.map((o) => ({ period: o.period, value: o.value, status: o.status }))
			});
		} else {
			const annual = annualSeries(obs);
			mean.push(scope);
			series.push({
				key: scope,
				label,
				kind: 'mean_of_disaggregates',
				points: annual.points.map((p) => ({
					period: String(p.year),
					value: p.value,
					status: obs.some((o) => o.status === 'provisional' && o.period.startsWith(String(p.year)))
						? 'provisional'
						: 'final'
				}))
			});
		}
	}
	return { country: null, series, meanOfDisaggregates: mean };
}

export interface RankingItem {
	country: string | null;
	countryName: string | null;
	disaggregation: Disaggregation;
	label: string;
	period: string;
	value: number;
	status: 'provisional' | 'final';
	/** Past the ceiling (above it when lower is better). */
	aboveCeiling: boolean;
}

/**
 * Each disaggregate's latest value (e.g. each corridor's latest cost), worst first, flagged
 * when past the indicator's ceiling. Limited to one country when given.
 */
export function disaggregateRanking(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ProgressReadOptions & { country?: string | null } = {}
): RankingItem[] {
	const ind = indicatorByCode(db, code);
	const scopes = opts.country ? [normaliseScope(opts.country)] : undefined;
	const series = loadSeries(db, actor, ind.id, { ...opts, scopes });
	const decrease = ind.direction === 'decrease';
	const items: RankingItem[] = [];
	for (const [scope, obs] of series) {
		const latest = new Map<string, SeriesObservation>();
		for (const o of obs) {
			if (o.disaggKey === '') continue;
			if (opts.asOfYear !== undefined && periodToYear(o.period) > opts.asOfYear) continue;
			const cur = latest.get(o.disaggKey);
			if (!cur || comparePeriods(o.period, cur.period) > 0) latest.set(o.disaggKey, o);
		}
		for (const o of latest.values()) {
			items.push({
				country: scopeCountry(scope),
				countryName: scope ? countryName(scope, opts.locale ?? 'en') : null,
				disaggregation: o.disaggregation,
				label: disaggregationLabel(o.disaggregation),
				period: o.period,
				value: o.value,
				status: o.status,
				aboveCeiling:
					ind.ceiling !== null && (decrease ? o.value > ind.ceiling : o.value < ind.ceiling)
			});
		}
	}
	return items.sort(
		(a, b) => (decrease ? b.value - a.value : a.value - b.value) || a.label.localeCompare(b.label)
	);
}

// ---------------------------------------------------------------------------------------------
// Summaries for the overview, article and country pages

export const OFF_TRACK: ReadonlySet<Status> = new Set([
	'deterioration',
	'limited_progress',
	'stagnation_or_regression'
]);

/** No value for two years: the latest year with data is at least two years before this year. */
export function isStale(latestYear: number | null, currentYear = new Date().getUTCFullYear()) {
	return latestYear !== null && latestYear <= currentYear - 2;
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
	/** The whole verdict (with `full: true`), for a badge that opens to its explanation. */
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
		...(full ? { verdict: v } : {}),
		country: v.country,
		countryName: v.country ? countryName(v.country, locale) : null,
		status: v.status,
		series: v.series,
		latestYear,
		latestValue: v.points.length ? v.points[v.points.length - 1].value : null,
		stale: isStale(latestYear, currentYear),
		offTrack: OFF_TRACK.has(v.status)
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

// The verdicts of an indicator, computed from every one of its observations, are kept in the
// one cache ($lib/server/cache) under the indicator's own version (its observation revision,
// moved by triggers on any write of its observations, and its row version): a write to another
// indicator, an action or an update leaves them as they are, so summary pages that draw every
// indicator (overview, articles) recompute only what changed.

/** The verdicts of `scopes` (null: every scope with data) that have data. */
function scopeVerdicts(
	db: Db,
	actor: Actor | null,
	ind: IndicatorRow,
	scopes: Scope[] | null,
	method: Method,
	opts: ProgressReadOptions
): Map<Scope, Verdict> {
	const key = cacheKey(db, {
		kind: 'verdicts',
		version: indicatorVersion(db, ind.id, ind.version),
		reader: opts.validatedOnly ? 'validated' : readerKey(actor),
		parts: [method, opts.asOfYear ?? '', scopes ? scopes.join(',') : '*']
	});
	return remember(key, () => {
		const series = loadSeries(db, actor, ind.id, { ...opts, scopes: scopes ?? undefined });
		const out = new Map<Scope, Verdict>();
		for (const s of scopes ?? series.keys()) {
			const obs = series.get(s);
			if (obs) out.set(s, toVerdict(ind, s, obs, method, opts));
		}
		return out;
	});
}

function groupFor(
	db: Db,
	actor: Actor | null,
	ind: IndicatorRow,
	name: string,
	scopes: Scope[],
	method: Method,
	opts: ProgressReadOptions & { full?: boolean },
	currentYear: number
): IndicatorVerdictGroup {
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
	method: Method = 'cagr-ratio',
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

export interface IndicatorAlert extends VerdictSummary {
	code: string;
	name: string;
	unit: string;
}

/**
 * The overview's list: indicator × member state (or region) pairs that are off track
 * (deterioration, limited progress, stagnation or regression) or stale (no value for 2 years).
 */
export function indicatorAlerts(
	db: Db,
	actor: Actor | null,
	method: Method = 'cagr-ratio',
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
			if (v.offTrack || v.stale) out.push({ ...v, code: ind.code, name: g.name, unit: ind.unit });
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
	method: Method = 'cagr-ratio',
	opts: ProgressReadOptions & { full?: boolean } = {}
): CountryIndicatorSummary[] {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const scope = normaliseScope(iso3);
	const names = indicatorNames(db, opts.locale ?? 'en');
	const year = opts.asOfYear ?? new Date().getUTCFullYear();
	const out: CountryIndicatorSummary[] = [];
	const inds = db
		.select()
		.from(indicator)
		.all()
		.sort((a, b) => compareCodes(a.code, b.code));
	for (const ind of inds) {
		const obs = loadSeries(db, actor, ind.id, { ...opts, scopes: [scope] }).get(scope);
		if (!obs || obs.length === 0) continue;
		const v = toVerdict(ind, scope, obs, method, opts);
		const latest = obs.reduce((a, b) => (comparePeriods(a.period, b.period) >= 0 ? a : b));
		out.push({
			...summarise(v, opts.locale ?? 'en', year, opts.full),
			code: ind.code,
			name: names.get(ind.id) ?? ind.name,
			unit: ind.unit,
			latestPeriod: latest.period,
			disaggregates: new Set(obs.map((o) => o.disaggKey).filter((k) => k !== '')).size
		});
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Actions: the member-state × article matrix and "progress over time"

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
	/** Rows: the member states (by name) and the region (iso3 null) last. */
	rows: { iso3: string | null; name: string | null; cells: Record<number, MatrixCell> }[];
	articles: number[];
}

function emptyCell(): MatrixCell {
	return {
		total: 0,
		completed: 0,
		share: null,
		byStatus: Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>
	};
}

/** Actions per member state (and the region) × article: counts by status and share completed. */
export function memberArticleMatrix(
	db: Db,
	actor: Actor | null,
	opts: ProgressReadOptions = {}
): ArticleMatrix {
	const actions = readableActions(db, actor, opts);
	const articles = db
		.select({ n: article.number })
		.from(article)
		.innerJoin(framework, eq(framework.id, article.frameworkId))
		.where(eq(framework.slug, FRAMEWORK_SLUG))
		.all()
		.map((r) => r.n)
		.sort((a, b) => a - b);
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
		cells.set(r.iso3 ?? '', Object.fromEntries(articles.map((n) => [n, emptyCell()])));
	}
	for (const a of actions) {
		const row = cells.get(a.country ?? '');
		if (!row) continue; // a non-member country's action
		for (const n of a.articles) {
			const cell = row[n];
			if (!cell) continue;
			cell.total++;
			cell.byStatus[a.status]++;
			if (a.status === 'completed') cell.completed++;
		}
	}
	for (const row of cells.values()) {
		for (const cell of Object.values(row)) {
			cell.share = cell.total ? cell.completed / cell.total : null;
		}
	}
	return {
		articles,
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

export { METHODS };
