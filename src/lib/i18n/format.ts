// Numbers, percentages, dates, units and periods formatted with Intl for a page's language.
// Pure functions: every one takes the locale as its last argument (default: the current
// Paraglide locale), so charts, tables, the server and tests format alike.
// 3.5% in English, 3,5 % in Spanish and French.
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

export type AppLocale = 'en' | 'es' | 'fr';

const LOCALES: readonly AppLocale[] = ['en', 'es', 'fr'];

/** The app locale for a language tag ('es-MX' → 'es'); English when it is none of ours. */
export function toAppLocale(tag: string | null | undefined): AppLocale {
	const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
	return (LOCALES as readonly string[]).includes(base) ? (base as AppLocale) : 'en';
}

function current(): AppLocale {
	try {
		return toAppLocale(getLocale());
	} catch {
		return 'en';
	}
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = locale + JSON.stringify(options);
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, options);
		cache.set(key, f);
	}
	return f;
}

/** A share (0–1) as a percentage: 0.035 → '3.5%' (en), '3,5 %' (es, fr). */
export function formatPercent(share: number, locale: string = current(), digits = 0): string {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** A value already in percent (3.5 → '3.5%' / '3,5 %'), as indicators in `percent` hold them. */
export function formatPercentValue(value: number, locale: string = current(), digits = 2): string {
	return numberFormat(locale, {
		style: 'unit',
		unit: 'percent',
		maximumFractionDigits: digits
	}).format(value);
}

/** A plain number with grouping: 1234.5 → '1,234.5' / '1234,5' / '1 234,5'. */
export function formatNumber(value: number, locale: string = current(), digits = 2): string {
	return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

function toDate(iso: string | Date): Date {
	if (iso instanceof Date) return iso;
	return new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
}

/** A calendar date ('2023-05-04') in words: 'May 4, 2023', '4 may 2023', '4 mai 2023'. */
export function formatDate(iso: string | Date, locale: string = current()): string {
	const d = toDate(iso);
	if (Number.isNaN(d.getTime())) return String(iso);
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A moment (audit entries, updates): date and time, in UTC unless a time zone is given. */
export function formatDateTime(
	value: string | Date | number,
	locale: string = current(),
	timeZone = 'UTC'
): string {
	const d = typeof value === 'number' ? new Date(value) : toDate(value);
	if (Number.isNaN(d.getTime())) return String(value);
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(d);
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

function formatSinglePeriod(period: string, locale: AppLocale, style: 'long' | 'short'): string {
	if (YEAR.test(period)) return period;
	let match = QUARTER.exec(period);
	if (match) return m.period_quarter({ quarter: match[2], year: match[1] }, { locale });
	match = MONTH.exec(period);
	if (match) {
		const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
		return new Intl.DateTimeFormat(locale, {
			month: style,
			year: 'numeric',
			timeZone: 'UTC'
		}).format(d);
	}
	return period;
}

/**
 * An observation period (DESIGN §2) in words of the language:
 * '2023' → '2023'; '2023-Q2' → 'Q2 2023' (en), 'T2 2023' (es, fr);
 * '2023-05' → 'May 2023', 'mayo de 2023', 'mai 2023' (style 'short': 'may 2023');
 * '2016/2021' → '2016–2021'. Anything else is returned unchanged.
 */
export function formatPeriod(
	period: string,
	locale: string = current(),
	style: 'long' | 'short' = 'long'
): string {
	const loc = toAppLocale(locale);
	const parts = period.split('/');
	if (parts.length === 2) {
		const [a, b] = parts.map((p) => formatSinglePeriod(p, loc, style));
		return a.includes(' ') || b.includes(' ') ? `${a} – ${b}` : `${a}–${b}`;
	}
	return formatSinglePeriod(period, loc, style);
}

export const UNITS = ['percent', 'count', 'per_100k', 'score', 'days', 'usd', 'months'] as const;

/** The name of an indicator's unit, for axis titles and tables ('percent' → 'Percent'). */
export function unitLabel(unit: string, locale: string = current()): string {
	const loc = toAppLocale(locale);
	switch (unit) {
		case 'percent':
			return m.unit_percent({}, { locale: loc });
		case 'count':
			return m.unit_count({}, { locale: loc });
		case 'per_100k':
			return m.unit_per_100k({}, { locale: loc });
		case 'score':
			return m.unit_score({}, { locale: loc });
		case 'days':
			return m.unit_days({}, { locale: loc });
		case 'usd':
			return m.unit_usd({}, { locale: loc });
		case 'months':
			return m.unit_months({}, { locale: loc });
		default:
			return unit;
	}
}

/**
 * A value in an indicator's unit: percent 6.2 → '6.2%' / '6,2 %'; per_100k →
 * '12.5 per 100,000'; usd → '$1,234.50'; days → '12 days'. Unknown units show the number.
 */
export function formatUnitValue(
	value: number,
	unit: string,
	locale: string = current(),
	digits = 2
): string {
	const loc = toAppLocale(locale);
	switch (unit) {
		case 'percent':
			return formatPercentValue(value, loc, digits);
		case 'per_100k':
			return m.unit_value_per_100k({ value: formatNumber(value, loc, digits) }, { locale: loc });
		case 'usd':
			return numberFormat(loc, {
				style: 'currency',
				currency: 'USD',
				minimumFractionDigits: Math.min(2, digits),
				maximumFractionDigits: digits
			}).format(value);
		case 'days':
		case 'months':
			return numberFormat(loc, {
				style: 'unit',
				unit: unit === 'days' ? 'day' : 'month',
				unitDisplay: 'long',
				maximumFractionDigits: digits
			}).format(value);
		default:
			return formatNumber(value, loc, digits);
	}
}

/** The name of a disaggregation key ('corridor', 'sex', …) in words of the language. */
export function disaggregationKeyLabel(key: string, locale: string = current()): string {
	const o = { locale: toAppLocale(locale) };
	switch (key) {
		case 'corridor':
			return m.disagg_corridor({}, o);
		case 'sex':
			return m.disagg_sex({}, o);
		case 'age':
			return m.disagg_age({}, o);
		case 'migratory_status':
			return m.disagg_migratory_status({}, o);
		default:
			return key;
	}
}
