/**
 * Number formatting for the formula lines (plain text, language-neutral digits).
 * Negative numbers use the minus sign U+2212, as subtractions do.
 */

const MINUS = '\u2212';

function withMinus(text: string): string {
	return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/** A value: up to 4 decimals, at least one ('5.0', '4.2628'); tiny values keep 3 significant digits. */
export function formatValue(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	if (value !== 0 && Math.abs(value) < 0.01) return withMinus(String(Number(value.toPrecision(3))));
	let text = value.toFixed(4).replace(/0+$/, '');
	if (text.endsWith('.')) text += '0';
	if (/^-0\.0$/.test(text)) text = '0.0';
	return withMinus(text);
}

/** A rate as a percentage with 2 decimals: -0.02253 → '−2.25%'. */
export function formatPercent(rate: number): string {
	const text = (rate * 100).toFixed(2);
	return withMinus(text === '-0.00' ? '0.00' : text) + '%';
}

/** A ratio (R or Q) with 3 decimals: 0.4989 → '0.499'. */
export function formatRatio(ratio: number): string {
	const text = ratio.toFixed(3);
	return withMinus(text === '-0.000' ? '0.000' : text);
}

/** A signed integer such as d: -1 → '−1'. */
export function formatSigned(n: number): string {
	return withMinus(String(n));
}

export { MINUS };
