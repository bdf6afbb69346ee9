/**
 * Period labels as files write them → the forms of DESIGN §2:
 * '2023' (year), '2023-Q2' (quarter), '2023-05' (month), '2016/2021' (range).
 */

export interface NormalisedPeriod {
	period: string;
	/** The label carried a preliminary-figure marker such as `P/` (`2022/I P/`). */
	provisional: boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** DataBank column labels: `2013Q1 [YR2013Q1]`, `2013 [YR2013]`. */
const LABEL_SUFFIX = /\s*\[[^\]]*\]$/;
/** Preliminary markers: `2022/I P/`, `2022 P`, `2022 (p)`, `2022 prelim.` */
const PROVISIONAL =
	/(?:\s*P\/|\s+P|\s*\((?:p|prov\.?|provisional|preliminary|prelim\.?)\)|\s+(?:prov\.?|provisional|preliminary|prelim\.?))$/i;
const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/i;
const QUARTER_FIRST = /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/i;
const ROMAN_QUARTER = /^(\d{4})\s*[-/]\s*(IV|I{1,3})$/i;
const MONTH = /^(\d{4})(?:-|M)(\d{2})$/i;
const RANGE = /^(\d{4})\s*(?:to|\/|-|–|—)\s*(\d{4})$/i;

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

function year(digits: string): number | null {
	const y = Number(digits);
	return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

function parse(raw: string): NormalisedPeriod | null {
	let s = raw.trim().replace(LABEL_SUFFIX, '');
	let provisional = false;
	const marker = PROVISIONAL.exec(s);
	if (marker) {
		provisional = true;
		s = s.slice(0, marker.index).trim();
	}
	let m: RegExpExecArray | null;
	if ((m = YEAR.exec(s))) {
		return year(m[1]) === null ? null : { period: m[1], provisional };
	}
	if ((m = QUARTER.exec(s))) {
		return year(m[1]) === null ? null : { period: `${m[1]}-Q${m[2]}`, provisional };
	}
	if ((m = ROMAN_QUARTER.exec(s))) {
		if (year(m[1]) === null) return null;
		return { period: `${m[1]}-Q${ROMAN[m[2].toUpperCase()]}`, provisional };
	}
	if ((m = QUARTER_FIRST.exec(s))) {
		return year(m[2]) === null ? null : { period: `${m[2]}-Q${m[1]}`, provisional };
	}
	if ((m = MONTH.exec(s))) {
		const month = Number(m[2]);
		if (year(m[1]) === null || month < 1 || month > 12) return null;
		return { period: `${m[1]}-${m[2]}`, provisional };
	}
	if ((m = RANGE.exec(s))) {
		const from = year(m[1]);
		const to = year(m[2]);
		if (from === null || to === null || to < from) return null;
		return { period: from === to ? m[1] : `${m[1]}/${m[2]}`, provisional };
	}
	return null;
}

const cache = new Map<string, NormalisedPeriod | null>();
const CACHE_LIMIT = 10_000;

/**
 * Reads a period label: `2013`, `2013Q1`, `2013 Q1`, `2013-Q1`, `Q1 2013`, `2013/I`…`2013/IV`,
 * `2013M05`, `2023-05`, `2016 to 2021`, `2016/2021`, `2016-2021`, DataBank headers such as
 * `2013Q1 [YR2013Q1]`, and a trailing provisional marker (`2022/I P/`). Years outside
 * 1900–2100 are refused. Returns null when the label is not a period.
 */
export function normalisePeriod(raw: string): NormalisedPeriod | null {
	const hit = cache.get(raw);
	if (hit !== undefined) return hit;
	const result = parse(raw);
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(raw, result);
	return result;
}
