// Reads of observations: one indicator's values as a list, in keyset pages, or one by id,
// each as the reader may see it (records.ts decides working or validated version).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { observation } from '../db/schema';
import type { Actor } from '../auth/authz';
import { badRequest, notFound, unauthorized } from '../http/errors';
import { indicatorByCode, type IndicatorRow } from '../indicators/catalogue';
import {
	view,
	type ObservationQuery,
	type ObservationRecord,
	type ObservationRow
} from './records';

/** The SQL conditions of an observation query (indicator, country, years, review state). */
function filtersOf(ind: IndicatorRow, opts: ObservationQuery): SQL[] {
	const where: SQL[] = [eq(observation.indicatorId, ind.id)];
	if (opts.country !== undefined) {
		where.push(eq(observation.scopeKey, opts.country === 'REGION' ? '' : opts.country));
	}
	if (opts.from !== undefined) where.push(sql`${observation.year} >= ${opts.from}`);
	if (opts.to !== undefined) where.push(sql`${observation.year} <= ${opts.to}`);
	if (opts.review !== undefined) where.push(eq(observation.reviewState, opts.review));
	return where;
}

/** Observations of one indicator, ordered by country, disaggregation and period. */
export function listObservations(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ObservationQuery = {}
): ObservationRecord[] {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const ind = indicatorByCode(db, code);
	const where = filtersOf(ind, opts);
	const rows = db
		.select()
		.from(observation)
		.where(and(...where))
		.orderBy(asc(observation.scopeKey), asc(observation.disaggKey), asc(observation.periodSort))
		.all();
	const out: ObservationRecord[] = [];
	for (const row of rows) {
		const v = view(row, ind.code, actor, opts);
		if (v) out.push(v);
	}
	return out;
}

export const OBSERVATION_PAGE_SIZE = 100;

export interface ObservationPage {
	items: ObservationRecord[];
	/** Give it back as `cursor` for the next page; null on the last page. */
	nextCursor: string | null;
}

type SortKey = [scopeKey: string, disaggKey: string, periodSort: string, id: number];

function encodeCursor(row: ObservationRow): string {
	const key: SortKey = [row.scopeKey, row.disaggKey, row.periodSort, row.id];
	return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
	try {
		const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
		if (
			Array.isArray(key) &&
			key.length === 4 &&
			typeof key[0] === 'string' &&
			typeof key[1] === 'string' &&
			typeof key[2] === 'string' &&
			Number.isSafeInteger(key[3])
		)
			return key as SortKey;
	} catch {
		/* answered below */
	}
	throw badRequest('Use the nextCursor of the previous page.', [
		{ path: 'cursor', message: 'Use the nextCursor of the previous page.' }
	]);
}

/**
 * One page of an indicator's observations, in the order of listObservations (country,
 * disaggregation, period), by keyset: each page reads only its own rows through the index
 * observation_page_idx, however many values the indicator has.
 */
export function listObservationPage(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ObservationQuery & { limit?: number; cursor?: string } = {}
): ObservationPage {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const limit = opts.limit ?? OBSERVATION_PAGE_SIZE;
	let after = opts.cursor ? decodeCursor(opts.cursor) : null;
	const ind = indicatorByCode(db, code);
	const base = filtersOf(ind, opts);
	const items: ObservationRecord[] = [];
	let lastShown: ObservationRow | null = null;
	let more = false;
	// Rows a reader may not see (drafts never validated) are skipped, so read in batches until
	// the page is full or the rows run out.
	for (;;) {
		const where = after
			? [
					...base,
					sql`(${observation.scopeKey}, ${observation.disaggKey}, ${observation.periodSort}, ${observation.id}) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`
				]
			: base;
		const rows = db
			.select()
			.from(observation)
			.where(and(...where))
			.orderBy(
				asc(observation.scopeKey),
				asc(observation.disaggKey),
				asc(observation.periodSort),
				asc(observation.id)
			)
			.limit(limit + 1)
			.all();
		for (const row of rows) {
			const v = view(row, ind.code, actor, opts);
			if (!v) continue;
			if (items.length === limit) {
				more = true;
				break;
			}
			items.push(v);
			lastShown = row;
		}
		if (more || rows.length <= limit) break;
		const last = rows[rows.length - 1];
		after = [last.scopeKey, last.disaggKey, last.periodSort, last.id];
	}
	return { items, nextCursor: more && lastShown ? encodeCursor(lastShown) : null };
}

export function rowById(db: Pick<Db, 'select'>, ind: IndicatorRow, id: number): ObservationRow {
	const row = db
		.select()
		.from(observation)
		.where(and(eq(observation.id, id), eq(observation.indicatorId, ind.id)))
		.get();
	if (!row) throw notFound(`There is no observation ${id} of ${ind.code}.`);
	return row;
}

export function getObservation(
	db: Db,
	actor: Actor | null,
	code: string,
	id: number,
	opts: ObservationQuery = {}
): ObservationRecord {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	const ind = indicatorByCode(db, code);
	const v = view(rowById(db, ind, id), ind.code, actor, opts);
	if (!v) throw notFound(`There is no observation ${id} of ${ind.code}.`);
	return v;
}
