// A read-through cache for the expensive summaries the signed-in pages draw (verdicts of
// every indicator, the member-state × article matrix, status histories…). An entry is valid
// while the store has not changed: the key includes SQLite's own change counters —
// total_changes() for writes through this process's connection and PRAGMA data_version for
// commits by any other connection (scripts, a second process) — plus the day (overdue
// depends on it) and what the reader may see (role and countries). Any write therefore
// invalidates every entry; nothing is ever served stale.
import type { Db } from './db';
import type { Actor } from './authz';

const MAX_ENTRIES = 400;
const entries = new Map<string, unknown>();

export function storeGeneration(db: Db): string {
	const client = db.$client;
	const changes = client.prepare('select total_changes()').pluck().get() as number;
	const version = client.pragma('data_version', { simple: true }) as number;
	return `${changes}.${version}.${new Date().toISOString().slice(0, 10)}`;
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
