// Observations (DESIGN §2, issue 4 §2): read, upsert on the natural key (indicator, country,
// period, disaggregation), and the review flow of DESIGN §5 (submit, validate, return).
//
// Review states: an admin's value is validated when saved (as an admin's import is when it
// commits); a coordinator's new value is a draft; a coordinator's edit of a validated value goes
// back to `submitted` while shared pages keep the last validated version (`validated` snapshot).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { country as countryTable, evidence, indicator, observation } from './db/schema';
import { assert, canReadDrafts, isAdmin, type Actor } from './authz';
import { recordAudit } from './audit';
import { badRequest, conflict, invalid, notFound, unauthorized } from './errors';
import { countryName } from './countries';
import { indicatorByCode, type IndicatorRow } from './indicators';
import { comparePeriods, disaggregationKey, parsePeriod } from '$lib/progress';
import type { ObservationInput as ObservationFormInput } from '$lib/schemas/observations';

export type ObservationRow = typeof observation.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

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
	country: string | null;
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
	importRunId: number | null;
	version: number;
	updatedAt: string;
}

export interface ObservationQuery {
	/** ISO3, or 'REGION' for regional values; all when omitted. */
	country?: string;
	from?: number;
	to?: number;
	review?: 'draft' | 'submitted' | 'validated';
	/** Only validated data, in its validated version (shared pages, embeds, open data). */
	validatedOnly?: boolean;
	locale?: 'en' | 'es' | 'fr';
}

export function snapshotOf(row: {
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
}): ValidatedSnapshot {
	return { value: row.value, status: row.status, source: row.source, note: row.note };
}

function readSnapshot(raw: unknown): ValidatedSnapshot | null {
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

function sameSnapshot(a: ValidatedSnapshot, b: ValidatedSnapshot): boolean {
	return a.value === b.value && a.status === b.status && a.source === b.source && a.note === b.note;
}

/**
 * The record a reader sees: the working version where they may read drafts of its country,
 * else (or with validatedOnly) the last validated version; null when there is none.
 */
function view(
	row: ObservationRow,
	code: string,
	actor: Actor | null,
	opts: ObservationQuery
): ObservationRecord | null {
	const working = !opts.validatedOnly && canReadDrafts(actor, row.countryIso3);
	const snapshot = readSnapshot(row.validated);
	const base = {
		id: row.id,
		indicator: code,
		country: row.countryIso3,
		countryName: row.countryIso3 ? countryName(row.countryIso3, opts.locale ?? 'en') : null,
		period: row.period,
		year: row.year,
		disaggregation: row.disaggregation,
		importRunId: row.importRunId,
		version: row.version,
		updatedAt: row.updatedAt.toISOString()
	};
	if (working) {
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

function scopeOf(country: string | null): string {
	return country ?? '';
}

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

/**
 * Moves an indicator's observation revision (the key of its cached verdicts) after inserting
 * some of its observations, in the same transaction; updates and deletes move it by trigger
 * (migration 0004).
 */
export function observationsInserted(tx: Pick<Db, 'run'>, indicatorId: number): void {
	tx.run(
		sql`update observation_revision set revision = revision + 1 where indicator_id = ${indicatorId}`
	);
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

function rowById(db: Pick<Db, 'select'>, ind: IndicatorRow, id: number): ObservationRow {
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

/** Values outside the indicator's scale (e.g. a score 1–4) are refused. */
export function scaleProblem(ind: IndicatorRow, value: number): string | null {
	if (ind.scaleMin !== null && value < ind.scaleMin)
		return `${value} is below the scale of ${ind.code} (${ind.scaleMin} to ${ind.scaleMax ?? '…'}).`;
	if (ind.scaleMax !== null && value > ind.scaleMax)
		return `${value} is above the scale of ${ind.code} (${ind.scaleMin ?? '…'} to ${ind.scaleMax}).`;
	return null;
}

function normaliseUrl(url: string): string {
	try {
		const u = new URL(url);
		u.hash = '';
		u.hostname = u.hostname.toLowerCase();
		return u.toString().replace(/\/$/, '');
	} catch {
		return url.trim();
	}
}

export interface UpsertResult {
	items: ObservationRecord[];
	created: number;
	updated: number;
	unchanged: number;
}

/**
 * Creates or updates observations on their natural key (indicator, country, period,
 * disaggregation): re-entering a value updates it (audited, version + 1), never duplicates
 * it; an identical value changes nothing. All or nothing: one invalid row rejects the request
 * (422 with the row's issues), a stale `version` gives 409.
 */
export function upsertObservations(
	db: Db,
	actor: Actor | null,
	code: string,
	inputs: ObservationFormInput[]
): UpsertResult {
	if (!actor) throw unauthorized();
	const ind = indicatorByCode(db, code);
	for (const input of inputs) assert.edit(actor, input.country);

	const issues: { path: string; message: string }[] = [];
	const countries = [...new Set(inputs.map((i) => i.country).filter((c): c is string => !!c))];
	const known = new Set(
		countries.length === 0
			? []
			: db
					.select({ iso3: countryTable.iso3 })
					.from(countryTable)
					.where(inArray(countryTable.iso3, countries))
					.all()
					.map((r) => r.iso3)
	);
	const seen = new Map<string, number>();
	inputs.forEach((input, i) => {
		if (input.country && !known.has(input.country))
			issues.push({
				path: `observations.${i}.country`,
				message: `There is no country ${input.country}.`
			});
		const scale = scaleProblem(ind, input.value);
		if (scale) issues.push({ path: `observations.${i}.value`, message: scale });
		const key = `${scopeOf(input.country)}|${input.period}|${disaggregationKey(input.disaggregation)}`;
		const first = seen.get(key);
		if (first !== undefined)
			issues.push({
				path: `observations.${i}`,
				message: `Repeats observation ${first + 1} (same country, period and disaggregation).`
			});
		else seen.set(key, i);
	});
	if (issues.length > 0) throw invalid('Some observations are not valid.', issues);

	const admin = isAdmin(actor);
	const now = new Date();
	let created = 0;
	let updated = 0;
	let unchanged = 0;
	const ids: number[] = [];
	db.transaction((tx) => {
		for (const input of inputs) {
			const disaggKey = disaggregationKey(input.disaggregation);
			const scopeKey = scopeOf(input.country);
			const values = {
				value: input.value,
				status: input.status,
				source: input.source || null,
				note: input.note || null
			};
			const existing = tx
				.select()
				.from(observation)
				.where(
					and(
						eq(observation.indicatorId, ind.id),
						eq(observation.scopeKey, scopeKey),
						eq(observation.period, input.period),
						eq(observation.disaggKey, disaggKey)
					)
				)
				.get();
			let id: number;
			if (existing) {
				if (input.version !== undefined && input.version !== existing.version) {
					throw conflict(
						`Someone else changed the value of ${input.country ?? 'the region'} for ${input.period} since you opened it.`,
						{ current: view(existing, ind.code, actor, {}) }
					);
				}
				id = existing.id;
				if (sameSnapshot(snapshotOf(existing), values)) {
					unchanged++;
				} else {
					const review = admin
						? {
								reviewState: 'validated' as const,
								validated: { ...values },
								validatedAt: now,
								reviewComment: null
							}
						: {
								reviewState:
									existing.reviewState === 'validated'
										? ('submitted' as const)
										: existing.reviewState
							};
					const after = tx
						.update(observation)
						.set({
							...values,
							...review,
							version: existing.version + 1,
							updatedBy: actor.id,
							updatedAt: now
						})
						.where(eq(observation.id, existing.id))
						.returning()
						.get();
					recordAudit(tx, {
						userId: actor.id,
						entity: 'observation',
						entityId: existing.id,
						operation: 'update',
						before: existing,
						after
					});
					updated++;
				}
			} else {
				if (input.version !== undefined) {
					throw conflict(
						`The value of ${input.country ?? 'the region'} for ${input.period} you edited no longer exists.`
					);
				}
				const row = tx
					.insert(observation)
					.values({
						indicatorId: ind.id,
						countryIso3: input.country,
						scopeKey,
						period: input.period,
						year: parsePeriod(input.period).year,
						periodSort: periodSortKey(input.period),
						disaggregation: input.disaggregation,
						disaggKey,
						...values,
						reviewState: admin ? 'validated' : 'draft',
						validated: admin ? { ...values } : null,
						validatedAt: admin ? now : null,
						createdBy: actor.id,
						updatedBy: actor.id
					})
					.returning()
					.get();
				id = row.id;
				recordAudit(tx, {
					userId: actor.id,
					entity: 'observation',
					entityId: row.id,
					operation: 'create',
					after: row
				});
				created++;
			}
			if (input.evidence) addEvidence(tx, actor, id, input.country, input.evidence);
			ids.push(id);
		}
		if (created > 0) observationsInserted(tx, ind.id);
	});
	const rows = db.select().from(observation).where(inArray(observation.id, ids)).all();
	const byId = new Map(rows.map((r) => [r.id, r]));
	const items = ids
		.map((id) => view(byId.get(id)!, ind.code, actor, {}))
		.filter((v): v is ObservationRecord => v !== null);
	return { items, created, updated, unchanged };
}

function addEvidence(
	tx: Tx,
	actor: Actor,
	observationId: number,
	country: string | null,
	ev: NonNullable<ObservationFormInput['evidence']>
) {
	const urlNormalized = normaliseUrl(ev.url);
	const dup = tx
		.select({ id: evidence.id })
		.from(evidence)
		.where(
			and(
				eq(evidence.targetType, 'observation'),
				eq(evidence.targetId, observationId),
				eq(evidence.urlNormalized, urlNormalized),
				sql`${evidence.deletedAt} is null`
			)
		)
		.get();
	if (dup) return;
	const row = tx
		.insert(evidence)
		.values({
			url: ev.url,
			urlNormalized,
			title: ev.title,
			kind: ev.kind,
			targetType: 'observation',
			targetId: observationId,
			countryIso3: country,
			createdBy: actor.id
		})
		.returning()
		.get();
	recordAudit(tx, {
		userId: actor.id,
		entity: 'evidence',
		entityId: row.id,
		operation: 'create',
		after: row
	});
}

/** Evidence links attached to observations (id → links). */
export function evidenceOfObservations(
	db: Db,
	ids: number[]
): Map<number, { id: number; url: string; title: string; kind: string }[]> {
	const out = new Map<number, { id: number; url: string; title: string; kind: string }[]>();
	if (ids.length === 0) return out;
	for (let i = 0; i < ids.length; i += 500) {
		const rows = db
			.select({
				id: evidence.id,
				targetId: evidence.targetId,
				url: evidence.url,
				title: evidence.title,
				kind: evidence.kind
			})
			.from(evidence)
			.where(
				and(
					eq(evidence.targetType, 'observation'),
					inArray(evidence.targetId, ids.slice(i, i + 500)),
					sql`${evidence.deletedAt} is null`
				)
			)
			.all();
		for (const r of rows) {
			const { targetId, ...link } = r;
			out.set(targetId, [...(out.get(targetId) ?? []), link]);
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Review (DESIGN §5)

function transition(
	db: Db,
	actor: Actor | null,
	code: string,
	id: number,
	operation: 'submit' | 'validate' | 'return',
	comment?: string
): ObservationRecord {
	if (!actor) throw unauthorized();
	const ind = indicatorByCode(db, code);
	const current = rowById(db, ind, id);
	if (operation === 'submit') assert.submit(actor, current.countryIso3);
	else assert.validate(actor);
	const after = db.transaction((tx) => {
		const row = rowById(tx, ind, id);
		let set: Partial<ObservationRow>;
		if (operation === 'submit') {
			if (row.reviewState !== 'draft')
				throw conflict(
					row.reviewState === 'submitted'
						? 'This value is already waiting for validation.'
						: 'This value is validated; edit it to submit a change.'
				);
			set = { reviewState: 'submitted', reviewComment: null };
		} else if (operation === 'validate') {
			if (row.reviewState === 'validated') throw conflict('This value is already validated.');
			set = {
				reviewState: 'validated',
				reviewComment: null,
				validated: snapshotOf(row) as unknown as Record<string, unknown>,
				validatedAt: new Date()
			};
		} else {
			if (row.reviewState !== 'submitted')
				throw conflict('Only a value waiting for validation can be returned.');
			set = { reviewState: 'draft', reviewComment: comment ?? null };
		}
		const updated = tx
			.update(observation)
			.set({ ...set, updatedBy: actor.id, updatedAt: new Date() })
			.where(eq(observation.id, row.id))
			.returning()
			.get();
		recordAudit(tx, {
			userId: actor.id,
			entity: 'observation',
			entityId: row.id,
			operation,
			before: { reviewState: row.reviewState, validated: row.validated },
			after: { reviewState: updated.reviewState, validated: updated.validated },
			note: comment ?? null
		});
		return updated;
	});
	return view(after, ind.code, actor, {})!;
}

export const submitObservation = (db: Db, actor: Actor | null, code: string, id: number) =>
	transition(db, actor, code, id, 'submit');
export const validateObservation = (db: Db, actor: Actor | null, code: string, id: number) =>
	transition(db, actor, code, id, 'validate');
export function returnObservation(
	db: Db,
	actor: Actor | null,
	code: string,
	id: number,
	comment: string
): ObservationRecord {
	if (!comment.trim())
		throw invalid('Say what needs to change.', [
			{ path: 'comment', message: 'Say what needs to change.' }
		]);
	return transition(db, actor, code, id, 'return', comment.trim());
}

/**
 * Submits every draft of one indicator and country (null = region) in one transaction; returns
 * how many were submitted.
 */
export function submitDrafts(
	db: Db,
	actor: Actor | null,
	code: string,
	country: string | null
): number {
	if (!actor) throw unauthorized();
	assert.submit(actor, country);
	const ind = indicatorByCode(db, code);
	return db.transaction((tx) => {
		const rows = tx
			.select({ id: observation.id })
			.from(observation)
			.where(
				and(
					eq(observation.indicatorId, ind.id),
					eq(observation.scopeKey, scopeOf(country)),
					eq(observation.reviewState, 'draft')
				)
			)
			.all();
		if (rows.length === 0) return 0;
		tx.update(observation)
			.set({ reviewState: 'submitted', reviewComment: null, updatedBy: actor.id })
			.where(
				inArray(
					observation.id,
					rows.map((r) => r.id)
				)
			)
			.run();
		recordAudit(tx, {
			userId: actor.id,
			entity: 'observation',
			entityId: rows.map((r) => r.id).join(','),
			operation: 'submit',
			after: { indicator: ind.code, country, count: rows.length }
		});
		return rows.length;
	});
}

/**
 * Validates every value of one indicator and country (null = region) that waits for validation,
 * in one transaction with one audit entry; returns how many were validated.
 */
export function validateSubmitted(
	db: Db,
	actor: Actor | null,
	code: string,
	country: string | null
): number {
	if (!actor) throw unauthorized();
	assert.validate(actor);
	const ind = indicatorByCode(db, code);
	return db.transaction((tx) => {
		const rows = tx
			.select()
			.from(observation)
			.where(
				and(
					eq(observation.indicatorId, ind.id),
					eq(observation.scopeKey, scopeOf(country)),
					eq(observation.reviewState, 'submitted')
				)
			)
			.all();
		if (rows.length === 0) return 0;
		const now = new Date();
		for (const row of rows) {
			tx.update(observation)
				.set({
					reviewState: 'validated',
					reviewComment: null,
					validated: snapshotOf(row) as unknown as Record<string, unknown>,
					validatedAt: now,
					updatedBy: actor.id,
					updatedAt: now
				})
				.where(eq(observation.id, row.id))
				.run();
		}
		recordAudit(tx, {
			userId: actor.id,
			entity: 'observation',
			entityId: rows.map((r) => r.id).join(','),
			operation: 'validate',
			after: { indicator: ind.code, country, count: rows.length }
		});
		return rows.length;
	});
}

export interface ReviewGroup {
	indicator: string;
	indicatorName: string;
	country: string | null;
	countryName: string | null;
	submitted: number;
	returned: number;
	/** First and last period of the values listed. */
	from: string;
	to: string;
	comments: string[];
}

/** The review queue's observations grouped by indicator and country (see listObservationsForReview). */
export function observationReviewGroups(
	db: Db,
	actor: Actor | null,
	opts: { locale?: 'en' | 'es' | 'fr' } = {}
): ReviewGroup[] {
	const items = listObservationsForReview(db, actor, { limit: 100_000, locale: opts.locale });
	const groups = new Map<string, ReviewGroup>();
	for (const o of items) {
		const key = `${o.indicator}|${o.country ?? ''}`;
		let g = groups.get(key);
		if (!g) {
			g = {
				indicator: o.indicator,
				indicatorName: o.indicatorName,
				country: o.country,
				countryName: o.countryName,
				submitted: 0,
				returned: 0,
				from: o.period,
				to: o.period,
				comments: []
			};
			groups.set(key, g);
		}
		if (o.reviewState === 'submitted') g.submitted++;
		else g.returned++;
		if (o.reviewComment && !g.comments.includes(o.reviewComment)) g.comments.push(o.reviewComment);
		if (comparePeriods(o.period, g.from) < 0) g.from = o.period;
		if (comparePeriods(o.period, g.to) > 0) g.to = o.period;
	}
	return [...groups.values()];
}

export interface ReviewItem extends ObservationRecord {
	indicatorName: string;
}

/**
 * Observations waiting for validation (`submitted`), for the review queue: all of them for
 * admins, those of their own countries for coordinators. Returned drafts (with a comment) are
 * listed for coordinators too.
 */
export function listObservationsForReview(
	db: Db,
	actor: Actor | null,
	opts: { limit?: number; locale?: 'en' | 'es' | 'fr' } = {}
): ReviewItem[] {
	if (!actor) throw unauthorized();
	if (actor.role === 'viewer') return [];
	const limit = opts.limit ?? 500;
	const states = isAdmin(actor)
		? sql`${observation.reviewState} = 'submitted'`
		: sql`(${observation.reviewState} = 'submitted' or (${observation.reviewState} = 'draft' and ${observation.reviewComment} is not null))`;
	const scope = isAdmin(actor)
		? sql`1 = 1`
		: actor.countries.length === 0
			? sql`0 = 1`
			: inArray(observation.scopeKey, actor.countries);
	const rows = db
		.select({ o: observation, code: indicator.code, name: indicator.name })
		.from(observation)
		.innerJoin(indicator, eq(indicator.id, observation.indicatorId))
		.where(and(states, scope))
		.orderBy(
			asc(indicator.code),
			asc(observation.scopeKey),
			asc(observation.disaggKey),
			asc(observation.periodSort)
		)
		.limit(limit)
		.all();
	return rows.map((r) => ({
		...view(r.o, r.code, actor, { locale: opts.locale })!,
		indicatorName: r.name
	}));
}

/** How many observations wait for validation (admins) or are returned drafts (coordinators). */
export function countObservationsForReview(db: Db, actor: Actor | null): number {
	return listObservationsForReview(db, actor, { limit: 100_000 }).length;
}
