// Words for statuses, units and methods, through Paraglide (shared by the components).
import { m } from '$lib/paraglide/messages';
import type { Method, Status } from '$lib/progress';
import type { Tone } from '$lib/components/StatusBadge.svelte';
import { formatPeriod, formatUnitValue, unitLabel } from '$lib/format';

export function statusLabel(status: Status): string {
	switch (status) {
		case 'target_achieved':
			return m.progress_status_target_achieved();
		case 'on_track':
			return m.progress_status_on_track();
		case 'needs_acceleration':
			return m.progress_status_needs_acceleration();
		case 'limited_progress':
			return m.progress_status_limited_progress();
		case 'deterioration':
			return m.progress_status_deterioration();
		case 'fair_progress':
			return m.progress_status_fair_progress();
		case 'stagnation_or_regression':
			return m.progress_status_stagnation_or_regression();
		case 'insufficient_data':
			return m.progress_status_insufficient_data();
		default:
			return m.progress_status_not_computable();
	}
}

export function statusTone(status: Status): Tone {
	switch (status) {
		case 'target_achieved':
		case 'on_track':
			return 'ok';
		case 'needs_acceleration':
		case 'fair_progress':
		case 'limited_progress':
			return 'warn';
		case 'deterioration':
		case 'stagnation_or_regression':
			return 'bad';
		default:
			return 'neutral';
	}
}

export function methodLabel(method: Method): string {
	return method === 'cagr-ratio'
		? m.progress_method_cagr_ratio()
		: m.progress_method_progress_chart();
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
