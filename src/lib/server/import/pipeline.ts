// The one import pipeline (DESIGN §8): read → map → validate → preview → commit.
//
// - read: the readers of ./index (format detected when not given) turn the CSV into
//   observation rows, row errors and skips;
// - map and validate against the database: the indicator must be in the catalogue, the
//   country in the country table, the value inside the indicator's scale, and a coordinator
//   may only import rows of their own countries (other rows are row errors);
// - preview: each valid row is compared with what is stored on the natural key (indicator,
//   country, period, disaggregation): new (rowsImported), new value or status (rowsUpdated),
//   new source or note text only (rowsAnnotated) or unchanged; every changed field of a stored
//   value is listed in `changes` (old → new). A dry run stops here and writes nothing;
// - commit (commit.ts): one transaction: the import run, then every row through the one write
//   path of observations (observations/write.ts: review rules, value history, audit), and one
//   audit entry for the whole import. A file with any rejected row commits nothing unless
//   `validOnly` is asked for.
// Runs are listed, read and undone in runs.ts.
import type { Db } from '../db';
import { assert, canImportRowsOf, isAdmin, type Actor } from '../auth/authz';
import { AppError } from '../http/errors';
import { scaleProblem } from '../observations/upsert';
import type { IndicatorRow } from '../indicators/catalogue';
import { indicator } from '../db/schema';
import { MAX_IMPORT_ROWS } from '$lib/schemas/imports';
import { disaggregationKey } from '$lib/progress';
import { commitImport, type Planned } from './commit';
import {
	compareWithStored,
	type ImportOutlier,
	type ImportRemoval,
	type SeriesPolicy
} from './compare';
import { harmoniseRows, type AppliedMapping } from './dimensions';
import { unitConflict, type AppliedMultiplier } from './units';
import type { SpreadsheetInput } from './xlsx';
import type { ExistingPolicy } from './ranking';
import { loadDimensionMappings } from './mappings';
import { regionSkipReason } from './countries';
import {
	ImportFormatError,
	detectFormat,
	normaliseIndicatorCode,
	readCsv,
	readWithProfile,
	type ImportFormat,
	type ImportProfileSpec,
	type RowError,
	type RowSkip
} from './index';

export interface ImportInput {
	/** The CSV text (a BOM is fine). */
	text: string;
	fileName?: string | null;
	/** Detected from the header when not given. */
	format?: ImportFormat | null;
	/** Indicator code for files whose rows name none (Open SDG, DDF, DataBank). */
	indicator?: string | null;
	/** ISO3 of the country a national platform's file (no geography column) describes. */
	country?: string | null;
	dryRun?: boolean;
	/** Commit the valid rows even when some rows are rejected. */
	validOnly?: boolean;
	/** What to do with stored values the file would change (default prefer-ranked). */
	existing?: ExistingPolicy | null;
	/** `replace`: also remove the stored values of the file's indicator × geographies that the
	 * file no longer holds (with their history: undoing the import puts them back). */
	series?: SeriesPolicy | null;
	/** A file of any layout, mapped by an import profile (format `profile`). */
	profile?: ImportProfileSpec | null;
	/** A saved profile's id (`?profile=`); import/profiles.ts puts its spec in `profile`. */
	profileId?: number | null;
	/** An Excel workbook's sheet, read (xlsx.ts): then `text` is ignored. */
	spreadsheet?: SpreadsheetInput | null;
}

/** The report of DESIGN §8, with a few extra fields. */
export interface ImportReport {
	format: ImportFormat | null;
	dryRun: boolean;
	/** Data lines of the file (not the header, blank or footer lines). */
	rowsRead: number;
	/** New observations (a dry run: that would be new). */
	rowsImported: number;
	/** Stored observations whose value or status changes. */
	rowsUpdated: number;
	/** Stored observations whose only change is their source or note text. */
	rowsAnnotated: number;
	/** Every changed field of a stored observation, old → new, in the order of the file. */
	changes: ImportChange[];
	/** Lines left out on purpose (a missing value, a regional aggregate). */
	rowsSkipped: number;
	errors: RowError[];
	skipped: RowSkip[];
	/** Valid observations identical to what is stored. */
	rowsUnchanged: number;
	/** Valid observations found in the file. */
	observations: number;
	/** Whether anything was written. */
	committed: boolean;
	importRunId: number | null;
	fileName: string | null;
	/** Indicator codes the valid observations belong to. */
	indicators: string[];
	/** The review state committed observations get: validated (admin) or submitted. */
	reviewState: 'validated' | 'submitted';
	validOnly: boolean;
	/** Column names and values mapped to canonical keys and codes ("Sexo → sex"). */
	dimensionMappings: AppliedMapping[];
	/** The unit the file states, if any. */
	unit: string | null;
	/** Unit multipliers applied to the file's values (`Thousands` → × 1000). */
	unitMultipliers: AppliedMultiplier[];
	/** An Excel workbook: the sheet read, and every sheet it has (null, [] for a CSV). */
	sheet: string | null;
	sheets: string[];
	/** Values flagged for a second look (far from their series); they import when confirmed. */
	outliers: ImportOutlier[];
	/** `replace`: the file replaces whole series; `removals` lists what it removes. */
	series: SeriesPolicy;
	rowsRemoved: number;
	removals: ImportRemoval[];
}

/** One changed field of a stored observation. */
export interface ImportChange {
	line: number;
	observationId: number;
	country: string | null;
	period: string;
	disaggregation: Record<string, string>;
	field: 'value' | 'status' | 'source' | 'note';
	before: number | string | null;
	after: number | string | null;
}

/** `indicator_10-7-4.csv` (Open SDG file names) → `10.7.4`; null when the name says nothing. */
export function indicatorFromFileName(fileName: string | null | undefined): string | null {
	if (!fileName) return null;
	const m = /indicator_(\d{1,2})-([0-9a-z]{1,2})-(\d{1,2})(?:\.|$)/i.exec(fileName);
	return m ? `${m[1]}.${m[2].toLowerCase()}.${m[3]}` : null;
}

/** Thrown (422) when a commit is refused because rows were rejected; details = the report. */
export function tooManyRows(n: number): AppError {
	return new AppError(
		413,
		'payload_too_large',
		`The file holds ${n.toLocaleString('en')} values; one import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en')}. Split it (by indicator or by period) and import the parts; nothing was imported.`
	);
}

export function importRejected(report: ImportReport): AppError {
	const n = report.errors.length;
	return new AppError(
		422,
		'import_rejected',
		n === 1
			? 'The file has 1 problem; nothing was imported. Fix it, or import the valid rows only.'
			: `The file has ${n} problems; nothing was imported. Fix them, or import the valid rows only.`,
		report.errors.slice(0, 100).map((e) => ({
			path: e.column ? `line ${e.line}, ${e.column}` : `line ${e.line}`,
			message: e.message
		})),
		report
	);
}

function loadIndicators(db: Db): Map<string, IndicatorRow> {
	const rows = db.select().from(indicator).all();
	return new Map(rows.map((r) => [r.code.toLowerCase(), r]));
}

function emptyReport(input: ImportInput, actor: Actor): ImportReport {
	return {
		format: input.format ?? null,
		dryRun: !!input.dryRun,
		rowsRead: 0,
		rowsImported: 0,
		rowsUpdated: 0,
		rowsAnnotated: 0,
		changes: [],
		rowsSkipped: 0,
		errors: [],
		skipped: [],
		rowsUnchanged: 0,
		observations: 0,
		committed: false,
		importRunId: null,
		fileName: input.fileName ?? null,
		indicators: [],
		reviewState: isAdmin(actor) ? 'validated' : 'submitted',
		validOnly: !!input.validOnly,
		dimensionMappings: [],
		unit: null,
		unitMultipliers: [],
		sheet: input.spreadsheet?.sheet ?? null,
		sheets: input.spreadsheet?.sheets ?? [],
		outliers: [],
		series: input.series ?? 'keep',
		rowsRemoved: 0,
		removals: []
	};
}

/**
 * Runs an import: a dry run returns the report and writes nothing; otherwise the valid rows are
 * committed in one transaction (all of them, or none when a row is rejected and `validOnly` is
 * not set: then a 422 `import_rejected` error carries the report).
 */
export function runImport(db: Db, actor: Actor | null, input: ImportInput): ImportReport {
	assert.import(actor);
	const who = actor!;
	const report = emptyReport(input, who);
	const fileIndicator =
		input.indicator?.trim() ||
		input.profile?.indicator ||
		indicatorFromFileName(input.fileName) ||
		null;

	// read
	let read;
	try {
		const opts = {
			indicator: fileIndicator ?? undefined,
			country: input.country?.trim() || undefined,
			dimensionMappings: loadDimensionMappings(db),
			keepRegions: true,
			table: input.spreadsheet?.table ?? null
		};
		read = input.profile
			? readWithProfile(input.text, { ...input.profile, indicator: fileIndicator! }, opts)
			: readCsv(input.text, input.format ?? null, opts);
	} catch (e) {
		if (!(e instanceof ImportFormatError)) throw e;
		report.format = input.profile
			? 'profile'
			: (input.format ?? (input.spreadsheet ? null : safeDetect(input.text)));
		report.errors.push({
			line: 1,
			column: e.missingColumns.length ? e.missingColumns.join(', ') : null,
			message: e.message
		});
		if (!report.dryRun) throw importRejected(report);
		return report;
	}
	const values = Math.max(read.rows.length, read.rowsRead);
	if (values > MAX_IMPORT_ROWS) throw tooManyRows(values);
	report.format = read.format;
	report.rowsRead = read.rowsRead;
	report.skipped = read.skipped;
	// The template's key=value disaggregations are harmonised here (SDMX-CSV keeps the codes of
	// its own code lists, sdmx/codes.ts, so that what Avance writes reads back the same).
	report.dimensionMappings =
		read.format === 'template'
			? harmoniseRows(read.rows, loadDimensionMappings(db))
			: (read.mappings ?? []);
	report.unit = read.unit ?? null;
	report.unitMultipliers = read.multipliers ?? [];
	report.rowsSkipped = read.skipped.length;
	const errors: RowError[] = [...read.errors];

	// map and validate
	const indicators = loadIndicators(db);
	const knownCountries = new Set(
		(db.$client.prepare('select iso3 from country').raw().all() as [string][]).map((r) => r[0])
	);
	const fileLevel = new Set<string>();
	const fileError = (message: string) => {
		if (fileLevel.has(message)) return;
		fileLevel.add(message);
		errors.push({ line: 1, column: null, message });
	};
	const planned: Planned[] = [];
	const resolvedIndicator = new Map<string, IndicatorRow | null>();
	const unitRefused = new Set<string>();
	const rowSource = input.fileName ? `Import of ${input.fileName}` : null;
	let regionSkips = 0;
	for (const row of read.rows) {
		const problems: RowError[] = [];
		let ind: IndicatorRow | null = null;
		if (row.indicator === null) {
			fileError(
				'The file does not name its indicator: choose the indicator it holds (e.g. 10.7.4).'
			);
			continue;
		}
		ind = resolvedIndicator.get(row.indicator) ?? null;
		if (!resolvedIndicator.has(row.indicator)) {
			const code = normaliseIndicatorCode(row.indicator) ?? row.indicator;
			ind = indicators.get(code.toLowerCase()) ?? null;
			const conflict = ind ? unitConflict(read.unit, ind.code, ind.unit) : null;
			if (conflict) {
				errors.push({ line: 1, column: unitColumn(read.format), message: conflict });
				unitRefused.add(row.indicator);
			}
			resolvedIndicator.set(row.indicator, ind);
		}
		if (unitRefused.has(row.indicator)) continue;
		if (!ind) {
			const message = `There is no indicator ${row.indicator} in the catalogue; an admin must add it first.`;
			if (read.format === 'template')
				problems.push({ line: row.line, column: 'indicator', message });
			else {
				fileError(message);
				continue;
			}
		}
		if (row.region && ind && !ind.regional) {
			// A regional aggregate of an indicator that holds no regional series: left out.
			report.skipped.push({ line: row.line, reason: regionSkipReason(row.region) });
			report.rowsSkipped++;
			regionSkips++;
			continue;
		}
		if (row.country !== null && !knownCountries.has(row.country)) {
			problems.push({
				line: row.line,
				column: read.format === 'template' ? 'country' : null,
				message: `Unknown country ${row.country}.`
			});
		} else if (!canImportRowsOf(who, row.country)) {
			problems.push({
				line: row.line,
				column: read.format === 'template' ? 'country' : null,
				message:
					row.country === null
						? 'Only the secretariat may import regional values.'
						: `You may only import values of your own countries; this row is for ${row.country}.`
			});
		}
		if (ind) {
			const scale = scaleProblem(ind, row.value);
			if (scale)
				problems.push({
					line: row.line,
					column: input.profile?.value.column ?? columnOfValue(read.format),
					message: scale
				});
		}
		if (problems.length > 0 || !ind) {
			errors.push(...problems);
			continue;
		}
		planned.push({
			row,
			ind,
			scope: row.country ?? row.region ?? '',
			disaggKey: disaggregationKey(row.disaggregation),
			source: row.source ?? rowSource,
			existing: null
		});
	}
	errors.sort((a, b) => a.line - b.line);
	report.errors = errors;
	if (regionSkips > 0) report.skipped.sort((a, b) => a.line - b.line);

	// preview: compare with what is stored (compare.ts)
	const { planned: rows, removals } = compareWithStored(db, input, report, planned);

	if (report.dryRun) return report;
	if (errors.length > 0 && !input.validOnly) throw importRejected(report);

	// commit
	commitImport(db, who, input, report, rows, removals, fileIndicator);
	return report;
}

function columnOfValue(format: ImportFormat): string | null {
	return format === 'template' ? 'value' : format === 'opensdg' ? 'Value' : null;
}

function unitColumn(format: ImportFormat): string {
	return format === 'sdmx-csv' ? 'UNIT_MEASURE' : format === 'sdg-ddf' ? 'units' : 'Units';
}

function safeDetect(text: string): ImportFormat | null {
	try {
		return detectFormat(text);
	} catch {
		return null;
	}
}
