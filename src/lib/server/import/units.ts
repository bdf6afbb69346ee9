/**
 * Units of imported files (issue 15): unit multipliers (Open SDG `Unit multiplier`, SDMX
 * `UNIT_MULT`) as factors, the file's unit compared with the indicator's, and the record of
 * what was applied for the report. Pure; no I/O.
 */

/** Open SDG words (en/es/fr) for a unit multiplier → power of ten. */
const MULTIPLIER_WORDS: Readonly<Record<string, number>> = {
	'': 0,
	units: 0,
	unit: 0,
	ones: 0,
	unidades: 0,
	unités: 0,
	unites: 0,
	tens: 1,
	hundreds: 2,
	cientos: 2,
	centaines: 2,
	thousands: 3,
	thousand: 3,
	miles: 3,
	milliers: 3,
	'tens of thousands': 4,
	'hundreds of thousands': 5,
	millions: 6,
	million: 6,
	millones: 6,
	'tens of millions': 7,
	'hundreds of millions': 8,
	billions: 9,
	billion: 9,
	'miles de millones': 9,
	milliards: 9
};

/**
 * The factor a unit multiplier cell stands for: `Thousands` → 1000, SDMX `3` → 1000,
 * blank or `Units` → 1. Null when the cell is not a multiplier.
 */
export function multiplierFactor(cell: string): number | null {
	const c = cell.trim().toLowerCase();
	const word = MULTIPLIER_WORDS[c];
	if (word !== undefined) return 10 ** word;
	if (/^-?\d{1,2}$/.test(c)) return 10 ** Number(c);
	return null;
}

/** A value times its factor, without binary noise (17 × 1000 = 17000, 0.1 × 1000 = 100). */
export function scaled(value: number, factor: number): number {
	if (factor === 1) return value;
	return Number((value * factor).toPrecision(15));
}

type UnitClass = 'percent' | 'per_100k' | 'number';

/** What a unit written in a file measures, when it can be told; null when unknown. */
export function unitClass(unit: string): UnitClass | null {
	const u = unit.trim().toLowerCase();
	if (u === '') return null;
	if (/^(?:%|pt|pc|pct|percent|percentage|per ?cent|porcentaje|pourcentage|pourcent)\b/.test(u))
		return 'percent';
	if (/100[ ,.]?000|100k|per_100k/.test(u)) return 'per_100k';
	if (
		/^(?:number|numbers|count|nombre|número|numero|persons|personas|personnes|people|deaths|number of)\b/.test(
			u
		)
	)
		return 'number';
	return null;
}

/** The indicator units (DESIGN §2) each class of file unit may be imported into. */
const COMPATIBLE: Readonly<Record<UnitClass, readonly string[] | null>> = {
	percent: ['percent'],
	per_100k: ['per_100k'],
	// a plain number may be a count, a score, an amount, days, months…; not a percent or a rate
	number: null
};
const NOT_A_NUMBER = new Set(['percent', 'per_100k']);

/**
 * Why a file whose unit is `fileUnit` cannot be imported into an indicator measured in
 * `indicatorUnit`; null when they agree or the file's unit cannot be told.
 */
export function unitConflict(
	fileUnit: string | null | undefined,
	indicatorCode: string,
	indicatorUnit: string
): string | null {
	if (!fileUnit) return null;
	const cls = unitClass(fileUnit);
	if (cls === null) return null;
	const allowed = COMPATIBLE[cls];
	const ok = allowed === null ? !NOT_A_NUMBER.has(indicatorUnit) : allowed.includes(indicatorUnit);
	if (ok) return null;
	return `The file's unit is '${fileUnit}' but ${indicatorCode} is measured in ${indicatorUnit}; import it into an indicator with that unit, or convert the file.`;
}

/** One multiplier applied to a file's values, for the report and the import's audit entry. */
export interface AppliedMultiplier {
	/** The cell as written, e.g. `Thousands` or `3`. */
	multiplier: string;
	factor: number;
	/** Values multiplied. */
	rows: number;
}

/** Counts the multipliers a reader applies (each distinct cell once). */
export class MultiplierLog {
	private readonly byCell = new Map<string, AppliedMultiplier>();

	/** The factor of a cell, counted when it is not 1; null when the cell is no multiplier. */
	apply(cell: string): number | null {
		const factor = multiplierFactor(cell);
		if (factor === null || factor === 1) return factor;
		const key = cell.trim();
		const hit = this.byCell.get(key);
		if (hit) hit.rows++;
		else this.byCell.set(key, { multiplier: key, factor, rows: 1 });
		return factor;
	}

	get applied(): AppliedMultiplier[] {
		return [...this.byCell.values()];
	}
}

/**
 * The one unit of a file's unit column, or a message naming the column when it holds
 * two or more (a file is imported one unit at a time).
 */
export function singleUnit(
	cells: Iterable<{ line: number; unit: string }>,
	column: string
): { unit: string | null } | { error: string; line: number } {
	let first: { line: number; unit: string } | null = null;
	for (const c of cells) {
		const u = c.unit.trim();
		if (u === '') continue;
		if (first === null) first = { line: c.line, unit: u };
		else if (u.toLowerCase() !== first.unit.toLowerCase()) {
			return {
				line: c.line,
				error: `The column ${column} holds two units: '${first.unit}' (line ${first.line}) and '${u}' (line ${c.line}); import one unit at a time (split the file by ${column}).`
			};
		}
	}
	return { unit: first?.unit ?? null };
}
