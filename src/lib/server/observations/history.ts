// The value history of an observation (GET /indicators/{code}/observations/{id}/history):
// every version kept by the write path, newest (the current one) first. Readers who may not
// see the country's drafts see its validated versions only (records.ts decides).
import type { Db } from '../db';
import type { ObservationOrigin } from '../db/schema';
import { requireActor, type Actor } from '../auth/authz';
import { notFound } from '../http/errors';
import { indicatorByCode } from '../indicators/catalogue';
import { rowById } from './queries';
import { seesWorking, view } from './records';

export interface HistoryItem {
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
	reviewState: 'draft' | 'submitted' | 'validated';
	changedAt: string;
	changedBy: { id: string; name: string } | null;
	origin: ObservationOrigin;
	importRunId: number | null;
	/** This version puts back the one before the import run `importRunId` (an undo). */
	revert: boolean;
}

interface VersionRow {
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
	reviewState: 'draft' | 'submitted' | 'validated';
	changedAt: number;
	changedById: string | null;
	changedByName: string | null;
	origin: ObservationOrigin;
	importRunId: number | null;
	revert: number;
}

/** Every version of one observation the reader may see, newest first; 404 when none. */
export function observationHistory(
	db: Db,
	actor: Actor | null,
	code: string,
	id: number
): { items: HistoryItem[] } {
	const who = requireActor(actor);
	const ind = indicatorByCode(db, code);
	const row = rowById(db, ind, id);
	const shown = view(row, ind.code, who, {});
	if (!shown) throw notFound(`There is no observation ${id} of ${ind.code}.`);
	const working = seesWorking(who, row.countryIso3);
	const rows = db.$client
		.prepare(
			`select v.value, v.status, v.source, v.note, v.review_state as reviewState,
				v.changed_at as changedAt, v.changed_by as changedById, u.name as changedByName,
				v.origin, v.import_run_id as importRunId, v.revert
			 from observation_version v left join "user" u on u.id = v.changed_by
			 where v.observation_id = ? ${working ? '' : "and v.review_state = 'validated'"}
			 order by v.id desc`
		)
		.all(id) as VersionRow[];
	const items: HistoryItem[] = rows.map((r) => ({
		value: r.value,
		status: r.status,
		source: r.source,
		note: r.note,
		reviewState: r.reviewState,
		changedAt: new Date(r.changedAt).toISOString(),
		changedBy: r.changedById ? { id: r.changedById, name: r.changedByName ?? '' } : null,
		origin: r.origin,
		importRunId: r.importRunId,
		revert: r.revert === 1
	}));
	if (items.length === 0) {
		// stored before the history existed: its current (or last validated) version
		items.push({
			value: shown.value,
			status: shown.status,
			source: shown.source,
			note: shown.note,
			reviewState: shown.reviewState,
			changedAt: row.updatedAt.toISOString(),
			changedBy: null,
			origin: row.importRunId === null ? 'seed' : 'import',
			importRunId: row.importRunId,
			revert: false
		});
	}
	return { items };
}
