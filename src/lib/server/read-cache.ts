// A read-through cache for the expensive summaries the signed-in pages draw (verdicts of
// every indicator, the member-state × article matrix, status histories…). An entry is valid
// while the store has not changed: the key includes SQLite's own change counters —
// total_changes() for writes through this process's connection and PRAGMA data_version for
// commits by any other connection (scripts, a second process) — plus the day (overdue
// depends on it) and what the reader may see (role and countries). Any write therefore
// invalidates every entry; nothing is ever served stale. The one exception is bookkeeping
// that no page shows from these summaries (a shared link's view count), written through
// `untracked`, so that a much-read shared page does not empty the caches every few seconds.
import type { Db } from './db';
import type { Actor } from './authz';

const MAX_ENTRIES = 200;
const entries = new Map<string, unknown>();
let untrackedChanges = 0;

function totalChanges(db: Db): number {
	return db.$client.prepare('select total_changes()').pluck().get() as number;
}

export function storeGeneration(db: Db): string {
	const changes = totalChanges(db) - untrackedChanges;
	const version = db.$client.pragma('data_version', { simple: true }) as number;
	return `${changes}.${version}.${new Date().toISOString().slice(0, 10)}`;
}

/**
 * Runs a synchronous write that the cached summaries do not depend on (view counts) without
 * changing the store's generation.
 */
export function untracked<T>(db: Db, write: () => T): T {
	const before = totalChanges(db);
	try {
		return write();
	} finally {
		untrackedChanges += totalChanges(db) - before;
	}
}

/** What a reader may see and do, as a cache key part. */
export function readerKey(actor: Actor | null | undefined): string {
	if (!actor) return 'anonymous';
	if (actor.role === 'coordinator') return `coordinator:${[...actor.countries].sort().join(',')}`;
	return actor.role;
}

export function readThrough<T>(db: Db, key: string, compute: () => T): T {
	const full = `${storeGeneration(db)}|${key}`;
	if (entries.has(full)) {
		const value = entries.get(full) as T;
		entries.delete(full);
		entries.set(full, value);
		return value;
	}
	const value = compute();
	entries.set(full, value);
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}

export function clearReadCache(): void {
	entries.clear();
}
