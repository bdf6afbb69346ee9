// The one import pipeline (DESIGN §8): read → map → validate → preview → commit.
//
// - read: the readers of ./index (format detected when not given) turn the CSV into
//   observation rows, row errors and skips;
// - map and validate against the database: the indicator must be in the catalogue, the
//   country in the country table, the value inside the indicator's scale, and a coordinator
//   may only import rows of their own countries (other rows are row errors);
// - preview: each valid row is compared with what is stored on the natural key (indicator,
//   country, period, disaggregation): new (rowsImported), changed (rowsUpdated: value, status,
//   source or note differ) or unchanged. A dry run stops here and writes nothing;
// - commit: one transaction with prepared statements: the import run, the inserts and updates,
//   and ONE audit entry for the whole import (file name, counts, user). An admin's import is
//   validated when it commits (and bumps the data version); a coordinator's arrives as
//   `submitted`. A file with any rejected row commits nothing unless `validOnly` is asked for.
import type { Db } from '../db';
import { assert, canImportRowsOf, isAdmin, type Actor } from '../authz';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import { observationsInserted, periodSortKey, scaleProblem } from '../observations';
import type { IndicatorRow } from '../indicators';
import { importRun, indicator } from '../db/schema';
import { MAX_IMPORT_ROWS } from '$lib/schemas/imports';
import { disaggregationKey, parsePeriod } from '$lib/progress';
import {
	ImportFormatError,
	detectFormat,
	normaliseIndicatorCode,
	readCsv,
	type ImportFormat,
	type ParsedObservation,
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
}

/** The report of DESIGN §8, with a few extra fields. */
export interface ImportReport {
	format: ImportFormat | null;
	dryRun: boolean;
	/** Data lines of the file (not the header, blank or footer lines). */
	rowsRead: number;
	/** New observations (a dry run: that would be new). */
	rowsImported: number;
	/** Stored observations whose value, status, source or note changed. */
	rowsUpdated: number;
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

interface Existing {
	id: number;
	value: number;
	status: string;
	source: string | null;
	note: string | null;
	reviewState: string;
}

interface Planned {
	row: ParsedObservation;
	ind: IndicatorRow;
	scope: string;
	disaggKey: string;
	source: string | null;
	existing: Existing | null;
}

function loadIndicators(db: Db): Map<string, IndicatorRow> {
	const rows = db.select().from(indicator).all();
	return new Map(rows.map((r) => [r.code.toLowerCase(), r]));
}

function loadExisting(db: Db, indicatorId: number): Map<string, Existing> {
	const rows = db.$client
		.prepare(
			'select id, scope_key, period, disagg_key, value, status, source, note, review_state from observation where indicator_id = ?'
		)
		.raw()
		.all(indicatorId) as [
		number,
		string,
		string,
		string,
		number,
		string,
		string | null,
		string | null,
		string
	][];
	const out = new Map<string, Existing>();
	for (const r of rows) {
		out.set(`${r[1]}\u0000${r[2]}\u0000${r[3]}`, {
			id: r[0],
			value: r[4],
			status: r[5],
			source: r[6],
			note: r[7],
			reviewState: r[8]
		});
	}
	return out;
}

function emptyReport(input: ImportInput, actor: Actor): ImportReport {
	return {
		format: input.format ?? null,
		dryRun: !!input.dryRun,
		rowsRead: 0,
		rowsImported: 0,
		rowsUpdated: 0,
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
		validOnly: !!input.validOnly
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
	const fileIndicator = input.indicator?.trim() || indicatorFromFileName(input.fileName) || null;

	// read
	let read;
	try {
		read = readCsv(input.text, input.format ?? null, {
			indicator: fileIndicator ?? undefined,
			country: input.country?.trim() || undefined
		});
	} catch (e) {
		if (!(e instanceof ImportFormatError)) throw e;
		report.format = input.format ?? safeDetect(input.text);
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
	report.rowsSkipped = read.skipped.length;
	const errors: RowError[] = [...read.errors];

	// map and validate
	const indicators = loadIndicators(db);
	const knownCountries = new Set(
		(db.$client.prepare('select iso3 from country').raw().all() as [string][]).map((r) => r[0])
	);
	const admin = isAdmin(who);
	const fileLevel = new Set<string>();
	const fileError = (message: string) => {
		if (fileLevel.has(message)) return;
		fileLevel.add(message);
		errors.push({ line: 1, column: null, message });
	};
	const planned: Planned[] = [];
	const resolvedIndicator = new Map<string, IndicatorRow | null>();
	const rowSource = input.fileName ? `Import of ${input.fileName}` : null;
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
			resolvedIndicator.set(row.indicator, ind);
		}
		if (!ind) {
			const message = `There is no indicator ${row.indicator} in the catalogue; an admin must add it first.`;
			if (read.format === 'template')
				problems.push({ line: row.line, column: 'indicator', message });
			else {
				fileError(message);
				continue;
			}
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
				problems.push({ line: row.line, column: columnOfValue(read.format), message: scale });
		}
		if (problems.length > 0 || !ind) {
			errors.push(...problems);
			continue;
		}
		planned.push({
			row,
			ind,
			scope: row.country ?? '',
			disaggKey: disaggregationKey(row.disaggregation),
			source: row.source ?? rowSource,
			existing: null
		});
	}
	errors.sort((a, b) => a.line - b.line);
	report.errors = errors;

	// preview: compare with what is stored
	const existingByIndicator = new Map<number, Map<string, Existing>>();
	const touched = new Set<string>();
	for (const p of planned) {
		let existing = existingByIndicator.get(p.ind.id);
		if (!existing) {
			existing = loadExisting(db, p.ind.id);
			existingByIndicator.set(p.ind.id, existing);
		}
		p.existing = existing.get(`${p.scope}\u0000${p.row.period}\u0000${p.disaggKey}`) ?? null;
		touched.add(p.ind.code);
		if (!p.existing) report.rowsImported++;
		else if (changed(p.existing, p)) report.rowsUpdated++;
		else report.rowsUnchanged++;
	}
	report.observations = planned.length;
	report.indicators = [...touched].sort();

	if (report.dryRun) return report;
	if (errors.length > 0 && !input.validOnly) throw importRejected(report);

	// commit
	commit(db, who, admin, input, report, planned, fileIndicator);
	return report;
}

function columnOfValue(format: ImportFormat): string | null {
	return format === 'template' ? 'value' : format === 'opensdg' ? 'Value' : null;
}

function safeDetect(text: string): ImportFormat | null {
	try {
		return detectFormat(text);
	} catch {
		return null;
	}
}

function changed(e: Existing, p: Planned): boolean {
	return (
		e.value !== p.row.value ||
		e.status !== p.row.status ||
		e.source !== p.source ||
		e.note !== (p.row.note ?? null)
	);
}

function commit(
	db: Db,
	actor: Actor,
	admin: boolean,
	input: ImportInput,
	report: ImportReport,
	planned: Planned[],
	fileIndicator: string | null
) {
	const client = db.$client;
	const insert = client.prepare(
		`insert into observation (indicator_id, country_iso3, scope_key, period, year, period_sort,
			disaggregation, disagg_key, value, status, source, note, review_state, validated, validated_at,
			import_run_id, version, created_by, updated_by, created_at, updated_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`
	);
	const updateAdmin = client.prepare(
		`update observation set value = ?, status = ?, source = ?, note = ?, review_state = 'validated',
			review_comment = null, validated = ?, validated_at = ?, import_run_id = ?,
			version = version + 1, updated_by = ?, updated_at = ? where id = ?`
	);
	const updateCoordinator = client.prepare(
		`update observation set value = ?, status = ?, source = ?, note = ?, review_state = 'submitted',
			review_comment = null, import_run_id = ?, version = version + 1, updated_by = ?, updated_at = ?
		 where id = ?`
	);
	const validateUnchanged = client.prepare(
		`update observation set review_state = 'validated', review_comment = null, validated = ?,
			validated_at = ?, updated_by = ?, updated_at = ? where id = ?`
	);
	const now = Date.now();
	const periodInfo = new Map<string, { year: number; sort: string }>();
	const disaggJson = new Map<string, string>();
	const reviewState = admin ? 'validated' : 'submitted';
	const inserted = new Set<number>();

	db.transaction((tx) => {
		const run = tx
			.insert(importRun)
			.values({
				format: report.format ?? 'unknown',
				fileName: input.fileName ?? null,
				indicatorCode: report.indicators.length === 1 ? report.indicators[0] : fileIndicator,
				countryIso3: input.country?.trim().toUpperCase() || null,
				userId: actor.id,
				dryRun: false,
				rowsRead: report.rowsRead,
				rowsImported: report.rowsImported,
				rowsUpdated: report.rowsUpdated,
				rowsSkipped: report.rowsSkipped,
				errorCount: report.errors.length
			})
			.returning({ id: importRun.id })
			.get();
		for (const p of planned) {
			const r = p.row;
			const snapshot = admin
				? JSON.stringify({
						value: r.value,
						status: r.status,
						source: p.source,
						note: r.note ?? null
					})
				: null;
			if (p.existing === null) {
				inserted.add(p.ind.id);
				let info = periodInfo.get(r.period);
				if (!info) {
					info = { year: parsePeriod(r.period).year, sort: periodSortKey(r.period) };
					periodInfo.set(r.period, info);
				}
				let json = disaggJson.get(p.disaggKey);
				if (json === undefined) {
					json = JSON.stringify(r.disaggregation);
					disaggJson.set(p.disaggKey, json);
				}
				insert.run(
					p.ind.id,
					r.country,
					p.scope,
					r.period,
					info.year,
					info.sort,
					json,
					p.disaggKey,
					r.value,
					r.status,
					p.source,
					r.note ?? null,
					reviewState,
					snapshot,
					admin ? now : null,
					run.id,
					actor.id,
					actor.id,
					now,
					now
				);
			} else if (changed(p.existing, p)) {
				if (admin) {
					updateAdmin.run(
						r.value,
						r.status,
						p.source,
						r.note ?? null,
						snapshot,
						now,
						run.id,
						actor.id,
						now,
						p.existing.id
					);
				} else {
					updateCoordinator.run(
						r.value,
						r.status,
						p.source,
						r.note ?? null,
						run.id,
						actor.id,
						now,
						p.existing.id
					);
				}
			} else if (admin && p.existing.reviewState !== 'validated') {
				validateUnchanged.run(snapshot, now, actor.id, now, p.existing.id);
			}
		}
		recordAudit(tx, {
			userId: actor.id,
			entity: 'import_run',
			entityId: run.id,
			operation: 'import',
			after: {
				fileName: input.fileName ?? null,
				format: report.format,
				indicators: report.indicators,
				country: input.country ?? null,
				user: { id: actor.id, name: actor.name, email: actor.email },
				rowsRead: report.rowsRead,
				rowsImported: report.rowsImported,
				rowsUpdated: report.rowsUpdated,
				rowsUnchanged: report.rowsUnchanged,
				rowsSkipped: report.rowsSkipped,
				errors: report.errors.length,
				validOnly: !!input.validOnly,
				reviewState
			}
		});
		for (const id of inserted) observationsInserted(tx, id);
		report.importRunId = run.id;
	});
	report.committed = true;
}

export interface ImportRunItem {
	id: number;
	format: string;
	fileName: string | null;
	indicatorCode: string | null;
	countryIso3: string | null;
	userName: string | null;
	rowsRead: number;
	rowsImported: number;
	rowsUpdated: number;
	rowsSkipped: number;
	errorCount: number;
	createdAt: string;
}

/** Recent imports: all for admins, the user's own for coordinators. */
export function listImportRuns(db: Db, actor: Actor | null, limit = 20): ImportRunItem[] {
	assert.import(actor);
	const own = !isAdmin(actor);
	const rows = db.$client
		.prepare(
			`select r.id, r.format, r.file_name as fileName, r.indicator_code as indicatorCode,
				r.country_iso3 as countryIso3, u.name as userName, r.rows_read as rowsRead,
				r.rows_imported as rowsImported, r.rows_updated as rowsUpdated, r.rows_skipped as rowsSkipped,
				r.error_count as errorCount, r.created_at as createdAt
			 from import_run r left join "user" u on u.id = r.user_id
			 where r.dry_run = 0 ${own ? 'and r.user_id = ?' : ''}
			 order by r.id desc limit ?`
		)
		.all(...(own ? [actor!.id, limit] : [limit])) as (Omit<ImportRunItem, 'createdAt'> & {
		createdAt: number;
	})[];
	return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}
