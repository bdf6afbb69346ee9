/**
 * Observation periods (DESIGN §2): '2023', '2023-Q2', '2023-05', or a range '2016/2021'.
 */

export interface ParsedPeriod {
	/** The calendar year the period counts for (a range counts as its end year). */
	year: number;
	/**
	 * Position inside the year, for ordering: 0 for a whole year, the end month for a quarter
	 * (Q1 = 3 … Q4 = 12) or a month (1 … 12). A range takes the position of its end.
	 */
	sub: number;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parseSingle(period: string): ParsedPeriod | null {
	let m = YEAR.exec(period);
	if (m) return { year: Number(m[1]), sub: 0 };
	m = QUARTER.exec(period);
	if (m) return { year: Number(m[1]), sub: Number(m[2]) * 3 };
	m = MONTH.exec(period);
	if (m) return { year: Number(m[1]), sub: Number(m[2]) };
	return null;
}

function compareParsed(a: ParsedPeriod, b: ParsedPeriod): number {
	return a.year - b.year || a.sub - b.sub;
}

/** Parses a period; throws an Error on anything that is not one of the forms of §2. */
export function parsePeriod(period: string): ParsedPeriod {
	if (typeof period !== 'string') throw new Error(`Not a period: ${String(period)}`);
	const [first, second, ...rest] = period.split('/');
	if (second === undefined) {
		const single = parseSingle(period);
		if (single) return single;
	} else if (rest.length === 0) {
		const start = parseSingle(first ?? '');
		const end = parseSingle(second);
		if (start && end && compareParsed(start, end) <= 0) return end;
	}
	throw new Error(`Not a period: '${period}' (expected 2023, 2023-Q2, 2023-05 or 2016/2021)`);
}

/** '2023-Q2' → 2023, '2023-05' → 2023, '2016/2021' → 2021, '2023' → 2023; throws on garbage. */
export function periodToYear(period: string): number {
	return parsePeriod(period).year;
}

/**
 * Orders periods: by year, then by position inside the year ('2020' < '2020-Q2' < '2020-Q3');
 * ties (e.g. '2020-06' and '2020-Q2') fall back to the text, so the order is total.
 */
export function comparePeriods(a: string, b: string): number {
	const byPosition = compareParsed(parsePeriod(a), parsePeriod(b));
	if (byPosition !== 0) return byPosition;
	return a < b ? -1 : a > b ? 1 : 0;
}
