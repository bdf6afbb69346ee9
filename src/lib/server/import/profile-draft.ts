// Import profiles drafted on the page (issue 15 §4): an unsaved mapping tried on an uploaded
// file before anything is saved or written — the pipeline's dry run with the spec (counts,
// rejected rows naming their line and column, skipped rows with their reasons) and the series
// the mapping gives (geography × period × disaggregation, member states first) — and saved
// through the one write path of profiles (profiles.ts) once the file it was tried on reads
// without a file-level error (a missing column, a pattern that matches no period).
import type { Db } from '../db';
import type { Locale } from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { AppError, invalid } from '../http/errors';
import { listCountries } from '../declaration/countries';
import type { ProfileSpecInput, ProfileUpdateInput } from '$lib/schemas/import-profiles';
import { ImportFormatError, readWithProfile, type ImportProfileSpec } from './index';
import { loadDimensionMappings } from './mappings';
import { runImport, type ImportReport } from './pipeline';
import {
	checkedProfileSpec,
	createImportProfile,
	updateImportProfile,
	type ImportProfileItem
} from './profiles';
import type { ExistingPolicy } from './ranking';
import type { SpreadsheetInput } from './xlsx';

/** Series rows a draft preview lists (the total is counted). */
export const DRAFT_SERIES_SHOWN = 300;

/** The file a draft is tried on: a CSV's text, or a workbook's sheet, read. */
export interface DraftFile {
	text: string;
	fileName?: string | null;
	spreadsheet?: SpreadsheetInput | null;
}

/** One value the mapping gives, with the number of records it combines. */
export interface DraftSeriesRow {
	country: string | null;
	countryName: string | null;
	member: boolean;
	period: string;
	disaggregation: Record<string, string>;
	value: number;
	records: number;
}

export interface ProfileDraftPreview {
	report: ImportReport;
	series: DraftSeriesRow[];
	seriesTotal: number;
	/** Distinct geographies and periods of the series. */
	geographies: number;
	periods: number;
}

/** `sum of 12 records` (the profile reader's note on an aggregated value) → 12. */
function recordsOf(note: string | null): number {
	const m = note ? /of (\d+) records$/.exec(note) : null;
	return m ? Number(m[1]) : 1;
}

/** A file-level problem (line 1: a missing column, a pattern that matches no period). */
export function fileLevelErrors(report: ImportReport) {
	return report.errors.filter((e) => e.line <= 1);
}

/**
 * The dry run of an unsaved mapping on a file: writes nothing (no profile, no value). 403 for
 * those who may not save profiles; 422 naming the indicator when the catalogue has none.
 */
export function previewProfileDraft(
	db: Db,
	actor: Actor | null,
	file: DraftFile,
	body: ProfileSpecInput,
	opts: { existing?: ExistingPolicy | null; locale?: Locale } = {}
): ProfileDraftPreview {
	assert.manageImportProfile(actor);
	const spec: ImportProfileSpec = checkedProfileSpec(db, body);
	const report = runImport(db, actor, {
		text: file.text,
		fileName: file.fileName ?? null,
		spreadsheet: file.spreadsheet ?? null,
		profile: spec,
		existing: opts.existing ?? null,
		dryRun: true
	});
	let rows: ReturnType<typeof readWithProfile>['rows'] = [];
	try {
		rows = readWithProfile(file.text, spec, {
			indicator: spec.indicator,
			dimensionMappings: loadDimensionMappings(db),
			keepRegions: true,
			table: file.spreadsheet?.table ?? null
		}).rows;
	} catch (e) {
		if (!(e instanceof ImportFormatError)) throw e;
	}
	const countries = new Map(
		listCountries(db, { locale: opts.locale ?? 'en' }).map((c) => [c.iso3, c])
	);
	const order = new Map([...countries.keys()].map((iso3, i) => [iso3, i]));
	const series: DraftSeriesRow[] = rows.map((r) => {
		const c = r.country ? countries.get(r.country) : undefined;
		return {
			country: r.country,
			countryName: c?.name ?? r.country,
			member: c?.member ?? false,
			period: r.period,
			disaggregation: r.disaggregation,
			value: r.value,
			records: recordsOf(r.note)
		};
	});
	const rank = (r: DraftSeriesRow) => order.get(r.country ?? '') ?? Number.MAX_SAFE_INTEGER;
	series.sort(
		(a, b) =>
			Number(b.member) - Number(a.member) ||
			rank(a) - rank(b) ||
			a.period.localeCompare(b.period) ||
			JSON.stringify(a.disaggregation).localeCompare(JSON.stringify(b.disaggregation))
	);
	return {
		report,
		series: series.slice(0, DRAFT_SERIES_SHOWN),
		seriesTotal: series.length,
		geographies: new Set(series.map((r) => r.country)).size,
		periods: new Set(series.map((r) => r.period)).size
	};
}

/**
 * Saves a draft (a new profile, or a new version of `id`): when the file it was tried on is
 * given, a mapping that file refuses as a whole (a missing column, a pattern matching no period)
 * is refused (422, the dry run's report in `details`) and nothing is saved.
 */
export function saveProfileDraft(
	db: Db,
	actor: Actor | null,
	body: ProfileSpecInput | ProfileUpdateInput,
	opts: { id?: number | null; file?: DraftFile | null } = {}
): ImportProfileItem {
	assert.manageImportProfile(actor);
	if (opts.file) {
		const { report } = previewProfileDraft(db, actor, opts.file, body);
		const problems = fileLevelErrors(report);
		if (problems.length > 0) {
			throw new AppError(
				422,
				'invalid',
				problems[0].message,
				problems.map((e) => ({ path: e.column ?? 'file', message: e.message })),
				report
			);
		}
	}
	if (opts.id != null) {
		if (!('version' in body)) throw invalid('Send the version you read.');
		return updateImportProfile(db, actor, opts.id, body);
	}
	return createImportProfile(db, actor, body);
}
