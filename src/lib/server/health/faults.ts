// Storage faults: what SQLite or the file system says when the machine misbehaves — a full
// disk (SQLITE_FULL, ENOSPC), a database locked from outside past the busy timeout
// (SQLITE_BUSY, SQLITE_LOCKED), a read-only file (SQLITE_READONLY, EROFS) — turned into the
// AppErrors the API and the form actions answer with: 507 `storage_full`, 503 `busy` (with
// Retry-After) and 503 `read_only`. Each fault is logged once with its cause and counted; the
// counts since the start are in GET /api/v1/health. Nothing here decides what was written: a
// fault inside a transaction rolls the whole transaction back (db/index.ts).
import { AppError } from '../http/errors';

export type FaultKind = 'storage_full' | 'busy' | 'read_only';

export const FAULT_KINDS: readonly FaultKind[] = ['storage_full', 'busy', 'read_only'];

/** Seconds a client is asked to wait before it tries again after a `busy` answer. */
export const RETRY_AFTER_SECONDS = 5;

/** The English message of each fault (the API's; pages and the API localise it by code). */
const MESSAGES: Record<FaultKind, string> = {
	storage_full:
		'The server has no room left to save this. Nothing was saved. Tell your administrator.',
	busy: 'The database is busy with another task. Nothing was saved. Try again in a few seconds.',
	read_only:
		'The database cannot be written at the moment. Nothing was saved. Tell your administrator.'
};

const STATUS: Record<FaultKind, 503 | 507> = { storage_full: 507, busy: 503, read_only: 503 };

const counts: Record<FaultKind, number> = { storage_full: 0, busy: 0, read_only: 0 };
const last: Record<FaultKind, string | null> = { storage_full: null, busy: null, read_only: null };
const handled = new WeakMap<object, AppError>();

function kindOfCode(code: string): FaultKind | null {
	if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'storage_full';
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
	if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read_only';
	return null;
}

/** The kind of storage fault an error is (or was caused by), or null for any other error. */
export function faultKind(error: unknown): FaultKind | null {
	for (let e = error, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string') {
			const kind = kindOfCode(code);
			if (kind) return kind;
		}
		e = (e as { cause?: unknown }).cause;
	}
	return null;
}

function describe(error: unknown): string {
	const parts: string[] = [];
	for (let e = error, depth = 0; e !== undefined && e !== null && depth < 6; depth++) {
		const code = (e as { code?: unknown }).code;
		const message = e instanceof Error ? e.message : String(e);
		parts.push(`${typeof code === 'string' ? `${code}: ` : ''}${message}`.replace(/\s+/g, ' '));
		e = (e as { cause?: unknown }).cause;
	}
	return parts.join(' <- ').slice(0, 600);
}

/**
 * The AppError for a storage fault, or null when `error` is something else. The first time an
 * error is seen it is logged (with its cause) and counted; the same error seen again — a
 * transaction rethrows it, the edge maps it — answers the same AppError without counting twice.
 */
export function storageFault(error: unknown): AppError | null {
	if (error instanceof AppError) return isFaultCode(error.code) ? error : null;
	if (!error || typeof error !== 'object') return null;
	const known = handled.get(error);
	if (known) return known;
	const kind = faultKind(error);
	if (!kind) return null;
	const fault = new AppError(STATUS[kind], kind, MESSAGES[kind]);
	handled.set(error, fault);
	counts[kind]++;
	last[kind] = new Date().toISOString();
	console.error(`[avance] storage fault ${kind}: ${describe(error)}`);
	return fault;
}

export function isFaultCode(code: string | undefined): code is FaultKind {
	return (FAULT_KINDS as readonly string[]).includes(code ?? '');
}

/** Runs `fn`; a storage fault it throws comes out as its AppError, anything else unchanged. */
export function mapFaults<T>(fn: () => T): T {
	try {
		return fn();
	} catch (e) {
		throw storageFault(e) ?? e;
	}
}

export interface FaultCounts {
	storage_full: number;
	busy: number;
	read_only: number;
	/** When each kind last happened (ISO time), null if never since the start. */
	last: Record<FaultKind, string | null>;
}

/** Faults answered since the server started. */
export function faultCounts(): FaultCounts {
	return { ...counts, last: { ...last } };
}
