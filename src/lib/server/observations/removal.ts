// An observation removed with its history, and put back (issue 15 §6: "Replace the whole
// series" removes the values an import no longer holds; undoing that import puts each back
// with the id and versions it had). Owns: the snapshot an audit entry of such a removal keeps.
// Only the writer (write.ts) calls it, inside its transaction.
import type { Db } from '../db';

/** The stored row and every version of a removed observation, column by column. */
export interface RemovedObservation {
	row: Record<string, unknown>;
	versions: Record<string, unknown>[];
}

const COLUMN = /^[a-z_0-9]+$/;

/** The row and versions of an observation, before it is removed. */
export function snapshotForRemoval(db: Pick<Db, '$client'>, id: number): RemovedObservation {
	return {
		row: db.$client.prepare('select * from observation where id = ?').get(id) as Record<
			string,
			unknown
		>,
		versions: db.$client
			.prepare('select * from observation_version where observation_id = ? order by id')
			.all(id) as Record<string, unknown>[]
	};
}

function insert(db: Pick<Db, '$client'>, table: string, row: Record<string, unknown>) {
	const columns = Object.keys(row).filter((c) => COLUMN.test(c));
	db.$client
		.prepare(
			`insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`
		)
		.run(...columns.map((c) => row[c] as string | number | null));
}

/**
 * Puts a removed observation back with its id and versions. False (nothing written) when a
 * value now holds its place (same indicator, geography, period and disaggregation) or its id.
 */
export function reinstate(db: Pick<Db, '$client'>, removed: RemovedObservation): boolean {
	const r = removed.row;
	const clash = db.$client
		.prepare(
			`select 1 from observation where id = ? or (indicator_id = ? and scope_key = ? and period = ?
				and disagg_key = ?)`
		)
		.get(r.id, r.indicator_id, r.scope_key, r.period, r.disagg_key);
	if (clash) return false;
	insert(db, 'observation', r);
	for (const v of removed.versions) insert(db, 'observation_version', v);
	return true;
}
