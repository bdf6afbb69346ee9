// A verdict in words, in the page's language (issue 16): the one-sentence explanation built from
// its numbers, each flag, and the ceiling part shown beside the status up front. Shared by the
// server (the API's `explanation`) and the pages.
import { m } from '$lib/paraglide/messages';
import type {
	CeilingResult,
	Flag,
	Method,
	ProgressComponents,
	SeriesKind,
	Status
} from '$lib/progress';
import { formatPercent, formatUnitValue } from '$lib/i18n/format';

type Locale = 'en' | 'es' | 'fr';
const opt = (locale: Locale) => ({ locale });

/** What the words need of a verdict (the server's Verdict, or a summary carrying one). */
export interface VerdictLike {
	method: Method;
	status: Status;
	series: SeriesKind | null;
	components: ProgressComponents;
	ceiling: CeilingResult | null;
	flags: Flag[];
	unit: string;
}

export function statusWords(status: Status, locale: Locale): string {
	const o = opt(locale);
	const words: Record<Status, () => string> = {
		target_achieved: () => m.progress_status_target_achieved({}, o),
		on_track: () => m.progress_status_on_track({}, o),
		needs_acceleration: () => m.progress_status_needs_acceleration({}, o),
		limited_progress: () => m.progress_status_limited_progress({}, o),
		deterioration: () => m.progress_status_deterioration({}, o),
		fair_progress: () => m.progress_status_fair_progress({}, o),
		stagnation_or_regression: () => m.progress_status_stagnation_or_regression({}, o),
		too_slow: () => m.progress_status_too_slow({}, o),
		regressing: () => m.progress_status_regressing({}, o),
		maintaining: () => m.progress_status_maintaining({}, o),
		moderately_improving: () => m.progress_status_moderately_improving({}, o),
		stagnating: () => m.progress_status_stagnating({}, o),
		decreasing: () => m.progress_status_decreasing({}, o),
		significant_progress: () => m.progress_status_significant_progress({}, o),
		moderate_progress: () => m.progress_status_moderate_progress({}, o),
		insufficient_progress: () => m.progress_status_insufficient_progress({}, o),
		movement_away: () => m.progress_status_movement_away({}, o),
		moderate_movement_away: () => m.progress_status_moderate_movement_away({}, o),
		significant_movement_away: () => m.progress_status_significant_movement_away({}, o),
		target_missed: () => m.progress_status_target_missed({}, o),
		met: () => m.progress_status_met({}, o),
		not_met: () => m.progress_status_not_met({}, o),
		insufficient_data: () => m.progress_status_insufficient_data({}, o),
		not_computable: () => m.progress_status_not_computable({}, o)
	};
	return (words[status] ?? words.not_computable)();
}

export function methodWords(method: Method, locale: Locale): string {
	const o = opt(locale);
	switch (method) {
		case 'cagr-ratio':
			return m.progress_method_cagr_ratio({}, o);
		case 'progress-chart':
			return m.progress_method_progress_chart({}, o);
		case 'anticipated-progress':
			return m.progress_method_anticipated_progress({}, o);
		case 'sdsn-trend':
			return m.progress_method_sdsn_trend({}, o);
		default:
			return m.progress_method_eurostat({}, o);
	}
}

function value(v: number | null, unit: string, locale: Locale): string {
	return v === null || !Number.isFinite(v) ? '–' : formatUnitValue(v, unit, locale, 2);
}

function rate(r: number, locale: Locale): string {
	return formatPercent(Math.abs(r), locale, 1);
}

/**
 * The one-sentence explanation of a verdict, built from its numbers (a second sentence when a
 * disaggregate of the ceiling key is past the ceiling).
 */
export function explainVerdict(v: VerdictLike, locale: Locale): string {
	const sentence = explainCore(v, locale);
	if (v.ceiling?.status !== 'breached') return sentence;
	const what =
		v.ceiling.key === 'corridor'
			? m.progress_ceiling_what_corridor({}, opt(locale))
			: m.progress_ceiling_what_other({}, opt(locale));
	return `${sentence} ${m.progress_explain_ceiling_breached({ what }, opt(locale))}`;
}

function explainCore(v: VerdictLike, locale: Locale): string {
	const o = opt(locale);
	const c = v.components;
	const status = statusWords(v.status, locale).toLocaleLowerCase(locale);
	const u = (x: number | null) => value(x, v.unit, locale);
	const target = u(c.targetValue === 0.001 ? 0 : c.targetValue);
	const year = c.latestYear ?? '–';
	const base = c.baseYear ?? '–';
	const targetYear = c.targetYear ?? '–';
	switch (v.status) {
		case 'met':
		case 'not_met':
			return m.progress_explain_threshold(
				{ value: u(c.latestValue), year, threshold: u(c.threshold), status },
				o
			);
		case 'target_achieved':
			return m.progress_explain_achieved({ value: u(c.latestValue), year, target, status }, o);
		case 'target_missed':
			return m.progress_explain_missed(
				{ target, targetYear, value: u(c.latestValue), year, status },
				o
			);
		case 'insufficient_data':
		case 'not_computable':
			return m.progress_explain_none({ status }, o);
	}
	if (v.status === 'maintaining' && v.flags.some((f) => f.code === 'at_best_value')) {
		return m.progress_explain_best({ value: u(c.latestValue), status }, o);
	}
	if (v.status === 'maintaining') {
		return m.progress_explain_achieved({ value: u(c.latestValue), year, target, status }, o);
	}
	if (v.method === 'progress-chart' && c.q !== null) {
		return m.progress_explain_projection(
			{
				base,
				projected: u(c.projectedValue),
				targetYear,
				share: formatPercent(c.q, locale, 0),
				baseValue: u(c.baseValue),
				target,
				status
			},
			o
		);
	}
	if (v.method === 'anticipated-progress' && c.gapRatio !== null) {
		return m.progress_explain_gap(
			{
				projected: u(c.projectedValue),
				targetYear,
				target,
				share: formatPercent(c.gapRatio, locale, 0),
				baseValue: u(c.baseValue),
				status
			},
			o
		);
	}
	if (
		v.method === 'sdsn-trend' &&
		c.annualChangeObserved !== null &&
		c.annualChangeRequired !== null
	) {
		return m.progress_explain_pace(
			{
				observed: formatSigned(c.annualChangeObserved, locale),
				base,
				target,
				targetYear,
				required: formatSigned(c.annualChangeRequired, locale),
				share: formatPercent(c.ratio ?? 0, locale, 0),
				status
			},
			o
		);
	}
	const observed =
		c.cagrObserved ??
		(c.annualChangeObserved !== null && c.baseValue ? c.annualChangeObserved / c.baseValue : null);
	if (observed === null) return m.progress_explain_none({ status }, o);
	const moved = observed < 0 ? m.progress_moved_fell({}, o) : m.progress_moved_rose({}, o);
	if (c.cagrRequired !== null) {
		return m.progress_explain_growth_target(
			{
				moved,
				rate: rate(observed, locale),
				base,
				target,
				targetYear,
				required: rate(c.cagrRequired, locale),
				status
			},
			o
		);
	}
	return m.progress_explain_growth_no_target(
		{ moved, rate: rate(observed, locale), base, status },
		o
	);
}

function formatSigned(x: number, locale: Locale): string {
	return new Intl.NumberFormat(locale, {
		maximumFractionDigits: 3,
		signDisplay: 'exceptZero'
	}).format(x);
}

/** Each flag in words. */
export function flagWords(flag: Flag, unit: string, locale: Locale): string {
	const o = opt(locale);
	switch (flag.code) {
		case 'partial_year':
			return m.progress_flag_partial_year(
				{
					items: flag.years
						.map((y) =>
							m.progress_flag_partial_year_item(
								{ year: y.year, n: y.subPeriods, total: y.frequency },
								o
							)
						)
						.join(', ')
				},
				o
			);
		case 'headline_older_than_parts':
			return m.progress_flag_headline_older_than_parts(
				{ headline: flag.headlineYear, parts: flag.partsYear },
				o
			);
		case 'stale':
			return m.progress_flag_stale({ year: flag.since }, o);
		case 'base_from_indicator_baseline':
			return m.progress_flag_base_from_indicator_baseline(
				{ value: value(flag.value, unit, locale), year: flag.year },
				o
			);
		case 'zero_target_substituted':
			return m.progress_flag_zero_target_substituted({ value: String(flag.value) }, o);
		case 'at_best_value':
			return m.progress_flag_at_best_value({ value: value(flag.value, unit, locale) }, o);
		default:
			return m.progress_flag_few_points({}, o);
	}
}

/** A disaggregation in short: `CRI>NIC`, `female · migrant`. */
function shortLabel(d: Record<string, string>): string {
	return Object.keys(d)
		.sort()
		.map((k) => d[k])
		.join(' · ');
}

/**
 * The ceiling part, up front beside the status: "Average 4.15% (target 3%) · 1 of 2 corridors
 * above 5%: CRI>NIC 5.13%". Null for an indicator without a ceiling.
 */
export function ceilingWords(v: VerdictLike, locale: Locale): string | null {
	const ceiling = v.ceiling;
	if (!ceiling) return null;
	const o = opt(locale);
	const u = (x: number | null) => value(x, v.unit, locale);
	const what =
		ceiling.key === 'corridor'
			? m.progress_ceiling_what_corridor({}, o)
			: m.progress_ceiling_what_other({}, o);
	const target = v.components.targetValue === 0.001 ? 0 : v.components.targetValue;
	const head =
		v.components.latestValue === null
			? null
			: (v.series === 'sum_of_disaggregates'
					? m.progress_ceiling_total
					: m.progress_ceiling_average)(
					{ value: u(v.components.latestValue), target: u(target) },
					o
				);
	let part: string;
	if (ceiling.count === 0) part = m.progress_ceiling_none({ what }, o);
	else if (ceiling.above.length === 0)
		part = m.progress_ceiling_clear({ total: ceiling.count, what, ceiling: u(ceiling.value) }, o);
	else {
		const list = ceiling.above
			.slice(0, 3)
			.map((a) => `${shortLabel(a.disaggregation)} ${u(a.value)}`)
			.join(', ');
		const more = ceiling.above.length > 3 ? ', …' : '';
		const words =
			v.components.direction === 'decrease' ? m.progress_ceiling_above : m.progress_ceiling_below;
		part = words(
			{
				n: ceiling.above.length,
				total: ceiling.count,
				what,
				ceiling: u(ceiling.value),
				list: list + more
			},
			o
		);
	}
	return head ? `${head} · ${part}` : part;
}

/** "Ceiling breached" / "Ceiling respected" (null without a ceiling). */
export function ceilingStatusWords(ceiling: CeilingResult | null, locale: Locale): string | null {
	if (!ceiling) return null;
	return ceiling.status === 'breached'
		? m.progress_ceiling_status_breached({}, opt(locale))
		: m.progress_ceiling_status_clear({}, opt(locale));
}
