// Progress, server side — the series: loads an indicator's observations per scope (a member
// state, any country, or '' for the region) as the reader may see them (working or validated
// values), and the scopes summaries look at (the member states and the region).
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { country as countryTable } from '../db/schema';
import { canReadDrafts, readerKey, type Actor } from '../auth/authz';
import { observationRevision } from '../cache';
import { notFound, unauthorized } from '../http/errors';
import { isRegionCode } from '../declaration/regions';
import type { Disaggregation, ObservationInput } from '$lib/progress';

export interface ProgressReadOptions {
	/** Shared pages, embeds, reports: validated data only (in its validated version). */
	validatedOnly?: boolean;
	locale?: 'en' | 'es' | 'fr';
	/** Read as of this year: later observations are ignored (see ProgressOptions.currentYear). */
	asOfYear?: number;
}

export interface SeriesObservation extends ObservationInput {
	status: 'provisional' | 'final';
	disaggKey: string;
}

export type Scope = string; // iso3, an M49 region code ('013'), or '' for the RCM as a whole

export const scopeCountry = (scope: Scope): string | null => (scope === '' ? null : scope);

interface RawRow {
	scope_key: string;
	period: string;
	disagg_key: string;
	disaggregation: string;
	value: number;
	status: 'provisional' | 'final';
	review_state: string;
	validated: string | null;
}

/**
 * Loads an indicator's observations per scope, as the reader sees them: the working values
 * where they may read drafts of that country (and not validatedOnly), else the last validated
 * values (values never validated are left out).
 */
export function loadSeries(
	db: Db,
	actor: Actor | null,
	indicatorId: number,
	opts: ProgressReadOptions & { scopes?: Scope[] } = {}
): Map<Scope, SeriesObservation[]> {
	if (!actor && !opts.validatedOnly) throw unauthorized();
	if (opts.scopes?.length === 0) return new Map();
	// Kept per revision of the indicator's observations (moved by every write of them, in its
	// transaction): the indicator page, its ranking and the country page read them once. Not
	// inside a transaction, whose writes may yet be rolled back. Bounded: at most
	// KEPT_OBSERVATIONS values in all, the least recently read out first.
	if (db.$client.inTransaction) return readSeries(db, actor, indicatorId, opts);
	const revision = observationRevision(db, indicatorId);
	let kept = keptSeries.get(db.$client);
	if (!kept) keptSeries.set(db.$client, (kept = { entries: new Map(), size: 0 }));
	const key = `${indicatorId}|${opts.validatedOnly ? 'validated' : readerKey(actor)}|${opts.scopes?.join(',') ?? '*'}`;
	let entry = kept.entries.get(key);
	if (entry) {
		kept.entries.delete(key);
		if (entry.revision !== revision) {
			kept.size -= entry.size;
			entry = undefined;
		}
	}
	if (!entry) {
		const series = readSeries(db, actor, indicatorId, opts);
		let size = 0;
		for (const list of series.values()) size += list.length;
		entry = { revision, series, size };
		kept.size += size;
		while (kept.size > KEPT_OBSERVATIONS && kept.entries.size > 0) {
			const [oldest, old] = kept.entries.entries().next().value!;
			kept.entries.delete(oldest);
			kept.size -= old.size;
		}
		if (size > KEPT_OBSERVATIONS) {
			kept.size -= size;
			return series;
		}
	}
	kept.entries.set(key, entry);
	// A copy of the lists, so that a caller's sorting or filtering cannot change the kept ones.
	return new Map([...entry.series].map(([scope, list]) => [scope, [...list]]));
}

/** How many values the kept series may hold in all (about 40 MB). */
const KEPT_OBSERVATIONS = 250_000;

const keptSeries = new WeakMap<
	object,
	{
		entries: Map<
			string,
			{ revision: number; series: Map<Scope, SeriesObservation[]>; size: number }
		>;
		size: number;
	}
>();

function readSeries(
	db: Db,
	actor: Actor | null,
	indicatorId: number,
	opts: ProgressReadOptions & { scopes?: Scope[] }
): Map<Scope, SeriesObservation[]> {
	const client = db.$client;
	let rows: RawRow[];
	const columns =
		'scope_key, period, disagg_key, disaggregation, value, status, review_state, validated';
	if (opts.scopes) {
		const marks = opts.scopes.map(() => '?').join(',');
		rows = client
			.prepare(
				`select ${columns} from observation where indicator_id = ? and scope_key in (${marks}) order by period_sort`
			)
			.all(indicatorId, ...opts.scopes) as RawRow[];
	} else {
		rows = client
			.prepare(`select ${columns} from observation where indicator_id = ? order by period_sort`)
			.all(indicatorId) as RawRow[];
	}
	const readable = new Map<Scope, boolean>();
	const disaggs = new Map<string, Disaggregation>();
	const out = new Map<Scope, SeriesObservation[]>();
	for (const r of rows) {
		let working = readable.get(r.scope_key);
		if (working === undefined) {
			working =
				!opts.validatedOnly &&
				canReadDrafts(actor, /^\d{3}$/.test(r.scope_key) ? null : scopeCountry(r.scope_key));
			readable.set(r.scope_key, working);
		}
		let value = r.value;
		let status = r.status;
		if (!working) {
			if (r.validated) {
				const snap = JSON.parse(r.validated) as { value?: unknown; status?: unknown };
				if (typeof snap.value !== 'number') continue;
				value = snap.value;
				status = snap.status === 'provisional' ? 'provisional' : 'final';
			} else if (r.review_state !== 'validated') continue;
		}
		let disaggregation = disaggs.get(r.disagg_key);
		if (!disaggregation) {
			disaggregation = JSON.parse(r.disaggregation) as Disaggregation;
			disaggs.set(r.disagg_key, disaggregation);
		}
		const list = out.get(r.scope_key);
		const o: SeriesObservation = {
			period: r.period,
			value,
			status,
			disaggregation,
			disaggKey: r.disagg_key
		};
		if (list) list.push(o);
		else out.set(r.scope_key, [o]);
	}
	return out;
}

export function normaliseScope(country: string | null | undefined): Scope {
	if (!country || country.toUpperCase() === 'REGION') return '';
	return country.toUpperCase();
}

/**
 * The verdict of one indicator for one country (null/'REGION' = regional) with one method:


/** Scopes the overview and article summaries look at: the member states and the region. */
export function memberScopes(db: Db): Scope[] {
	const members = db
		.select({ iso3: countryTable.iso3 })
		.from(countryTable)
		.where(eq(countryTable.member, true))
		.all()
		.map((r) => r.iso3)
		.sort();
	return ['', ...members];
}

/**
 * The scope of a `country` parameter: '' for the region (null, '' or 'REGION'), else the ISO3
 * code of a country that exists (404 otherwise, so ?country=ZZZ is not read as "no data").
 */
export function knownScope(db: Db, country: string | null | undefined): Scope {
	const scope = normaliseScope(country);
	if (scope === '') return scope;
	if (/^\d{3}$/.test(scope)) {
		if (!isRegionCode(scope)) throw notFound(`There is no M49 region with the code ${scope}.`);
		return scope;
	}
	const row = db
		.select({ iso3: countryTable.iso3 })
		.from(countryTable)
		.where(eq(countryTable.iso3, scope))
		.get();
	if (!row) throw notFound(`There is no country with the code ${scope}.`);
	return scope;
}

/** True for a member state's ISO3 code. */
export function isMember(db: Db, iso3: string): boolean {
	return memberScopes(db).includes(iso3.toUpperCase());
}

/**
 * What a country's view lists of things tied to countries (e.g. the actions meant to move an
 * indicator): that country's own and the regional ones (country null). Without a country (or
 * for the region), everything.
 */
export function ownAndRegional<T extends { country: string | null }>(
	items: T[],
	country: string | null
): T[] {
	if (country === null || country === '' || country.toUpperCase() === 'REGION') return items;
	const iso3 = country.toUpperCase();
	return items.filter((item) => item.country === null || item.country === iso3);
}
