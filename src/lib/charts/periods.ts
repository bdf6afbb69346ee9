// Periods (DESIGN §2) on a time axis: each is drawn at its middle.
import { parsePeriod } from '$lib/progress';

function single(text: string): { start: number; end: number } {
	let m = /^(\d{4})$/.exec(text);
	if (m) return { start: Date.UTC(+m[1], 0, 1), end: Date.UTC(+m[1] + 1, 0, 1) };
	m = /^(\d{4})-Q([1-4])$/.exec(text);
	if (m) {
		const q = +m[2] - 1;
		return { start: Date.UTC(+m[1], q * 3, 1), end: Date.UTC(+m[1], q * 3 + 3, 1) };
	}
	m = /^(\d{4})-(\d{2})$/.exec(text);
	if (m) return { start: Date.UTC(+m[1], +m[2] - 1, 1), end: Date.UTC(+m[1], +m[2], 1) };
	throw new Error(`Not a period: ${text}`);
}

/** The middle of a period, in ms since the epoch: 2013-Q1 → 14 Feb 2013; 2016/2021 → mid-2018. */
export function periodMidpoint(period: string): number {
	parsePeriod(period);
	const [a, b] = period.split('/');
	const first = single(a);
	const last = b === undefined ? first : single(b);
	return Math.round((first.start + last.end) / 2);
}
