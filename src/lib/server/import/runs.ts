// Import runs: the list (GET /imports), one run with every change it made (GET /imports/{id})
// and its undo (POST /imports/{id}/revert: admins only), which puts back the version each value
// had before the run and removes the values it created, in one transaction, through the one
// write path of observations — refused (409, listing them) when a later change touched any.
import type { Db } from '../db';
import { assert, isAdmin, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, notFound } from '../http/errors';
import { readSnapshot, type ObservationRow } from '../observations/records';
import type { RemovedObservation } from '../observations/removal';
import { ObservationWriter, type StoredObservation } from '../observations/write';
import { importRun } from '../db/schema';
import type { ImportChange } from './pipeline';
import { eq } from 'drizzle-orm';

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
	rowsAnnotated: number;
	rowsSkipped: number;
	errorCount: number;
	createdAt: string;
	/** When an admin undid the run; null while it stands. */
	revertedAt: string | null;
}

const RUN_COLUMNS = `r.id, r.format, r.file_name as fileName, r.indicator_code as indicatorCode,
	r.country_iso3 as countryIso3, u.name as userName, r.rows_read as rowsRead,
	r.rows_imported as rowsImported, r.rows_updated as rowsUpdated,
	r.rows_annotated as rowsAnnotated, r.rows_skipped as rowsSkipped, r.error_count as errorCount,
	r.created_at as createdAt, r.reverted_at as revertedAt, r.user_id as userId`;

type RunRow = Omit<ImportRunItem, 'createdAt' | 'revertedAt'> & {
	createdAt: number;
	revertedAt: number | null;
	userId: string | null;
};

function item({ userId: _userId, ...r }: RunRow): ImportRunItem {
	return {
		...r,
		createdAt: new Date(r.createdAt).toISOString(),
		revertedAt: r.revertedAt === null ? null : new Date(r.revertedAt).toISOString()
	};
}

/** Recent imports: all for admins, the user's own for coordinators. */
export function listImportRuns(db: Db, actor: Actor | null, limit = 20): ImportRunItem[] {
	assert.import(actor);
	const own = !isAdmin(actor);
	const rows = db.$client
		.prepare(
			`select ${RUN_COLUMNS} from import_run r left join "user" u on u.id = r.user_id
			 where r.dry_run = 0 ${own ? 'and r.user_id = ?' : ''}
			 order by r.id desc limit ?`
		)
		.all(...(own ? [actor!.id, limit] : [limit])) as RunRow[];
	return rows.map(item);
}

export interface ImportRunDetail extends ImportRunItem {
	/** Every changed field of a value that was stored before the run, old → new. */
	changes: ImportChange[];
}

/** One run with its changes: admins, or the coordinator who ran it; 404 otherwise. */
export function getImportRun(db: Db, actor: Actor | null, id: number): ImportRunDetail {
	assert.import(actor);
	const row = db.$client
		.prepare(
			`select ${RUN_COLUMNS} from import_run r left join "user" u on u.id = r.user_id
			 where r.id = ? and r.dry_run = 0`
		)
		.get(id) as RunRow | undefined;
	if (!row || (!isAdmin(actor) && row.userId !== actor!.id))
		throw notFound(`There is no import ${id}.`);
	return { ...item(row), changes: runChanges(db, id) };
}

type ChangeRow = {
	line: number | null;
	observationId: number;
	country: string | null;
	period: string;
	disaggregation: string;
	value: number;
	status: string;
	source: string | null;
	note: string | null;
	pValue: number;
	pStatus: string;
	pSource: string | null;
	pNote: string | null;
};

/** The run's versions compared with the version before each (values it created have none). */
function runChanges(db: Db, runId: number): ImportChange[] {
	const rows = db.$client
		.prepare(
			`select v.line, v.observation_id as observationId, o.country_iso3 as country, o.period,
				o.disaggregation, v.value, v.status, v.source, v.note, p.value as pValue,
				p.status as pStatus, p.source as pSource, p.note as pNote
			 from observation_version v
			 join observation o on o.id = v.observation_id
			 join observation_version p on p.id = (select max(x.id) from observation_version x
				where x.observation_id = v.observation_id and x.id < v.id)
			 where v.import_run_id = ? and v.revert = 0
			 order by v.line, v.id`
		)
		.all(runId) as ChangeRow[];
	const out: ImportChange[] = [];
	for (const r of rows) {
		const disaggregation = JSON.parse(r.disaggregation) as Record<string, string>;
		const pairs = [
			['value', r.pValue, r.value],
			['status', r.pStatus, r.status],
			['source', r.pSource, r.source],
			['note', r.pNote, r.note]
		] as const;
		for (const [field, before, after] of pairs) {
			if (before === after) continue;
			out.push({
				line: r.line ?? 0,
				observationId: r.observationId,
				country: r.country,
				period: r.period,
				disaggregation,
				field,
				before,
				after
			});
		}
	}
	return out;
}

/** A value the run wrote: its first and last version of the run, and its latest version. */
type Touched = { firstId: number; lastId: number; observationId: number; latestId: number };

/** A value changed after the run, listed in the 409 of its undo. */
export interface RevertConflictRow {
	observationId: number;
	country: string | null;
	period: string;
	disaggregation: Record<string, string>;
	changedAt: string;
	origin: string;
	changedBy: string | null;
}

/** The values a later change touched, for the 409 of an undo. */
function laterChanges(db: Db, touched: Touched[]): RevertConflictRow[] {
	const later = touched.filter((t) => t.latestId !== t.lastId);
	const stmt = db.$client.prepare(
		`select o.id as observationId, o.country_iso3 as country, o.period, o.disaggregation,
			v.changed_at as changedAt, v.origin, u.name as changedBy
		 from observation o join observation_version v on v.id = ?
		 left join "user" u on u.id = v.changed_by where o.id = ?`
	);
	return later.map((t) => {
		const r = stmt.get(t.latestId, t.observationId) as {
			observationId: number;
			country: string | null;
			period: string;
			disaggregation: string;
			changedAt: number;
			origin: string;
			changedBy: string | null;
		};
		return {
			...r,
			disaggregation: JSON.parse(r.disaggregation) as Record<string, string>,
			changedAt: new Date(r.changedAt).toISOString()
		};
	});
}

/**
 * Undoes an import run: each value it changed goes back to its previous version (a new
 * version, marked as a revert), each value it created is removed; one transaction, audited.
 * 409 when the run was undone already or a later change touched any of its values.
 */
export function revertImportRun(
	db: Db,
	actor: Actor | null,
	id: number
): { restored: number; removed: number } {
	assert.revertImport(actor);
	const who = actor!;
	return db.transaction((tx) => {
		const run = tx.select().from(importRun).where(eq(importRun.id, id)).get();
		if (!run || run.dryRun) throw notFound(`There is no import ${id}.`);
		if (run.revertedAt) throw conflict(`Import ${id} was undone already.`);
		const touched = db.$client
			.prepare(
				`select min(v.id) as firstId, max(v.id) as lastId, v.observation_id as observationId,
					(select max(x.id) from observation_version x where x.observation_id = v.observation_id)
						as latestId
				 from observation_version v where v.import_run_id = ? and v.revert = 0
				 group by v.observation_id order by firstId`
			)
			.all(id) as Touched[];
		const later = laterChanges(db, touched);
		if (later.length > 0) {
			throw conflict(
				later.length === 1
					? `1 value of import ${id} was changed after it; nothing was undone.`
					: `${later.length} values of import ${id} were changed after it; nothing was undone.`,
				{ rows: later }
			);
		}
		const rowOf = db.$client.prepare('select * from observation where id = ?');
		const previousOf = db.$client.prepare(
			`select value, status, source, note, review_state as reviewState,
				review_comment as reviewComment, validated, changed_at as changedAt,
				import_run_id as importRunId
			 from observation_version where observation_id = ? and id < ? order by id desc limit 1`
		);
		// Values the run removed when it replaced whole series (their row and versions are in the
		// audit entry of the removal), read before this undo writes audit entries of its own.
		const seriesRemovals = (
			db.$client
				.prepare(
					`select before from audit_entry where entity = 'observation' and operation = 'delete'
						and note = ? and json_extract(before, '$.removed') is not null order by id`
				)
				.all(`import ${id}`) as { before: string }[]
		).map((r) => (JSON.parse(r.before) as { removed: RemovedObservation }).removed);
		const writer = new ObservationWriter(db, who, { origin: 'import', importRunId: id });
		let restored = 0;
		let removed = 0;
		for (const t of touched) {
			const current = storedFromRaw(rowOf.get(t.observationId) as RawObservation);
			const prev = previousOf.get(t.observationId, t.firstId) as PreviousRow | undefined;
			if (!prev) {
				writer.remove(current);
				removed++;
				continue;
			}
			const validated = readSnapshot(prev.validated);
			writer.restore(current, {
				value: prev.value,
				status: prev.status,
				source: prev.source,
				note: prev.note,
				reviewState: prev.reviewState,
				reviewComment: prev.reviewComment,
				validated,
				validatedAt: validated ? (current.validatedAt ?? prev.changedAt) : null,
				importRunId: prev.importRunId
			});
			restored++;
		}
		for (const r of seriesRemovals) {
			const current = storedFromRaw(r.row as RawObservation);
			if (!writer.reinstate(r, current)) {
				throw conflict(
					`A value removed by import ${id} (${current.country ?? 'region'} ${current.period}) has been entered again since; nothing was undone.`
				);
			}
			restored++;
		}
		writer.finish();
		tx.update(importRun)
			.set({ revertedAt: new Date(), revertedBy: who.id })
			.where(eq(importRun.id, id))
			.run();
		recordAudit(tx, {
			userId: who.id,
			entity: 'import_run',
			entityId: id,
			operation: 'revert',
			before: { fileName: run.fileName, createdAt: run.createdAt.toISOString() },
			after: { restored, removed }
		});
		return { restored, removed };
	});
}

type PreviousRow = {
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
	reviewState: 'draft' | 'submitted' | 'validated';
	reviewComment: string | null;
	validated: string | null;
	changedAt: number;
	importRunId: number | null;
};

type RawObservation = Record<string, unknown> & {
	id: number;
	indicator_id: number;
	country_iso3: string | null;
	period: string;
	disaggregation: string;
	value: number;
	status: ObservationRow['status'];
	source: string | null;
	note: string | null;
	review_state: ObservationRow['reviewState'];
	review_comment: string | null;
	validated: string | null;
	validated_at: number | null;
	version: number;
	import_run_id: number | null;
};

function storedFromRaw(r: RawObservation): StoredObservation {
	return {
		id: r.id,
		indicatorId: r.indicator_id,
		country: r.country_iso3,
		period: r.period,
		disaggregation: JSON.parse(r.disaggregation) as Record<string, string>,
		value: r.value,
		status: r.status,
		source: r.source,
		note: r.note,
		reviewState: r.review_state,
		reviewComment: r.review_comment,
		validated: readSnapshot(r.validated),
		validatedAt: r.validated_at,
		version: r.version,
		importRunId: r.import_run_id
	};
}
