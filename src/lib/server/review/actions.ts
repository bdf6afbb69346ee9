// Review of actions (DESIGN §5): submit → validate, or return with a comment (back to
// draft), by the rules of states.ts applied in the actions' one write path (applyReview).
// Validating copies the record into `validated`, which shared pages show. With national
// approval on for the country (national.ts), a focal point validates or returns first.
import { and, asc, desc, eq, inArray, isNotNull, isNull, not } from 'drizzle-orm';
import type { Db } from '../db';
import { action } from '../db/schema';
import { isAdmin, reviewQueueStage, requireActor, assert, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { notFound } from '../http/errors';
import {
	actionRow,
	actionsByIds,
	getAction,
	applyReview,
	staleConflict,
	workingRecord,
	type ActionDetail,
	type ActionRecord
} from '../actions';
import { notify } from '../desk/notify';
import { recipientsOf } from '../desk/recipients';
import {
	awaitsNationalSql,
	clearNationalApproval,
	recordNationalApproval,
	reviewLevel,
	tellFocalPoints,
	tellSecretariat,
	type ReviewTarget
} from './national';

function reviewState(r: ActionRecord) {
	return { reviewState: r.reviewState, reviewComment: r.reviewComment, version: r.version };
}

function loadForReview(db: Db, actor: Actor, id: number, version?: number) {
	const row = actionRow(db, id);
	if (row.deletedAt) throw notFound(`There is no action ${id}.`);
	if (version !== undefined && version !== row.version) throw staleConflict(db, actor, id, version);
	return row;
}

const target = (row: ReturnType<typeof actionRow>): ReviewTarget => ({
	entity: 'action',
	id: row.id,
	version: row.version,
	country: row.countryIso3,
	reviewState: row.reviewState
});

/** Tells the action's coordinators and its last editor (issue 17 §5); never throws. */
function tellAuthors(
	db: Db,
	who: Actor,
	row: ReturnType<typeof actionRow>,
	kind: 'validated' | 'returned',
	comment?: string
) {
	notify(db, {
		userIds: [
			...recipientsOf(db, 'coordinator', row.countryIso3),
			row.updatedBy ?? '',
			row.createdBy ?? ''
		],
		kind,
		params: { who: who.name, title: row.title, comment: comment ?? '' },
		link: `/actions/${row.id}`,
		exceptUserId: who.id
	});
}

/** A coordinator (own countries) or an admin sends a draft to the secretariat. */
export function submitAction(
	db: Db,
	actor: Actor | null,
	id: number,
	opts: { version?: number } = {}
): ActionDetail {
	const who = requireActor(actor);
	const pre = actionRow(db, id);
	assert.submit(who, pre.countryIso3);
	const row = loadForReview(db, who, id, opts.version);
	const before = workingRecord(db, id);
	db.transaction((tx) => {
		applyReview(tx, who, id, 'submit', row.reviewState);
		clearNationalApproval(tx, 'action', id);
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: id,
			operation: 'submit',
			before: reviewState(before),
			after: reviewState(workingRecord(tx, id))
		});
	});
	tellFocalPoints(db, who, row.countryIso3, { title: row.title, link: `/actions/${id}` });
	return getAction(db, who, id);
}

/**
 * An admin validates: the current record (with its articles) becomes what shared pages show.
 * A focal point's validate of a record waiting for national approval passes it on to the
 * secretariat instead (national.ts).
 */
export function validateAction(
	db: Db,
	actor: Actor | null,
	id: number,
	opts: { version?: number } = {}
): ActionDetail {
	const who = requireActor(actor);
	const row = loadForReview(db, who, id, opts.version);
	if (reviewLevel(db, who, target(row)) === 'national') {
		db.transaction((tx) => recordNationalApproval(tx, who, target(row)));
		tellSecretariat(db, who, row.countryIso3, { title: row.title, link: `/actions/${id}` });
		return getAction(db, who, id);
	}
	const before = workingRecord(db, id);
	db.transaction((tx) => {
		applyReview(tx, who, id, 'validate', row.reviewState);
		const after = workingRecord(tx, id);
		const snapshot = tx.select({ v: action.validated }).from(action).where(eq(action.id, id)).get();
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: id,
			operation: 'validate',
			before: reviewState(before),
			after: { ...reviewState(after), validated: snapshot?.v ?? null }
		});
	});
	tellAuthors(db, who, row, 'validated');
	return getAction(db, who, id);
}

/**
 * An admin (or, for a record waiting for national approval, a focal point of its country)
 * returns a submitted action to its coordinators with a comment (back to draft).
 */
export function returnAction(
	db: Db,
	actor: Actor | null,
	id: number,
	input: { comment: string; version?: number }
): ActionDetail {
	const who = requireActor(actor);
	const row = loadForReview(db, who, id, input.version);
	reviewLevel(db, who, target(row));
	const before = workingRecord(db, id);
	db.transaction((tx) => {
		applyReview(tx, who, id, 'return', row.reviewState, input.comment);
		clearNationalApproval(tx, 'action', id);
		recordAudit(tx, {
			userId: who.id,
			entity: 'action',
			entityId: id,
			operation: 'return',
			before: reviewState(before),
			after: reviewState(workingRecord(tx, id)),
			note: input.comment
		});
	});
	tellAuthors(db, who, row, 'returned', input.comment);
	return getAction(db, who, id);
}

export interface ReviewQueue {
	/**
	 * Actions waiting for validation (admins: all but those waiting for national approval;
	 * coordinators: their countries'; focal points: their countries' waiting for them).
	 */
	awaiting: ActionRecord[];
	/** Drafts the secretariat returned with a comment. */
	returned: ActionRecord[];
}

/** The actions part of the review queue. Viewers have no queue (403). */
export function actionReviewQueue(db: Db, actor: Actor | null): ReviewQueue {
	const who = requireActor(actor);
	assert.reviewQueue(who);
	const mine = isAdmin(who)
		? undefined
		: who.countries.length
			? inArray(action.countryIso3, who.countries)
			: eq(action.id, -1);
	const waits = awaitsNationalSql('action', {
		id: action.id,
		version: action.version,
		country: action.countryIso3
	});
	const level = reviewQueueStage(who);
	const stage = level === 'secretariat' ? not(waits) : level === 'national' ? waits : undefined;
	const ids = (returned: boolean) =>
		db
			.select({ id: action.id })
			.from(action)
			.where(
				and(
					isNull(action.deletedAt),
					mine,
					returned
						? and(eq(action.reviewState, 'draft'), isNotNull(action.reviewComment))
						: and(eq(action.reviewState, 'submitted'), stage)
				)
			)
			.orderBy(returned ? desc(action.updatedAt) : asc(action.updatedAt))
			.limit(200)
			.all()
			.map((r) => r.id);
	return {
		awaiting: actionsByIds(db, who, ids(false)),
		returned: actionsByIds(db, who, ids(true))
	};
}
