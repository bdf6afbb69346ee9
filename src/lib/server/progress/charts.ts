// Progress, server side — what charts and rankings draw: an indicator's series per country or
// per disaggregate, and each disaggregate's latest value ranked worst first against the ceiling
// (member states only unless every country is asked for).
import type { Db } from '../db';
import type { Actor } from '../auth/authz';
import { countryName, type NameLocale } from '../declaration/countries';
import { disaggregationValues } from '$lib/i18n/dimensions';
import { indicatorByCode } from '../indicators/catalogue';
import { annualSeries, comparePeriods, periodToYear, type Disaggregation } from '$lib/progress';
import {
	loadSeries,
	memberScopes,
	normaliseScope,
	scopeCountry,
	type ProgressReadOptions,
	type SeriesObservation
} from './series';

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

/** A disaggregation as a short label in the language: `USA>MEX`, `Mujeres · Migrantes`. */
export function disaggregationLabel(d: Disaggregation, locale: NameLocale = 'en'): string {
	return disaggregationValues(d, locale);
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
				label: key === '' ? '' : disaggregationLabel(list[0].disaggregation, locale),
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
 * when past the indicator's ceiling; only disaggregates of the ceiling key when the indicator
 * names one. Limited to one country when given, else to the member states and the region
 * (`allCountries: true`: every country with data).
 */
export function disaggregateRanking(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ProgressReadOptions & { country?: string | null; allCountries?: boolean } = {}
): RankingItem[] {
	const ind = indicatorByCode(db, code);
	const scopes = opts.country
		? [normaliseScope(opts.country)]
		: opts.allCountries
			? undefined
			: memberScopes(db);
	const key = ind.ceilingKey;
	const series = loadSeries(db, actor, ind.id, { ...opts, scopes });
	const decrease = ind.direction === 'decrease';
	const items: RankingItem[] = [];
	for (const [scope, obs] of series) {
		const latest = new Map<string, SeriesObservation>();
		for (const o of obs) {
			if (o.disaggKey === '') continue;
			if (key && !(key in o.disaggregation)) continue;
			if (opts.asOfYear !== undefined && periodToYear(o.period) > opts.asOfYear) continue;
			const cur = latest.get(o.disaggKey);
			if (!cur || comparePeriods(o.period, cur.period) > 0) latest.set(o.disaggKey, o);
		}
		for (const o of latest.values()) {
			items.push({
				country: scopeCountry(scope),
				countryName: scope ? countryName(scope, opts.locale ?? 'en') : null,
				disaggregation: o.disaggregation,
				label: disaggregationLabel(o.disaggregation, opts.locale ?? 'en'),
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

/**
 * The series drawn for one country when there are more than `max`: the headline, then the
 * disaggregates furthest from the target (the highest latest values of an indicator that should
 * fall, so corridors past a ceiling always show; the lowest of one that should rise).
 */
export function drawnSeries<S extends { kind: string; points: { value: number }[] }>(
	series: S[],
	direction: 'increase' | 'decrease',
	max: number
): S[] {
	if (series.length <= max) return series;
	const latest = (s: S) => s.points[s.points.length - 1]?.value ?? 0;
	const sign = direction === 'decrease' ? -1 : 1;
	const headline = series.filter((s) => s.kind === 'headline');
	const rest = series
		.filter((s) => s.kind !== 'headline')
		.sort((a, b) => sign * (latest(a) - latest(b)))
		.slice(0, max - headline.length);
	return [...headline, ...rest];
}

/** Periods a summary chart draws, the latest (15 years of quarters): the page stays light. */
export const CHART_PERIODS = 60;

/** A window of a chart's periods: page 1 the latest `n`, page 2 the `n` before them, and so on. */
export interface PeriodWindow {
	series: ChartSeries[];
	/** The series' periods in all, those drawn, and the first and last drawn (null: all are). */
	periods: number;
	shownPeriods: number;
	shownFrom: string | null;
	shownTo: string | null;
	page: number;
	pages: number;
}

/** The series over one window of `n` periods (of all the series), the latest first. */
export function latestPeriods(series: ChartSeries[], n: number, askedPage = 1): PeriodWindow {
	const all = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort(
		comparePeriods
	);
	if (all.length <= n)
		return {
			series,
			periods: all.length,
			shownPeriods: all.length,
			shownFrom: null,
			shownTo: null,
			page: 1,
			pages: 1
		};
	const pages = Math.ceil(all.length / n);
	const page = Math.min(Math.max(1, Math.floor(askedPage) || 1), pages);
	const shown = all.slice(Math.max(0, all.length - n * page), all.length - n * (page - 1));
	const kept = new Set(shown);
	return {
		series: series
			.map((s) => ({ ...s, points: s.points.filter((p) => kept.has(p.period)) }))
			.filter((s) => s.points.length > 0),
		periods: all.length,
		shownPeriods: shown.length,
		shownFrom: shown[0],
		shownTo: shown[shown.length - 1],
		page,
		pages
	};
}
