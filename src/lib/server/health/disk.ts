// Room on the database's file system (fs.statfs) and how worried to be about it: `warning`
// under 10 % or 500 MB free, `critical` under 2 % or 100 MB. AVANCE_DISK_WARNING and
// AVANCE_DISK_CRITICAL (e.g. `10%,500M`) change the thresholds; AVANCE_DB_MAX_SIZE, when set,
// caps the room at what the database may still grow by.
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseSize } from '../db';

export type DiskState = 'ok' | 'warning' | 'critical';

export interface DiskThresholds {
	warningPercent: number;
	warningBytes: number;
	criticalPercent: number;
	criticalBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_DISK_THRESHOLDS: DiskThresholds = {
	warningPercent: 10,
	warningBytes: 500 * MB,
	criticalPercent: 2,
	criticalBytes: 100 * MB
};

/** `10%,500M` → { percent: 10, bytes: 500 MB }; a part left out keeps its default. */
function parseThreshold(
	value: string | undefined,
	fallback: { percent: number; bytes: number }
): { percent: number; bytes: number } {
	const out = { ...fallback };
	for (const part of (value ?? '').split(',').map((p) => p.trim())) {
		const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(part);
		if (percent) out.percent = Number(percent[1]);
		else if (part) out.bytes = parseSize(part) ?? out.bytes;
	}
	return out;
}

export function diskThresholds(
	env: Record<string, string | undefined> = process.env
): DiskThresholds {
	const d = DEFAULT_DISK_THRESHOLDS;
	const warning = parseThreshold(env.AVANCE_DISK_WARNING, {
		percent: d.warningPercent,
		bytes: d.warningBytes
	});
	const critical = parseThreshold(env.AVANCE_DISK_CRITICAL, {
		percent: d.criticalPercent,
		bytes: d.criticalBytes
	});
	return {
		warningPercent: warning.percent,
		warningBytes: warning.bytes,
		criticalPercent: critical.percent,
		criticalBytes: critical.bytes
	};
}

export function diskState(
	freeBytes: number,
	freePercent: number,
	t: DiskThresholds = DEFAULT_DISK_THRESHOLDS
): DiskState {
	if (freeBytes < t.criticalBytes || freePercent < t.criticalPercent) return 'critical';
	if (freeBytes < t.warningBytes || freePercent < t.warningPercent) return 'warning';
	return 'ok';
}

export interface DiskHealth {
	state: DiskState;
	/** The folder of the database file, whose file system is measured. */
	path: string;
	freeBytes: number;
	totalBytes: number;
	/** Free space in percent of the total, one decimal. */
	freePercent: number;
	/** AVANCE_DB_MAX_SIZE, when the database has a size cap (the room is then within it). */
	limitBytes: number | null;
}

/** Free bytes (for an unprivileged process) and total bytes of the file system of `path`. */
export async function fileSystemRoom(path: string): Promise<{ free: number; total: number }> {
	const s = await statfs(path);
	return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
}

export async function diskHealth(
	dbFile: string,
	opts: {
		thresholds?: DiskThresholds;
		/** A cap on the database's size and the bytes it uses now (SQLite's max_page_count). */
		limit?: { maxBytes: number; usedBytes: number } | null;
	} = {}
): Promise<DiskHealth> {
	const path = dirname(dbFile);
	let { free, total } = await fileSystemRoom(path);
	const limit = opts.limit ?? null;
	if (limit) {
		const room = Math.max(0, limit.maxBytes - limit.usedBytes);
		if (room < free) {
			free = room;
			total = limit.maxBytes;
		}
	}
	const freePercent = total > 0 ? Math.round((free / total) * 1000) / 10 : 0;
	return {
		state: diskState(free, freePercent, opts.thresholds ?? diskThresholds()),
		path,
		freeBytes: free,
		totalBytes: total,
		freePercent,
		limitBytes: limit?.maxBytes ?? null
	};
}
