// Numbers, percentages and dates formatted with Intl for the page's language.
export function formatPercent(share: number, locale: string, digits = 0): string {
	return new Intl.NumberFormat(locale, {
		style: 'percent',
		maximumFractionDigits: digits
	}).format(share);
}

export function formatNumber(value: number, locale: string, digits = 2): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function formatDate(iso: string | Date, locale: string): string {
	const d = typeof iso === 'string' ? new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso) : iso;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
