// One cache for everything Avance renders or computes from the store: the signed-in summary
// pages, the verdicts of each indicator and the shared site's pages (its ETags and its fast
// path). One key function: every entry is keyed by the data version — a counter SQLite
// triggers move in the same transaction as any change to what a page can show (migration
// 0006: actions, updates, evidence, indicators, articles, translations, countries, people's
// names, share links…), together with the observation revisions (migrations 0003/0004) — plus
// the day (overdue depends on it), the reader and what is asked. Nothing is bumped by hand,
// whoever writes (a script, another process), so nothing is served stale; old entries age out.
import type { Db } from '../db';
import { readerKey, type Actor } from '../auth/authz';

export { readerKey };

const versionStatements = new WeakMap<object, { get(): unknown }>();

/**
 * The data version: grows with every committed change to anything a page can show, from any
 * connection (the counter of migration 0006's triggers plus the observation revisions; both
 * only grow, so their sum changes whenever either does).
 */
export function dataVersion(db: Db): string {
	let stmt = versionStatements.get(db.$client);
	if (!stmt) {
		stmt = db.$client
			.prepare(
				`select cast(coalesce((select value from app_meta where key = 'data_version'), '0') as integer) +
					coalesce((select sum(revision) from observation_revision), 0)`
			)
			.pluck();
		versionStatements.set(db.$client, stmt);
	}
	return String(stmt.get());
}

/**
 * The version of one indicator's observations and definition: what its verdicts depend on, so
 * that a write elsewhere leaves them cached (the indicator's row version moves on each edit of
 * it; its observation revision on each write of its observations).
 */
export function indicatorVersion(db: Db, indicatorId: number, rowVersion: number): string {
	return `indicator:${indicatorId}.${rowVersion}.${observationRevision(db, indicatorId)}`;
}

/** The revision of one indicator's observations: moved by every write of them. */
export function observationRevision(db: Db, indicatorId: number): number {
	return (
		(db.$client
			.prepare('select revision from observation_revision where indicator_id = ?')
			.pluck()
			.get(indicatorId) as number | undefined) ?? 0
	);
}

export interface KeyParts {
	/** What is cached: 'page', 'shared', 'overview', 'verdicts'… */
	kind: string;
	/** Who reads: readerKey(actor), or a share link. */
	reader: string;
	/** The version the entry depends on; the data version when left out. */
	version?: string;
	/** Everything else the answer depends on (language, address, method…). */
	parts?: (string | number | null | undefined)[];
}

/** The one cache key: kind, version, day, reader and the rest. */
export function cacheKey(db: Db, k: KeyParts): string {
	return [
		k.kind,
		k.version ?? dataVersion(db),
		new Date().toISOString().slice(0, 10),
		k.reader,
		...(k.parts ?? []).map((p) => (p === null || p === undefined ? '' : String(p)))
	].join('|');
}

const MAX_ENTRIES = 2000;
const entries = new Map<string, unknown>();

/** A value computed once per key (least recently used out first). */
export function remember<T>(key: string, compute: () => T): T {
	if (entries.has(key)) {
		const value = entries.get(key) as T;
		entries.delete(key);
		entries.set(key, value);
		return value;
	}
	const value = compute();
	entries.set(key, value);
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

/**
 * A summary for a reader, computed once per data version (signed-in pages' loads). Only the
 * current data version's summaries are kept: older ones can never be asked for again, and a
 * page's summary can be large (a country page's charts), so they go as soon as the data moves.
 */
export function readThrough<T>(
	db: Db,
	actor: Actor | null | undefined,
	what: string,
	compute: () => T
): T {
	const version = dataVersion(db);
	let kept = summaries.get(db.$client);
	if (!kept || kept.version !== version) {
		kept = { version, entries: new Map() };
		summaries.set(db.$client, kept);
	}
	const key = cacheKey(db, { kind: 'summary', version, reader: readerKey(actor), parts: [what] });
	if (kept.entries.has(key)) return kept.entries.get(key) as T;
	const value = compute();
	kept.entries.set(key, value);
	while (kept.entries.size > MAX_SUMMARIES) kept.entries.delete(kept.entries.keys().next().value!);
	return value;
}

const MAX_SUMMARIES = 500;
let summaries = new WeakMap<object, { version: string; entries: Map<string, unknown> }>();

export function clearReadCache(): void {
	entries.clear();
	summaries = new WeakMap();
}
