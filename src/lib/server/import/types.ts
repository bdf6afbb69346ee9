import type { AppliedMapping, DimensionMappings } from './dimensions';
import type { AppliedMultiplier } from './units';
import type { CsvTable } from './csv';

/** The CSV formats the import pipeline can read (DESIGN §8); `profile` = any layout, mapped. */
export type ImportFormat = 'opensdg' | 'databank' | 'sdg-ddf' | 'template' | 'sdmx-csv' | 'profile';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
	'opensdg',
	'databank',
	'sdg-ddf',
	'sdmx-csv',
	'template'
];

/** One observation read from a file, normalised but not yet checked against the database. */
export interface ParsedObservation {
	/** 1-based line number in the file (the header is line 1). */
	line: number;
	/** Indicator code (e.g. '10.c.1'); null when neither the file nor the caller gives one. */
	indicator: string | null;
	/** ISO 3166-1 alpha-3 code; null = regional (RCM-wide, or the M49 region below). */
	country: string | null;
	/** M49 code of a regional aggregate kept as a regional series (`013`); country is null. */
	region?: string | null;
	/** '2023' | '2023-Q2' | '2023-05' | '2016/2021' */
	period: string;
	/** Small key → value map; {} = headline. Keys are sorted. */
	disaggregation: Record<string, string>;
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
}

/** A rejected row (or, with line 1 and column null, a problem with the whole file). */
export interface RowError {
	line: number;
	column: string | null;
	message: string;
}

/** A row left out on purpose (a missing value, a regional aggregate); not an error. */
export interface RowSkip {
	line: number;
	reason: string;
}

export interface ReadResult {
	format: ImportFormat;
	/** Data rows seen: not counting the header, blank lines and footer lines. */
	rowsRead: number;
	rows: ParsedObservation[];
	errors: RowError[];
	skipped: RowSkip[];
	/** Column names and values mapped to canonical keys and codes ("Sexo → sex"). */
	mappings?: AppliedMapping[];
	/** The unit the file states (its one `Units`/`UNIT_MEASURE`/`units` value), if any. */
	unit?: string | null;
	/** Unit multipliers applied to values (`Thousands` → × 1000). */
	multipliers?: AppliedMultiplier[];
}

export interface ReadOptions {
	/** Indicator code for formats whose rows do not name one (opensdg, sdg-ddf, databank). */
	indicator?: string;
	/** ISO3 code of the country a national platform's file (no geography column) describes. */
	country?: string;
	/** The dimension mappings (the dimension_mapping table); the built-in ones when absent. */
	dimensionMappings?: DimensionMappings | null;
	/** Keep M49 regional aggregates as rows with `region` (the pipeline decides per indicator). */
	keepRegions?: boolean;
	/** A spreadsheet's sheet, already read into a table (XLSX in): the text is then ignored. */
	table?: CsvTable | null;
}
