// Words for statuses, units and methods, through Paraglide (shared by the components).
import type { Method, Status } from '$lib/progress';
import type { Tone } from '$lib/components/StatusBadge.svelte';
import { formatPeriod, formatUnitValue, unitLabel } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';
import { toAppLocale } from '$lib/i18n/format';
import { methodWords, statusWords } from './verdict-words';

export function statusLabel(status: Status): string {
	return statusWords(status, toAppLocale(getLocale()));
}

export function statusTone(status: Status): Tone {
	switch (status) {
		case 'target_achieved':
		case 'on_track':
		case 'maintaining':
		case 'significant_progress':
		case 'met':
			return 'ok';
		case 'needs_acceleration':
		case 'fair_progress':
		case 'limited_progress':
		case 'too_slow':
		case 'moderately_improving':
		case 'moderate_progress':
		case 'insufficient_progress':
		case 'stagnating':
			return 'warn';
		case 'insufficient_data':
		case 'not_computable':
			return 'neutral';
		default:
			return 'bad';
	}
}

export function methodLabel(method: Method): string {
	return methodWords(method, toAppLocale(getLocale()));
}

/** A value with its unit: 4.15%, 134, 18.9 per 100,000; '–' when missing. */
export function formatWithUnit(value: number | null, unit: string, locale: string, digits = 2) {
	if (value === null || !Number.isFinite(value)) return '–';
	return formatUnitValue(value, unit, locale, digits);
}

/** A growth rate as a signed percentage with two decimals: −3.94%. */
export function formatRate(rate: number | null, locale: string): string {
	if (rate === null || !Number.isFinite(rate)) return '–';
	return new Intl.NumberFormat(locale, {
		style: 'percent',
		minimumFractionDigits: 2,
		maximumFractionDigits: 2,
		signDisplay: 'exceptZero'
	}).format(rate);
}

export { formatPeriod, unitLabel };

export function formatMonth(month: string, locale: string): string {
	const [y, mo] = month.split('-').map(Number);
	return new Intl.DateTimeFormat(locale, {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, mo - 1, 15)));
}
