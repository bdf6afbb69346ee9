/**
 * Dimensions of imported files, harmonised (issue 15): the one table of codes that mean
 * "total" (a row whose disaggregations are all totals is the headline), and the mapping of
 * column names and values to canonical keys and codes (`Sexo` → `sex`, `Hombres` → `male`),
 * built in (BUILTIN_MAPPINGS, the list the dimension_mapping table starts from) or added by
 * admins (./mappings.ts loads the table). Every reader goes through a Harmoniser. Pure; no I/O.
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

/** One mapping: a column name (`key`) or a cell (`value`, under `dimension`, null = any). */
export interface DimensionMappingSpec {
	kind: 'key' | 'value';
	/** Compared lower-case, trimmed, with runs of spaces as one. */
	from: string;
	/** The canonical key (`sex`) or code (`male`, `y15t24`). */
	to: string;
	/** For values: the canonical key they belong to; null = under any key. */
	dimension: string | null;
}

const keys = (to: string, ...from: string[]): DimensionMappingSpec[] =>
	from.map((f) => ({ kind: 'key', from: f, to, dimension: null }));
const values = (dimension: string, to: string, ...from: string[]): DimensionMappingSpec[] =>
	from.map((f) => ({ kind: 'value', from: f, to, dimension }));

/** `15-24`, `15 a 24`, `15 à 24 ans`, `Y15T24`… → `y15t24`; `65+`, `Y_GE65`… → `y_ge65`. */
function ageBands(): DimensionMappingSpec[] {
	const out: DimensionMappingSpec[] = [];
	const closed: [number, number][] = [
		[0, 4],
		[0, 14],
		[0, 17],
		[5, 9],
		[5, 14],
		[10, 14],
		[15, 17],
		[15, 19],
		[15, 24],
		[15, 29],
		[15, 49],
		[15, 64],
		[18, 24],
		[18, 29],
		[20, 24],
		[25, 34],
		[25, 54],
		[25, 64],
		[35, 44],
		[45, 54],
		[55, 64]
	];
	for (const [a, b] of closed) {
		out.push(
			...values(
				'age',
				`y${a}t${b}`,
				`${a}-${b}`,
				`${a}–${b}`,
				`${a} - ${b}`,
				`${a} a ${b}`,
				`${a} à ${b}`,
				`${a} to ${b}`,
				`y${a}t${b}`,
				`${a}-${b} years`,
				`${a}-${b} años`,
				`${a} a ${b} años`,
				`${a}-${b} ans`,
				`${a} à ${b} ans`
			)
		);
	}
	for (const a of [15, 18, 25, 60, 65]) {
		out.push(
			...values(
				'age',
				`y_ge${a}`,
				`${a}+`,
				`y_ge${a}`,
				`${a} and over`,
				`${a} years and over`,
				`${a} y más`,
				`${a} años y más`,
				`${a} ans et plus`
			)
		);
	}
	return out;
}

/**
 * The built-in mappings: the one list the `dimension_mapping` table is filled from (rows
 * marked built-in, kept in step at start-up by ./mappings.ts), which admins extend. Readers
 * called without the table's mappings use this list.
 */
export const BUILTIN_MAPPINGS: readonly DimensionMappingSpec[] = [
	...keys('sex', 'sex', 'sexo', 'sexe', 'gender', 'género', 'genero', 'genre'),
	...keys(
		'age',
		'age',
		'edad',
		'âge',
		'age_group',
		'age group',
		'grupo de edad',
		'grupo etario',
		"groupe d'âge",
		"tranche d'âge"
	),
	...keys(
		'migratory_status',
		'migratory_status',
		'migratory status',
		'migrant status',
		'condición migratoria',
		'condicion migratoria',
		'estatus migratorio',
		'statut migratoire'
	),
	...keys('policy_domain', 'policy_domains', 'policy_domain'),
	...keys('corridor', 'corridor', 'corredor', 'corridors', 'couloir', 'corredor de remesas'),
	...values(
		'sex',
		'male',
		'male',
		'm',
		'males',
		'men',
		'hombre',
		'hombres',
		'homme',
		'hommes',
		'masculino',
		'masculin'
	),
	...values(
		'sex',
		'female',
		'female',
		'f',
		'females',
		'women',
		'mujer',
		'mujeres',
		'femme',
		'femmes',
		'femenino',
		'féminin'
	),
	...ageBands(),
	...values(
		'migratory_status',
		'migrant',
		'migrant',
		'migrants',
		'migrante',
		'migrantes',
		'migrante(s)',
		'migrant(e)s'
	),
	...values(
		'migratory_status',
		'nonmigrant',
		'nonmigrant',
		'non-migrant',
		'non migrant',
		'non-migrants',
		'non migrants',
		'no migrante',
		'no migrantes',
		'non-migrante',
		'non-migrant(e)s'
	)
];

/** The text a mapping is compared on: lower-case, trimmed, runs of spaces as one. */
export function mappingText(text: string): string {
	return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A list of mappings as the lookup tables the Harmoniser uses (values under '*': any key). */
export function mappingTables(list: readonly DimensionMappingSpec[]): DimensionMappings {
	const k = new Map<string, string>();
	const v = new Map<string, Map<string, string>>();
	for (const m of list) {
		const from = mappingText(m.from);
		if (m.kind === 'key') k.set(from, m.to);
		else {
			const dim = m.dimension ?? '*';
			let inner = v.get(dim);
			if (!inner) v.set(dim, (inner = new Map()));
			inner.set(from, m.to);
		}
	}
	return { keys: k, values: v };
}

const BUILTIN_TABLES = mappingTables(BUILTIN_MAPPINGS);

/** Column names (lower-case, trimmed) → canonical disaggregation key (the built-in ones). */
export const DIMENSION_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
	BUILTIN_TABLES.keys
);

/** Mappings as lookup tables: column names → key; key (or '*') → cell → code. */
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

	private readonly tables: DimensionMappings;

	/** `mappings`: the dimension_mapping table's (./mappings.ts); the built-in list when null. */
	constructor(mappings: DimensionMappings | null = null) {
		this.tables = mappings ?? BUILTIN_TABLES;
	}

	/** Canonical key of a column; `fallback` (e.g. a slug of the header) when none is known. */
	key(header: string, fallback: string): string {
		const hit = this.keyCache.get(header);
		if (hit !== undefined) return hit;
		const mapped = this.tables.keys.get(mappingText(header));
		const key = mapped ?? fallback;
		this.keyCache.set(header, key);
		if (mapped !== undefined) this.note('key', header.trim(), key);
		return key;
	}

	/** Canonical code of a cell under a key; the cell itself (trimmed) when none is known. */
	value(key: string, cell: string): string {
		const c = cell.trim();
		const text = mappingText(c);
		const mapped = this.tables.values.get(key)?.get(text) ?? this.tables.values.get('*')?.get(text);
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

/**
 * Harmonises rows a reader gave with disaggregations already split into key=value (the
 * template): keys and values through the mappings, keys sorted. Answers what it mapped.
 */
export function harmoniseRows(
	rows: { disaggregation: Record<string, string> }[],
	mappings: DimensionMappings | null
): AppliedMapping[] {
	const h = new Harmoniser(mappings);
	for (const row of rows) {
		const keys = Object.keys(row.disaggregation);
		if (keys.length === 0) continue;
		const out: Record<string, string> = {};
		for (const k of keys) {
			const key = h.key(k, k);
			out[key] = h.value(key, row.disaggregation[k]);
		}
		row.disaggregation = Object.fromEntries(
			Object.keys(out)
				.sort()
				.map((k) => [k, out[k]])
		);
	}
	return h.applied;
}
