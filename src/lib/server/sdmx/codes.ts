// SDMX-CSV (1.0 layout) as Avance writes and reads it: the columns, and how Avance's values map
// to the concepts and codes of the UN SDG global data structure (FREQ, SERIES, REF_AREA as
// M49, SEX, AGE, UNIT_MEASURE, UNIT_MULT, OBS_STATUS, COMMENT_OBS, SOURCE_DETAIL).
// Disaggregations without an SDG concept become their own columns (`corridor` → CORRIDOR).
// Pure; shared by the writer (./csv.ts) and the import reader (import/readers/sdmxCsv.ts).

/** The dataflow every row names (agency:id(version)). */
export const DATAFLOW = 'RCM:DF_AVANCE(1.0)';

/** REF_AREA of a regional (RCM-wide) value: the RCM has no M49 code of its own. */
export const REGIONAL_AREA = 'RCM';

/** Total code of a dimension: a row with it has no such disaggregation (the headline). */
export const TOTAL = '_T';

/** Dimensions before the disaggregations, and the columns after them. */
export const LEADING_DIMENSIONS = ['DATAFLOW', 'FREQ', 'INDICATOR', 'SERIES', 'REF_AREA'] as const;
export const TRAILING_COLUMNS = [
	'TIME_PERIOD',
	'OBS_VALUE',
	'UNIT_MEASURE',
	'UNIT_MULT',
	'OBS_STATUS',
	'COMMENT_OBS',
	'SOURCE_DETAIL'
] as const;

/** SDG series code of an indicator, where it has one. */
export const SDG_SERIES: Readonly<Record<string, string>> = {
	'10.c.1': 'SI_RMT_COST_BC',
	'10.7.2': 'SG_CPA_MIGRS',
	'10.7.3': 'SM_DTH_MIGR',
	'10.7.4': 'SM_POP_REFG_OR',
	'8.8.1': 'SL_EMP_FTLINJUR',
	'8.8.2': 'SL_LBR_NTLCPL',
	'17.3.2': 'BX_TRF_PWKR',
	'16.2.2': 'VC_HTF_DETVFL'
};

/** Disaggregation keys with an SDG concept of their own. */
const KEY_CONCEPTS: Readonly<Record<string, string>> = { sex: 'SEX', age: 'AGE' };
/** Dimensions written first among the disaggregations, in this order. */
export const PREFERRED_DIMENSIONS = ['SEX', 'AGE'];

/** Column name of a disaggregation key: its SDG concept, or the key in capitals. */
export function conceptOf(key: string): string {
	return KEY_CONCEPTS[key] ?? key.toUpperCase();
}

/** Disaggregation key of a column: the inverse of conceptOf. */
export function keyOf(concept: string): string {
	const found = Object.entries(KEY_CONCEPTS).find(([, c]) => c === concept.toUpperCase());
	return found ? found[0] : concept.toLowerCase();
}

const SEX_CODES: Readonly<Record<string, string>> = { female: 'F', male: 'M' };

/** A disaggregation value as an SDG code, where there is one (`female` → F, `15-24` → Y15T24). */
export function codeOf(key: string, value: string): string {
	if (key === 'sex') return SEX_CODES[value.toLowerCase()] ?? value;
	if (key === 'age') {
		const range = /^(\d+)-(\d+)$/.exec(value);
		if (range) return `Y${range[1]}T${range[2]}`;
		const plus = /^(\d+)\+$/.exec(value);
		if (plus) return `Y_GE${plus[1]}`;
	}
	return value;
}

/** The inverse of codeOf. */
export function valueOf(key: string, code: string): string {
	if (key === 'sex') {
		const found = Object.entries(SEX_CODES).find(([, c]) => c === code.toUpperCase());
		return found ? found[0] : code;
	}
	if (key === 'age') {
		const range = /^Y(\d+)T(\d+)$/i.exec(code);
		if (range) return `${range[1]}-${range[2]}`;
		const plus = /^Y_GE(\d+)$/i.exec(code);
		if (plus) return `${plus[1]}+`;
	}
	return code;
}

const UNIT_CODES: Readonly<Record<string, string>> = {
	percent: 'PT',
	count: 'NUMBER',
	per_100k: 'PER_100000_POP',
	score: 'INDEX',
	usd: 'USD',
	days: 'DAYS',
	months: 'MONTHS'
};

export function unitCode(unit: string): string {
	return UNIT_CODES[unit] ?? unit.toUpperCase();
}

/** FREQ of a period: A (a year or a range of years), Q (quarter), M (month). */
export function freqOf(period: string): 'A' | 'Q' | 'M' {
	if (/^\d{4}-Q[1-4]$/.test(period)) return 'Q';
	if (/^\d{4}-\d{2}$/.test(period)) return 'M';
	return 'A';
}

/** OBS_STATUS: A (normal, final), P (provisional), E (estimated, read as final). */
export const obsStatus = (status: 'provisional' | 'final') =>
	status === 'provisional' ? 'P' : 'A';
export function statusOf(code: string): 'provisional' | 'final' | null {
	const c = code.trim().toUpperCase();
	if (c === 'P') return 'provisional';
	if (c === 'A' || c === 'E' || c === '') return 'final';
	return null;
}
