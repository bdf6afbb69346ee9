/**
 * Dimensions of imported files, harmonised (issue 15): the one table of codes that mean
 * "total" (a row whose disaggregations are all totals is the headline), and the mapping of
 * column names and values to canonical keys and codes (`Sexo` → `sex`, `Hombres` → `male`).
 * Every reader goes through `harmonise`. Pure; no I/O.
 */

/**
 * Cells that mean "all" / "total" in a disaggregation column, compared lower-case and
 * trimmed: Open SDG words (`Total`, and a blank cell), SDMX codes (`_T`, `_Z`), UN SDG
 * Global Database codes (`t`, `notspec`, `bothsex`, `alldomains`, `ALLAREA`, `ALLAGE`) and
 * the words national platforms use in Spanish and French.
 */
export const TOTAL_CODES: ReadonlySet<string> = new Set([
	'',
	'total',
	'totals',
	't',
	'_t',
	'_z',
	'_x_total',
	'notspec',
	'allarea',
	'allareas',
	'bothsex',
	'both sexes',
	'alldomains',
	'allage',
	'allages',
	'all ages',
	'all',
	'ambos sexos',
	'todos',
	'todas',
	'todas las edades',
	'tous',
	'toutes',
	'les deux sexes',
	'deux sexes',
	'tous âges',
	'tous les âges'
]);

/** True when a disaggregation cell means the total (a blank cell included). */
export function isTotalCode(cell: string): boolean {
	return TOTAL_CODES.has(cell.trim().toLowerCase());
}

/** Column names (lower-case, trimmed) → canonical disaggregation key. */
export const DIMENSION_KEYS: Readonly<Record<string, string>> = {
	sex: 'sex',
	sexo: 'sex',
	sexe: 'sex',
	gender: 'sex',
	género: 'sex',
	genero: 'sex',
	age: 'age',
	edad: 'age',
	âge: 'age',
	age_group: 'age',
	'age group': 'age',
	'grupo de edad': 'age',
	"groupe d'âge": 'age',
	migratory_status: 'migratory_status',
	'migratory status': 'migratory_status',
	'condición migratoria': 'migratory_status',
	'condicion migratoria': 'migratory_status',
	'statut migratoire': 'migratory_status',
	policy_domains: 'policy_domain',
	policy_domain: 'policy_domain',
	corridor: 'corridor',
	corredor: 'corridor',
	corridors: 'corridor'
};

/** Canonical key → cell (lower-case, trimmed) → canonical code. */
export const DIMENSION_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	sex: {
		male: 'male',
		m: 'male',
		males: 'male',
		men: 'male',
		hombre: 'male',
		hombres: 'male',
		homme: 'male',
		hommes: 'male',
		masculino: 'male',
		masculin: 'male',
		female: 'female',
		f: 'female',
		females: 'female',
		women: 'female',
		mujer: 'female',
		mujeres: 'female',
		femme: 'female',
		femmes: 'female',
		femenino: 'female',
		féminin: 'female'
	}
};

/** Extra mappings (from the database) laid over the built-in tables. */
export interface DimensionMappings {
	keys: ReadonlyMap<string, string>;
	values: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** One applied mapping, for the preview ("Sexo → sex, Hombres → male"). */
export interface AppliedMapping {
	kind: 'key' | 'value';
	from: string;
	to: string;
}

/**
 * Harmonises one file's dimensions: remembers what it mapped (each pair once) so the
 * preview can show it.
 */
export class Harmoniser {
	readonly applied: AppliedMapping[] = [];
	private readonly seen = new Set<string>();
	private readonly keyCache = new Map<string, string>();

	constructor(private readonly extra: DimensionMappings | null = null) {}

	/** Canonical key of a column; `fallback` (e.g. a slug of the header) when none is known. */
	key(header: string, fallback: string): string {
		const hit = this.keyCache.get(header);
		if (hit !== undefined) return hit;
		const h = header.replace(/\s+/g, ' ').trim().toLowerCase();
		const mapped = this.extra?.keys.get(h) ?? DIMENSION_KEYS[h];
		const key = mapped ?? fallback;
		this.keyCache.set(header, key);
		if (mapped !== undefined) this.note('key', header.trim(), key);
		return key;
	}

	/** Canonical code of a cell under a key; the cell itself (trimmed) when none is known. */
	value(key: string, cell: string): string {
		const c = cell.trim();
		const lower = c.toLowerCase();
		const mapped = this.extra?.values.get(key)?.get(lower) ?? DIMENSION_VALUES[key]?.[lower];
		if (mapped === undefined) return c;
		if (mapped !== c) this.note('value', c, mapped);
		return mapped;
	}

	private note(kind: 'key' | 'value', from: string, to: string): void {
		if (from === to) return;
		const id = `${kind}\u0000${from}`;
		if (this.seen.has(id)) return;
		this.seen.add(id);
		this.applied.push({ kind, from, to });
	}
}
