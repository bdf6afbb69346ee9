// The review rules (review/states.ts) as the actions' write path applies them inside its
// transaction: the next review state of an operation, storing the validated version, and the
// words of a 409 when a step does not apply.
import { eq } from 'drizzle-orm';
import { action, type ReviewState } from '../db/schema';
import { canValidate, type Actor } from '../auth/authz';
import { nextReviewState, type ReviewOperation, type ReviewRefusal } from '../review/states';
import { conflict } from '../http/errors';
import { snapshotOf, workingRecord, type ActionRecord, type Tx } from './records';

/** Stores the current working record as the validated version (DESIGN §5). */
export function markValidated(tx: Tx, id: number): ActionRecord {
	const rec = workingRecord(tx, id);
	tx.update(action)
		.set({
			reviewState: 'validated',
			reviewComment: null,
			validated: snapshotOf(rec) as unknown as Record<string, unknown>,
			validatedAt: new Date()
		})
		.where(eq(action.id, id))
		.run();
	return workingRecord(tx, id);
}

const REFUSALS: Record<ReviewOperation, Partial<Record<ReviewRefusal, string>>> = {
	create: {},
	import: {},
	edit: {},
	submit: {
		already_submitted: 'This action is already waiting for validation.',
		already_validated: 'This action is validated; edit it to send a new version.'
	},
	validate: { already_validated: 'This action is already validated.' },
	return: { not_submitted: 'Only an action waiting for validation can be returned.' }
};

/**
 * Applies the review rules (review/states.ts) of an operation to an action inside the
 * write's transaction: the secretariat's records are validated at once, a coordinator's edit
 * of a validated record waits as `submitted` while shared pages keep the last validated
 * version, and so on. A step that does not apply is a 409 that changes nothing.
 */
export function applyReview(
	tx: Tx,
	actor: Actor,
	id: number,
	op: ReviewOperation,
	current: ReviewState | null,
	comment?: string
): ReviewState {
	const out = nextReviewState(op, { current, validator: canValidate(actor), comment });
	if (!out.ok) throw conflict(REFUSALS[op][out.refusal] ?? 'This review step does not apply.');
	if (out.publishes) {
		markValidated(tx, id);
		return 'validated';
	}
	if (out.state !== current || out.comment !== undefined) {
		tx.update(action)
			.set({
				reviewState: out.state,
				...(out.comment !== undefined ? { reviewComment: out.comment } : {})
			})
			.where(eq(action.id, id))
			.run();
	}
	return out.state;
}
