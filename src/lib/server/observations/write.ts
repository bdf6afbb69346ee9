// The one write path of observations. Every change — the API and the forms (upsert.ts), an
// import (import/commit.ts), a review transition (review.ts) and the undo of an import
// (import/runs.ts) — goes through an ObservationWriter, which applies the review rules of
// rules.ts, writes the row, appends the new version to observation_version (the value
// history: nothing is overwritten without a trace) and an audit entry per observation, all
// with prepared statements (imports of 100,000 rows stay fast). Callers hold the transaction
// and call finish() before it ends.
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { ObservationOrigin } from '../db/schema';
import { isAdmin, type Actor } from '../auth/authz';
import {
	periodSortKey,
	readSnapshot,
	sameSnapshot,
	snapshotOf,
	type ObservationRow,
	type ValidatedSnapshot
} from './records';
import {
	reviewAfterTransition,
	reviewAfterWrite,
	sameReview,
	writeSubmits,
	type ReviewFields,
	type Transition
} from './rules';
import { parsePeriod } from '$lib/progress';
import { reinstate, snapshotForRemoval, type RemovedObservation } from './removal';

/** An observation as stored, with what the writer needs to change it. */
export interface StoredObservation extends ValidatedSnapshot, ReviewFields {
	id: number;
	indicatorId: number;
	country: string | null;
	period: string;
	disaggregation: Record<string, string>;
	version: number;
	importRunId: number | null;
}

export interface NewObservation extends ValidatedSnapshot {
	indicatorId: number;
	country: string | null;
	/** M49 code of a regional series (`013`), with country null; the scope is then the code. */
	region?: string | null;
	period: string;
	disaggregation: Record<string, string>;
	disaggKey: string;
}

/** A row read with drizzle, as the writer takes it. */
export function storedOf(row: ObservationRow): StoredObservation {
	return {
		id: row.id,
		indicatorId: row.indicatorId,
		country: row.countryIso3,
		period: row.period,
		disaggregation: row.disaggregation,
		value: row.value,
		status: row.status,
		source: row.source,
		note: row.note,
		reviewState: row.reviewState,
		reviewComment: row.reviewComment,
		validated: readSnapshot(row.validated),
		validatedAt: row.validatedAt ? row.validatedAt.getTime() : null,
		version: row.version,
		importRunId: row.importRunId
	};
}

/** A stored version (observation_version) to go back to. */
export interface VersionState extends ValidatedSnapshot, ReviewFields {
	importRunId: number | null;
}

/** What a write did: new values, new text only (source/note), review state only, nothing. */
export type WriteOutcome = 'updated' | 'annotated' | 'reviewed' | 'unchanged';

type Client = Db['$client'];
type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Client, Statements>();

function prepare(client: Client) {
	return {
		insert: client.prepare(
			`insert into observation (indicator_id, country_iso3, region_m49, scope_key, period, year, period_sort,
				disaggregation, disagg_key, value, status, source, note, review_state, review_comment,
				validated, validated_at, import_run_id, version, created_by, updated_by, created_at, updated_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`
		),
		update: client.prepare(
			`update observation set value = ?, status = ?, source = ?, note = ?, review_state = ?,
				review_comment = ?, validated = ?, validated_at = ?, import_run_id = ?, version = version + 1,
				updated_by = ?, updated_at = ? where id = ?`
		),
		remove: client.prepare('delete from observation where id = ?'),
		version: client.prepare(
			`insert into observation_version (observation_id, value, status, source, note, review_state,
				review_comment, validated, changed_at, changed_by, origin, import_run_id, line, revert)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		// Values stored before the history existed (or written outside this path) get their
		// version recorded before they change.
		keepFirst: client.prepare(
			`insert into observation_version (observation_id, value, status, source, note, review_state,
				review_comment, validated, changed_at, changed_by, origin, import_run_id, line, revert)
			 select o.id, o.value, o.status, o.source, o.note, o.review_state, o.review_comment,
				o.validated, o.updated_at, o.updated_by,
				case when o.import_run_id is null then 'seed' else 'import' end, o.import_run_id, null, 0
			 from observation o where o.id = ?
				and not exists (select 1 from observation_version v where v.observation_id = o.id)`
		),
		keepFirstOfIndicator: client.prepare(
			`insert into observation_version (observation_id, value, status, source, note, review_state,
				review_comment, validated, changed_at, changed_by, origin, import_run_id, line, revert)
			 select o.id, o.value, o.status, o.source, o.note, o.review_state, o.review_comment,
				o.validated, o.updated_at, o.updated_by,
				case when o.import_run_id is null then 'seed' else 'import' end, o.import_run_id, null, 0
			 from observation o where o.indicator_id = ?
				and not exists (select 1 from observation_version v where v.observation_id = o.id)`
		),
		audit: client.prepare(
			`insert into audit_entry (user_id, created_at, entity, entity_id, operation, before, after, note)
			 values (?, ?, 'observation', ?, ?, ?, ?, ?)`
		),
		revision: client.prepare(
			'update observation_revision set revision = revision + 1 where indicator_id = ?'
		)
	};
}

function statements(db: Pick<Db, '$client'>): Statements {
	let s = cache.get(db.$client);
	if (!s) {
		s = prepare(db.$client);
		cache.set(db.$client, s);
	}
	return s;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The fields an audit entry of an observation holds. */
function auditState(s: ValidatedSnapshot & ReviewFields) {
	return {
		value: s.value,
		status: s.status,
		source: s.source,
		note: s.note,
		reviewState: s.reviewState,
		reviewComment: s.reviewComment,
		validated: s.validated
	};
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

export class ObservationWriter {
	private readonly s: Statements;
	private readonly admin: boolean;
	private readonly now: number;
	private readonly inserted = new Set<number>();
	/** Indicators whose stored values all have their version recorded (see keepVersionsOf). */
	private readonly covered = new Set<number>();
	private readonly periods = new Map<string, { year: number; sort: string }>();

	constructor(
		private readonly db: Db,
		private readonly actor: Actor,
		private readonly ctx: { origin: ObservationOrigin; importRunId?: number | null }
	) {
		this.s = statements(db);
		this.admin = isAdmin(actor);
		this.now = Date.now();
	}

	private get runId(): number | null {
		return this.ctx.importRunId ?? null;
	}

	private get auditNote(): string {
		return this.runId === null ? this.ctx.origin : `${this.ctx.origin} ${this.runId}`;
	}

	private addVersion(
		id: number,
		s: ValidatedSnapshot & ReviewFields,
		opts: { line?: number | null; importRunId: number | null; revert?: boolean }
	) {
		this.s.version.run(
			id,
			s.value,
			s.status,
			s.source,
			s.note,
			s.reviewState,
			s.reviewComment,
			json(s.validated),
			this.now,
			this.actor.id,
			this.ctx.origin,
			opts.importRunId,
			opts.line ?? null,
			opts.revert ? 1 : 0
		);
	}

	private audit(id: number, operation: string, before: unknown, after: unknown) {
		this.s.audit.run(
			this.actor.id,
			this.now,
			String(id),
			operation,
			json(before),
			json(after),
			this.auditNote
		);
	}

	/**
	 * Records the version of every stored value of an indicator that has none yet (values
	 * stored before the history existed), in one statement: a large import calls it once
	 * instead of checking row by row.
	 */
	keepVersionsOf(indicatorId: number): void {
		if (this.covered.has(indicatorId)) return;
		this.s.keepFirstOfIndicator.run(indicatorId);
		this.covered.add(indicatorId);
	}

	/** Stores a new observation; answers its id. */
	create(input: NewObservation, line?: number | null): number {
		const values = snapshotOf(input);
		const review = reviewAfterWrite(this.admin, null, values, {
			submit: writeSubmits(this.ctx.origin),
			now: this.now
		});
		let period = this.periods.get(input.period);
		if (!period) {
			period = { year: parsePeriod(input.period).year, sort: periodSortKey(input.period) };
			this.periods.set(input.period, period);
		}
		const id = Number(
			this.s.insert.run(
				input.indicatorId,
				input.country,
				input.country === null ? (input.region ?? null) : null,
				input.country ?? input.region ?? '',
				input.period,
				period.year,
				period.sort,
				JSON.stringify(input.disaggregation),
				input.disaggKey,
				values.value,
				values.status,
				values.source,
				values.note,
				review.reviewState,
				review.reviewComment,
				json(review.validated),
				review.validatedAt,
				this.runId,
				this.actor.id,
				this.actor.id,
				this.now,
				this.now
			).lastInsertRowid
		);
		const after = { ...values, ...review };
		this.addVersion(id, after, { line, importRunId: this.runId });
		this.audit(id, 'create', null, {
			country: input.country,
			...(input.region ? { region: input.region } : {}),
			period: input.period,
			disaggregation: input.disaggregation,
			...auditState(after)
		});
		this.inserted.add(input.indicatorId);
		return id;
	}

	private write(
		current: StoredObservation,
		next: ValidatedSnapshot & ReviewFields,
		operation: string,
		opts: {
			line?: number | null;
			importRunId: number | null;
			/** The run the row points at afterwards (default: importRunId). */
			rowImportRunId?: number | null;
			revert?: boolean;
		}
	) {
		if (!this.covered.has(current.indicatorId)) this.s.keepFirst.run(current.id);
		this.s.update.run(
			next.value,
			next.status,
			next.source,
			next.note,
			next.reviewState,
			next.reviewComment,
			json(next.validated),
			next.validatedAt,
			opts.rowImportRunId !== undefined ? opts.rowImportRunId : opts.importRunId,
			this.actor.id,
			this.now,
			current.id
		);
		this.addVersion(current.id, next, opts);
		this.audit(current.id, operation, auditState(current), auditState(next));
	}

	/** Writes new values over a stored observation (by the review rules); says what changed. */
	update(
		current: StoredObservation,
		values: ValidatedSnapshot,
		line?: number | null
	): WriteOutcome {
		const review = reviewAfterWrite(this.admin, current, values, {
			submit: writeSubmits(this.ctx.origin),
			now: this.now
		});
		const sameValues = sameSnapshot(snapshotOf(current), values);
		if (sameValues && sameReview(current, review)) return 'unchanged';
		const outcome: WriteOutcome = sameValues
			? 'reviewed'
			: current.value === values.value && current.status === values.status
				? 'annotated'
				: 'updated';
		this.write(current, { ...values, ...review }, sameValues ? 'validate' : 'update', {
			line,
			importRunId: this.runId
		});
		return outcome;
	}

	/** A review transition (submit, validate, return with a comment); answers the new state. */
	transition(
		current: StoredObservation,
		operation: Transition,
		comment?: string | null
	): StoredObservation {
		const values = snapshotOf(current);
		const review = reviewAfterTransition(current, values, operation, {
			comment,
			now: this.now
		});
		this.write(current, { ...values, ...review }, operation, {
			importRunId: current.importRunId
		});
		return { ...current, ...review, version: current.version + 1 };
	}

	/** Puts a stored version back (the undo of an import). */
	restore(current: StoredObservation, previous: VersionState): void {
		// the row points again at the run that wrote the restored version
		this.write(current, previous, 'revert', {
			importRunId: this.runId,
			rowImportRunId: previous.importRunId,
			revert: true
		});
	}

	/** Removes an observation (the undo of an import that created it); audited. With
	 * `keepHistory` (an import replacing a whole series), its row and versions go into the audit
	 * entry, for the undo of that import to put it back (reinstate). */
	remove(current: StoredObservation, keepHistory = false): void {
		const removed = keepHistory ? snapshotForRemoval(this.db, current.id) : undefined;
		this.s.remove.run(current.id);
		this.audit(current.id, 'delete', { ...auditState(current), removed }, null);
	}

	/** Puts back a value removed with its history (a new version, marked as a revert); false
	 * when another value holds its place now. */
	reinstate(removed: RemovedObservation, current: StoredObservation): boolean {
		if (!reinstate(this.db, removed)) return false;
		this.addVersion(current.id, current, { importRunId: this.runId, revert: true });
		this.audit(current.id, 'revert', null, auditState(current));
		this.inserted.add(current.indicatorId);
		return true;
	}

	/** Moves the verdict revision of inserted rows (which the data version counts; updates and
	 * deletes move it by trigger), in the caller's transaction. */
	finish(): void {
		for (const id of this.inserted) this.s.revision.run(id);
		this.inserted.clear();
	}
}
