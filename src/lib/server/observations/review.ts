// Review transitions of observations (DESIGN §5): submit, validate, return with a comment,
// one by one or for all values of an indicator and country. Who may do each is asked of
// authz.ts; what state each leaves is rules.ts; the change itself goes through the one write
// path (write.ts: a new version, an audit entry per value).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { observation } from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { invalid, unauthorized } from '../http/errors';
import { indicatorByCode } from '../indicators/catalogue';
import { rowById } from './queries';
import { scopeOf, view, type ObservationRecord } from './records';
import type { Transition } from './rules';
import { ObservationWriter, storedOf } from './write';

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
	if (operation === 'submit') assert.submit(actor, current.countryIso3);
	else assert.validate(actor);
	db.transaction((tx) => {
		const writer = new ObservationWriter(db, actor, { origin: 'review' });
		writer.transition(storedOf(rowById(tx, ind, id)), operation, comment ?? null);
		writer.finish();
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
	operation: Transition
): number {
	const ind = indicatorByCode(db, code);
	return db.transaction((tx) => {
		const rows = tx
			.select()
			.from(observation)
			.where(
				and(
					eq(observation.indicatorId, ind.id),
					eq(observation.scopeKey, scopeOf(country)),
					eq(observation.reviewState, from)
				)
			)
			.all();
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
	return transitionAll(db, actor, code, country, 'draft', 'submit');
}

/**
 * Validates every value of one indicator and country (null = region) that waits for
 * validation, in one transaction; returns how many were validated.
 */
export function validateSubmitted(
	db: Db,
	actor: Actor | null,
	code: string,
	country: string | null
): number {
	if (!actor) throw unauthorized();
	assert.validate(actor);
	return transitionAll(db, actor, code, country, 'submitted', 'validate');
}
