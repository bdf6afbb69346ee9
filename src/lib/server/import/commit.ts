// The commit of an import (DESIGN §8): in one transaction, the import run, every planned row
// through the one write path of observations (observations/write.ts: the review rules, a new
// version in the value history, an audit entry per value) and one audit entry for the whole
// import (file, counts, user).
import type { Db } from '../db';
import { isAdmin, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import type { IndicatorRow } from '../indicators/catalogue';
import { importRun } from '../db/schema';
import { readSnapshot } from '../observations/records';
import { ObservationWriter, type StoredObservation } from '../observations/write';
import type { ParsedObservation } from './index';
import type { ImportChange, ImportInput, ImportReport } from './pipeline';

/** A valid row of the file, with what is stored on its natural key. */
export interface Planned {
	row: ParsedObservation;
	ind: IndicatorRow;
	scope: string;
	disaggKey: string;
	source: string | null;
	existing: StoredObservation | null;
}

type StoredRow = [
	id: number,
	scopeKey: string,
	period: string,
	disaggKey: string,
	country: string | null,
	disaggregation: string,
	value: number,
	status: 'provisional' | 'final',
	source: string | null,
	note: string | null,
	reviewState: 'draft' | 'submitted' | 'validated',
	reviewComment: string | null,
	validated: string | null,
	validatedAt: number | null,
	version: number,
	importRunId: number | null
];

/** The stored observations of one indicator by natural key (scope \0 period \0 disaggKey). */
export function loadExisting(db: Db, indicatorId: number): Map<string, StoredObservation> {
	const rows = db.$client
		.prepare(
			`select id, scope_key, period, disagg_key, country_iso3, disaggregation, value, status,
				source, note, review_state, review_comment, validated, validated_at, version, import_run_id
			 from observation where indicator_id = ?`
		)
		.raw()
		.all(indicatorId) as StoredRow[];
	const out = new Map<string, StoredObservation>();
	for (const r of rows) {
		out.set(`${r[1]}\u0000${r[2]}\u0000${r[3]}`, {
			id: r[0],
			indicatorId,
			country: r[4],
			period: r[2],
			disaggregation: JSON.parse(r[5]) as Record<string, string>,
			value: r[6],
			status: r[7],
			source: r[8],
			note: r[9],
			reviewState: r[10],
			reviewComment: r[11],
			validated: readSnapshot(r[12]),
			validatedAt: r[13],
			version: r[14],
			importRunId: r[15]
		});
	}
	return out;
}

export function commitImport(
	db: Db,
	actor: Actor,
	input: ImportInput,
	report: ImportReport,
	planned: Planned[],
	removals: StoredObservation[],
	fileIndicator: string | null
) {
	const reviewState = isAdmin(actor) ? 'validated' : 'submitted';
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
				rowsAnnotated: report.rowsAnnotated,
				rowsSkipped: report.rowsSkipped,
				errorCount: report.errors.length
			})
			.returning({ id: importRun.id })
			.get();
		const writer = new ObservationWriter(db, actor, { origin: 'import', importRunId: run.id });
		for (const id of new Set(planned.map((p) => p.ind.id))) writer.keepVersionsOf(id);
		// series=replace: values the file no longer holds go, their history kept for the undo
		for (const stored of removals) writer.remove(stored, true);
		for (const p of planned) {
			const r = p.row;
			const values = { value: r.value, status: r.status, source: p.source, note: r.note ?? null };
			if (p.existing === null) {
				writer.create(
					{
						indicatorId: p.ind.id,
						country: r.country,
						region: r.region ?? null,
						period: r.period,
						disaggregation: r.disaggregation,
						disaggKey: p.disaggKey,
						...values
					},
					r.line
				);
			} else {
				writer.update(p.existing, values, r.line);
			}
		}
		writer.finish();
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
				rowsAnnotated: report.rowsAnnotated,
				rowsUnchanged: report.rowsUnchanged,
				rowsSkipped: report.rowsSkipped,
				series: report.series,
				rowsRemoved: report.rowsRemoved,
				outliers: report.outliers.length,
				changes: report.changes.length,
				errors: report.errors.length,
				validOnly: !!input.validOnly,
				unit: report.unit,
				unitMultipliers: report.unitMultipliers,
				dimensionMappings: report.dimensionMappings,
				reviewState
			}
		});
		report.importRunId = run.id;
	});
	report.committed = true;
}

/** The fields a planned row changes in its stored observation. */
export function changesOf(p: Planned): ImportChange[] {
	const e = p.existing;
	if (!e) return [];
	const next = {
		value: p.row.value,
		status: p.row.status,
		source: p.source,
		note: p.row.note ?? null
	};
	const out: ImportChange[] = [];
	for (const field of ['value', 'status', 'source', 'note'] as const) {
		if (e[field] === next[field]) continue;
		out.push({
			line: p.row.line,
			observationId: e.id,
			country: p.row.country,
			period: p.row.period,
			disaggregation: p.row.disaggregation,
			field,
			before: e[field],
			after: next[field]
		});
	}
	return out;
}
