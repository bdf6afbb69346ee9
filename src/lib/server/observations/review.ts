// Review transitions of observations (DESIGN §5): submit, validate, return with a comment,
// one by one or for all values of an indicator and country. Who may do each is asked of
// authz.ts; what state each leaves is rules.ts; the change itself goes through the one write
// path (write.ts: a new version, an audit entry per value). With national approval on for the
// country (review/national.ts), a focal point validates or returns first.
import { and, eq, not } from 'drizzle-orm';
import type { Db } from '../db';
import { observation } from '../db/schema';
import { assert, canValidateNationally, type Actor } from '../auth/authz';
import {
	awaitsNationalSql,
	clearNationalApproval,
	recordNationalApproval,
	reviewLevel,
	tellFocalPoints,
	tellSecretariat,
	type ReviewTarget
} from '../review/national';
import { notify } from '../desk/notify';
import { recipientsOf } from '../desk/recipients';
import { invalid, unauthorized } from '../http/errors';
import { indicatorByCode } from '../indicators/catalogue';
import { rowById } from './queries';
import { scopeOf, view, type ObservationRecord } from './records';
import type { Transition } from './rules';
import { ObservationWriter, storedOf } from './write';

const targetOf = (row: ReturnType<typeof rowById>): ReviewTarget => ({
	entity: 'observation',
	id: row.id,
	version: row.version,
	country: row.countryIso3,
	reviewState: row.reviewState
});

/** An indicator's values of a country, as notifications name and link them. */
const valuesOf = (code: string, country: string | null) => ({
	title: code,
	link: `/indicators/${encodeURIComponent(code)}?country=${country ?? 'REGION'}#values`
});

/**
 * Who is told of a review step on values (issue 17 §5, §6): a submission, its country's focal
 * points; a focal point's approval, the secretariat; a validation, the country's coordinators
 * and the value's editors; a return, the same, with the comment. Never throws.
 */
function tellOf(
	db: Db,
	actor: Actor,
	step: 'submit' | 'national' | 'validate' | 'return',
	code: string,
	country: string | null,
	authors?: { comment: string; editors: (string | null)[] }
) {
	const target = valuesOf(code, country);
	if (step === 'submit') return tellFocalPoints(db, actor, country, target);
	if (step === 'national') return tellSecretariat(db, actor, country, target);
	notify(db, {
		userIds: [
			...recipientsOf(db, 'coordinator', country),
			...(authors?.editors ?? []).filter((id): id is string => !!id)
		],
		kind: step === 'validate' ? 'validated' : 'returned',
		params: { who: actor.name, title: code, comment: authors?.comment ?? '' },
		link: target.link,
		exceptUserId: actor.id
	});
}

function transition(
	db: Db,
	actor: Actor | null,
	code: string,
	id: number,
	operation: Transition,
	comment?: string
): ObservationRecord {
	if (!actor) throw unauthorized();
	const ind = indicatorByCode(db, code);
	const current = rowById(db, ind, id);
	const level =
		operation === 'submit'
			? (assert.submit(actor, current.countryIso3), 'submit')
			: reviewLevel(db, actor, targetOf(current));
	db.transaction((tx) => {
		if (level === 'national' && operation === 'validate') {
			recordNationalApproval(tx, actor, targetOf(current));
			return;
		}
		const writer = new ObservationWriter(db, actor, { origin: 'review' });
		writer.transition(storedOf(rowById(tx, ind, id)), operation, comment ?? null);
		writer.finish();
		if (operation !== 'validate') clearNationalApproval(tx, 'observation', id);
	});
	const step = operation === 'validate' && level === 'national' ? 'national' : operation;
	tellOf(db, actor, step, ind.code, current.countryIso3, {
		comment: comment ?? '',
		editors: [current.updatedBy, current.createdBy]
	});
	return view(rowById(db, ind, id), ind.code, actor, {})!;
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

/** One transition for every value of one indicator and country in a review state. */
function transitionAll(
	db: Db,
	actor: Actor,
	code: string,
	country: string | null,
	from: 'draft' | 'submitted',
	operation: Transition | 'approve_nationally'
): number {
	const ind = indicatorByCode(db, code);
	const waits = awaitsNationalSql('observation', {
		id: observation.id,
		version: observation.version,
		country: observation.countryIso3
	});
	return db.transaction((tx) => {
		const rows = tx
			.select()
			.from(observation)
			.where(
				and(
					eq(observation.indicatorId, ind.id),
					eq(observation.scopeKey, scopeOf(country)),
					eq(observation.reviewState, from),
					// the secretariat validates what does not wait for national approval; focal
					// points approve what waits for them
					operation === 'validate'
						? not(waits)
						: operation === 'approve_nationally'
							? waits
							: undefined
				)
			)
			.all();
		if (operation === 'approve_nationally') {
			for (const row of rows) recordNationalApproval(tx, actor, targetOf(row));
			return rows.length;
		}
		const writer = new ObservationWriter(db, actor, { origin: 'review' });
		for (const row of rows) writer.transition(storedOf(row), operation);
		writer.finish();
		return rows.length;
	});
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
	const n = transitionAll(db, actor, code, country, 'draft', 'submit');
	if (n > 0) tellOf(db, actor, 'submit', code, country);
	return n;
}

/**
 * Validates every value of one indicator and country (null = region) that waits for
 * validation, in one transaction; returns how many were validated. A focal point of the
 * country approves nationally those that wait for national approval instead.
 */
export function validateSubmitted(
	db: Db,
	actor: Actor | null,
	code: string,
	country: string | null
): number {
	if (!actor) throw unauthorized();
	if (canValidateNationally(actor, country)) {
		const n = transitionAll(db, actor, code, country, 'submitted', 'approve_nationally');
		if (n > 0) tellOf(db, actor, 'national', code, country);
		return n;
	}
	assert.validate(actor);
	const n = transitionAll(db, actor, code, country, 'submitted', 'validate');
	if (n > 0) tellOf(db, actor, 'validate', code, country); // one notice for the lot
	return n;
}
