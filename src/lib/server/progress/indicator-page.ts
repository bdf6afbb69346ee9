// The indicator page, assembled (the page's route only reads its address): the scope choices
// (members, the region, non-members with values), the verdicts of the members or of one scope,
// the chart series (at most MAX_SERIES for one country: the headline, then the disaggregates
// furthest from the target), the ranking of disaggregates, the values and the history asked for, and
// what the reader may do there (from authz).
import type { Db } from '$lib/server/db';
import { observationGroupTarget, threadFor } from '$lib/server/desk/comments';
import {
	canEdit,
	canImport,
	canManageIndicators,
	canSubmit,
	canValidate,
	canValidateNationally,
	type Actor
} from '$lib/server/auth/authz';
import { awaitsNationalApproval } from '$lib/server/review/national';
import { getIndicator } from '$lib/server/indicators/catalogue';
import { countryName, listCountries } from '$lib/server/declaration/countries';
import { listObservations, observationHistory } from '$lib/server/observations';
import { isAppError } from '$lib/server/http/errors';
import { verdictsRegionMap } from '$lib/server/maps/entries';
import { compareRegions, isRegionCode, RCM_REGIONS } from '$lib/server/declaration/regions';
import type { Method } from '$lib/progress';
import type { Locale } from '$lib/domain';
import {
	allMethodVerdicts,
	countryVerdict,
	indicatorVerdicts,
	siteDefaultMethod
} from './verdicts';
import {
	CHART_PERIODS,
	disaggregateRanking,
	drawnSeries,
	indicatorChartData,
	latestPeriods
} from './charts';
import { memberScopes, ownAndRegional } from './series';

/**
 * A verdict as the page shows it: its latest annual point only (the badge shows components,
 * formula and flags; the series is the chart's). The API answers the whole verdict.
 */
const latestOnly = <V extends { points: unknown[] }>(v: V): V => ({
	...v,
	points: v.points.slice(-1)
});

/** Most series drawn at once for one country; the rest are in the table and the CSV. */
export const MAX_SERIES = 10;

export interface IndicatorPageQuery {
	/** The method asked for (null: the indicator's default, then the site's). */
	method: Method | null;
	/** The scope asked for, as typed (an ISO3 code, REGION, or anything else = all members). */
	country: string;
	allCorridors: boolean;
	/** ?history= as typed: the value whose history the page shows without JavaScript. */
	history: string | null;
	/** ?periods= as typed: the window of the country's chart (1: the latest periods). */
	periodsPage?: number;
	locale: Locale;
	/** The address of the page for one country (the map links to it). */
	countryHref: (iso3: string) => string;
}

export function indicatorPage(db: Db, actor: Actor | null, code: string, q: IndicatorPageQuery) {
	const { locale, allCorridors } = q;
	const indicator = getIndicator(db, actor, code, { locale });
	const defaultMethod = indicator.defaultMethod ?? siteDefaultMethod(db);
	const method = q.method ?? defaultMethod;
	const verdicts = indicatorVerdicts(db, actor, indicator.code, method, { locale });
	const options = scopeOptions(db, verdicts, locale);
	const raw = q.country.trim().toUpperCase();
	const selected =
		(raw === 'REGION' || /^[A-Z]{3}$/.test(raw) || isRegionCode(raw)) &&
		options.some((o) => o.value === raw)
			? raw
			: null;
	const scope = selected === 'REGION' ? null : selected;
	const base = {
		indicator: { ...indicator, actions: ownAndRegional(indicator.actions, selected) },
		method,
		defaultMethod,
		allCorridors,
		locale,
		options,
		selected,
		selectedName:
			selected === null ? null : selected === 'REGION' ? '' : countryName(selected, locale),
		map: verdictsRegionMap(db, verdicts, locale, q.countryHref),
		can: {
			manage: canManageIndicators(actor),
			import: canImport(actor),
			edit: selected !== null && canEdit(actor, scope),
			submit: selected !== null && canSubmit(actor, scope),
			validate: canValidate(actor),
			// Issue 17 §6: a focal point validates or returns, one by one, what waits for them.
			national: selected !== null && canValidateNationally(actor, scope)
		},
		target:
			indicator.targetValue !== null
				? { value: indicator.targetValue, year: indicator.targetYear ?? 2030 }
				: null
	};

	if (selected === null) {
		const scopes = memberScopes(db);
		const chart = indicatorChartData(db, actor, indicator.code, { locale });
		return {
			...base,
			overview: {
				verdicts: verdicts
					.filter((v) => scopes.includes(v.country ?? ''))
					.map((v) => ({
						...latestOnly(v),
						name: v.country ? countryName(v.country, locale) : ''
					}))
					.sort((a, b) =>
						a.country === null ? 1 : b.country === null ? -1 : a.name.localeCompare(b.name, locale)
					),
				// Series of M49 regions (issue 15 §5): each its own, never mixed with the members.
				regions: verdicts
					.filter((v) => v.country !== null && isRegionCode(v.country))
					.map((v) => ({
						...latestOnly(v),
						name: countryName(v.country!, locale),
						rcm: RCM_REGIONS.includes(v.country!)
					}))
					.sort((a, b) => compareRegions(a.country!, b.country!)),
				// The latest periods of every member (a member's page has its whole series).
				chart: { ...chart, ...latestPeriods(chart.series, CHART_PERIODS) },
				ranking:
					indicator.ceiling !== null
						? disaggregateRanking(db, actor, indicator.code, {
								locale,
								allCountries: allCorridors
							})
						: []
			},
			country: null
		};
	}

	const verdict =
		verdicts.find((v) => (v.country ?? 'REGION') === selected) ??
		countryVerdict(db, actor, indicator.code, scope, method, { locale });
	const chart = indicatorChartData(db, actor, indicator.code, { country: selected, locale });
	const comparison = allMethodVerdicts(db, actor, indicator.code, scope, { locale });
	// The chart in windows of CHART_PERIODS periods (?periods=2 the ones before the latest).
	const drawn = latestPeriods(
		drawnSeries(chart.series, indicator.direction, MAX_SERIES),
		CHART_PERIODS,
		q.periodsPage ?? 1
	);
	return {
		...base,
		overview: null,
		country: {
			verdict: latestOnly(verdict),
			comparison: { ...comparison, methods: comparison.methods.map(latestOnly) },
			...drawn,
			totalSeries: chart.series.length,
			ranking:
				indicator.ceiling !== null
					? disaggregateRanking(db, actor, indicator.code, { country: selected, locale })
					: [],
			observations: withNationalStep(
				db,
				listObservations(db, actor, indicator.code, { country: selected, locale }),
				scope,
				base.can.validate || base.can.national
			),
			history: historyOf(db, actor, indicator.code, q.history),
			comments: threadFor(db, actor, observationGroupTarget(db, indicator.code, scope))
		}
	};
}

/**
 * Members, then the region when it has values, then M49 regions with values (by code), then
 * non-members with values by name.
 */
function scopeOptions(
	db: Db,
	verdicts: { country: string | null }[],
	locale: Locale
): { value: string; name: string; hasData: boolean }[] {
	const members = listCountries(db, { member: true, locale });
	const memberSet = new Set(members.map((c) => c.iso3));
	const withData = new Set(verdicts.map((v) => v.country ?? 'REGION'));
	return [
		...members.map((c) => ({ value: c.iso3, name: c.name, hasData: withData.has(c.iso3) })),
		...(withData.has('REGION') ? [{ value: 'REGION', name: '', hasData: true }] : []),
		...verdicts
			.filter((v) => v.country !== null && isRegionCode(v.country))
			.map((v) => ({ value: v.country!, name: countryName(v.country!, locale), hasData: true }))
			.sort((a, b) => compareRegions(a.value, b.value)),
		...verdicts
			.filter((v) => v.country && !memberSet.has(v.country) && !isRegionCode(v.country))
			.map((v) => ({ value: v.country!, name: countryName(v.country!, locale), hasData: true }))
			.sort((a, b) => a.name.localeCompare(b.name, locale))
	];
}

/**
 * Marks the values that wait for national approval (issue 17 §6): a focal point's review steps,
 * not the secretariat's. Asked only for readers who review.
 */
function withNationalStep<T extends { id: number; version: number; reviewState: string }>(
	db: Db,
	rows: T[],
	country: string | null,
	reviews: boolean
): (T & { awaitsNational: boolean })[] {
	return rows.map((o) => ({
		...o,
		awaitsNational:
			reviews &&
			awaitsNationalApproval(db, {
				entity: 'observation',
				id: o.id,
				version: o.version,
				country,
				reviewState: o.reviewState
			})
	}));
}

/** The history of one value asked for by ?history= (the disclosure without JavaScript). */
function historyOf(db: Db, actor: Actor | null, code: string, raw: string | null) {
	const id = Number(raw);
	if (!raw || !Number.isSafeInteger(id) || id < 1 || !actor) return null;
	try {
		return { id, items: observationHistory(db, actor, code, id).items };
	} catch (e) {
		if (isAppError(e)) return null;
		throw e;
	}
}
