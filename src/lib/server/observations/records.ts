// What a reader sees of an observation: the record shape the API and pages use, the
// validated snapshot kept for shared pages, and the one rule deciding which version (working
// or last validated) a reader may see (DESIGN §3, §5). Queries, history and the review
// queue all go through `seesWorking` and `view` here.
import type { observation } from '../db/schema';
import { canReadDrafts, type Actor } from '../auth/authz';
import { countryName } from '../declaration/countries';
import { parsePeriod } from '$lib/progress';

export type ObservationRow = typeof observation.$inferSelect;

/** The JSON snapshot of the last validated version shown on shared pages. */
export interface ValidatedSnapshot {
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
}

export interface ObservationRecord {
	id: number;
	indicator: string;
	/** ISO3; null for a regional value (the RCM as a whole, or the M49 region below). */
	country: string | null;
	/** M49 code of a regional series (`013`); null otherwise. */
	region: string | null;
	/** The country's or region's name in the reader's language. */
	countryName: string | null;
	period: string;
	year: number;
	disaggregation: Record<string, string>;
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
	reviewState: 'draft' | 'submitted' | 'validated';
	reviewComment: string | null;
	/** The last validated values, when they differ from the working ones (else null). */
	validated: ValidatedSnapshot | null;
	/** The import run that wrote the current version (null when it was entered by hand). */
	importRunId: number | null;
	version: number;
	updatedAt: string;
}

export interface ObservationQuery {
	/** ISO3, an M49 region code (`013`), or 'REGION' for RCM-wide values; all when omitted. */
	country?: string;
	from?: number;
	to?: number;
	review?: 'draft' | 'submitted' | 'validated';
	/** Only validated data, in its validated version (shared pages, embeds, open data). */
	validatedOnly?: boolean;
	locale?: 'en' | 'es' | 'fr';
}

/**
 * A sortable text for a period, in the order of `comparePeriods`: the 4-digit year, the
 * 2-digit position inside the year (00 = whole year, 01–12 = month, 03/06/09/12 = end month
 * of a quarter; a range takes its end), a space, then the period itself as the tie-break.
 * '2013' → '2013-00 2013', '2013-Q1' → '2013-03 2013-Q1', '2013-05' → '2013-05 2013-05',
 * '2016/2021' → '2021-00 2016/2021'. Throws on a text that is not a period.
 */
export function periodSortKey(period: string): string {
	const { year, sub } = parsePeriod(period);
	return `${year}-${String(sub).padStart(2, '0')} ${period}`;
}

export function scopeOf(country: string | null): string {
	return country ?? '';
}

export function snapshotOf(row: {
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
}): ValidatedSnapshot {
	return { value: row.value, status: row.status, source: row.source, note: row.note };
}

export function readSnapshot(raw: unknown): ValidatedSnapshot | null {
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch {
			return null;
		}
	}
	if (!raw || typeof raw !== 'object') return null;
	const v = raw as Partial<ValidatedSnapshot>;
	if (typeof v.value !== 'number') return null;
	return {
		value: v.value,
		status: v.status === 'provisional' ? 'provisional' : 'final',
		source: typeof v.source === 'string' ? v.source : null,
		note: typeof v.note === 'string' ? v.note : null
	};
}

export function sameSnapshot(a: ValidatedSnapshot, b: ValidatedSnapshot): boolean {
	return a.value === b.value && a.status === b.status && a.source === b.source && a.note === b.note;
}

/**
 * Whether a reader sees the working version (drafts included) of a country's observations:
 * those who may read its drafts, unless only validated data is asked for. Everyone else sees
 * the last validated version only.
 */
export function seesWorking(
	actor: Actor | null,
	country: string | null,
	opts: { validatedOnly?: boolean } = {}
): boolean {
	return !opts.validatedOnly && canReadDrafts(actor, country);
}

/**
 * The record a reader sees: the working version where they may read drafts of its country,
 * else (or with validatedOnly) the last validated version; null when there is none.
 */
export function view(
	row: ObservationRow,
	code: string,
	actor: Actor | null,
	opts: ObservationQuery
): ObservationRecord | null {
	const snapshot = readSnapshot(row.validated);
	const base = {
		id: row.id,
		indicator: code,
		country: row.countryIso3,
		region: row.regionM49,
		countryName:
			(row.countryIso3 ?? row.regionM49)
				? countryName((row.countryIso3 ?? row.regionM49)!, opts.locale ?? 'en')
				: null,
		period: row.period,
		year: row.year,
		disaggregation: row.disaggregation,
		importRunId: row.importRunId,
		version: row.version,
		updatedAt: row.updatedAt.toISOString()
	};
	if (seesWorking(actor, row.countryIso3, opts)) {
		const current = snapshotOf(row);
		return {
			...base,
			...current,
			reviewState: row.reviewState,
			reviewComment: row.reviewComment,
			validated: snapshot && !sameSnapshot(snapshot, current) ? snapshot : null
		};
	}
	const shown = row.reviewState === 'validated' ? (snapshot ?? snapshotOf(row)) : snapshot;
	if (!shown) return null;
	return { ...base, ...shown, reviewState: 'validated', reviewComment: null, validated: null };
}
