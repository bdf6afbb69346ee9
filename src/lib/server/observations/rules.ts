// The review rules of observations (DESIGN §5), in one place: what review state a write or a
// review transition leaves an observation in, whichever path (API, form, import, review page)
// it comes through. Pure functions; observations/write.ts applies them.
//
// - An admin's write is validated at once (their own records and their imports are validated
//   when they commit), values unchanged or not: the new values become the validated snapshot.
// - A coordinator's new value is a draft; their edit of a draft stays a draft, their edit of a
//   submitted or validated value is (again) submitted, and shared pages keep the last
//   validated snapshot until an admin validates.
// - A coordinator's import submits what it writes ("a coordinator's import arrives as
//   submitted"): the same as entering the values, then submitting them.
// - The return comment is kept while the value stays a draft and cleared when it leaves draft.
import type { ObservationOrigin } from '../db/schema';
import { conflict } from '../http/errors';
import type { ValidatedSnapshot } from './records';

export type ReviewState = 'draft' | 'submitted' | 'validated';

export interface ReviewFields {
	reviewState: ReviewState;
	reviewComment: string | null;
	validated: ValidatedSnapshot | null;
	/** ms since the epoch; null when never validated. */
	validatedAt: number | null;
}

/** Whether a write through this path also submits what it writes (coordinators' imports). */
export function writeSubmits(origin: ObservationOrigin): boolean {
	return origin === 'import';
}

/** The review fields after a write of `values` (null `existing` = a new observation). */
export function reviewAfterWrite(
	admin: boolean,
	existing: ReviewFields | null,
	values: ValidatedSnapshot,
	opts: { submit: boolean; now: number }
): ReviewFields {
	if (admin)
		return {
			reviewState: 'validated',
			reviewComment: null,
			validated: { ...values },
			validatedAt: opts.now
		};
	const state: ReviewState =
		opts.submit || (existing !== null && existing.reviewState !== 'draft') ? 'submitted' : 'draft';
	return {
		reviewState: state,
		reviewComment: state === 'draft' ? (existing?.reviewComment ?? null) : null,
		validated: existing?.validated ?? null,
		validatedAt: existing?.validatedAt ?? null
	};
}

export type Transition = 'submit' | 'validate' | 'return';

/**
 * The review fields after a transition, or a 409 when the value is not in a state that allows
 * it: submit a draft; validate a draft or a submitted value; return a submitted value (with a
 * comment) to draft.
 */
export function reviewAfterTransition(
	current: ReviewFields,
	values: ValidatedSnapshot,
	operation: Transition,
	opts: { comment?: string | null; now: number }
): ReviewFields {
	if (operation === 'submit') {
		if (current.reviewState !== 'draft')
			throw conflict(
				current.reviewState === 'submitted'
					? 'This value is already waiting for validation.'
					: 'This value is validated; edit it to submit a change.'
			);
		return { ...current, reviewState: 'submitted', reviewComment: null };
	}
	if (operation === 'validate') {
		if (current.reviewState === 'validated') throw conflict('This value is already validated.');
		return {
			reviewState: 'validated',
			reviewComment: null,
			validated: { ...values },
			validatedAt: opts.now
		};
	}
	if (current.reviewState !== 'submitted')
		throw conflict('Only a value waiting for validation can be returned.');
	return { ...current, reviewState: 'draft', reviewComment: opts.comment ?? null };
}

export function sameReview(a: ReviewFields, b: ReviewFields): boolean {
	return (
		a.reviewState === b.reviewState &&
		a.reviewComment === b.reviewComment &&
		JSON.stringify(a.validated) === JSON.stringify(b.validated)
	);
}
