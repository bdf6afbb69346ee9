// The review state machine (DESIGN §5) as one pure function, for every kind of record
// (actions, updates, evidence, observations) and every entry point (API, forms, imports).
// It decides; the write paths apply the result in their transaction and audit it.
import type { ReviewState } from '$lib/domain';

/**
 * - `create`: a new record by hand (API or form).
 * - `import`: a row written by an import (new or changed).
 * - `edit`: a change to an existing record's content.
 * - `submit`, `validate`, `return`: the review steps.
 */
export type ReviewOperation = 'create' | 'import' | 'edit' | 'submit' | 'validate' | 'return';

export interface ReviewInput {
	/** The record's state before the operation (null for a new record). */
	current: ReviewState | null;
	/** Whether the actor may validate (the secretariat); authz.ts decides who that is. */
	validator: boolean;
	/** The comment of a `return`. */
	comment?: string;
}

export type ReviewRefusal = 'already_submitted' | 'already_validated' | 'not_submitted';

export type ReviewOutcome =
	| {
			ok: true;
			state: ReviewState;
			/** The review comment afterwards: a string, null (cleared) or undefined (kept). */
			comment: string | null | undefined;
			/** True when the working version becomes the validated (published) one. */
			publishes: boolean;
	  }
	| { ok: false; refusal: ReviewRefusal };

const to = (state: ReviewState, comment: string | null | undefined): ReviewOutcome => ({
	ok: true,
	state,
	comment,
	publishes: state === 'validated'
});

/**
 * The review state after an operation:
 * - the secretariat's own records (created, imported or edited) are validated at once;
 * - a coordinator's new record is a draft, a coordinator's import arrives submitted;
 * - a coordinator's edit of a validated record waits as `submitted` (shared pages keep the
 *   last validated version); a draft stays a draft and keeps the secretariat's comment;
 * - submit: draft → submitted; validate: draft or submitted → validated; return: submitted →
 *   draft with a comment. Submitting and validating clear the comment.
 */
export function nextReviewState(op: ReviewOperation, input: ReviewInput): ReviewOutcome {
	const { current, validator } = input;
	switch (op) {
		case 'create':
			return validator ? to('validated', null) : to('draft', null);
		case 'import':
			return validator ? to('validated', null) : to('submitted', null);
		case 'edit':
			if (current === 'validated') return validator ? to('validated', null) : to('submitted', null);
			return to(current ?? 'draft', undefined);
		case 'submit':
			if (current === 'submitted') return { ok: false, refusal: 'already_submitted' };
			if (current === 'validated') return { ok: false, refusal: 'already_validated' };
			return to('submitted', null);
		case 'validate':
			if (current === 'validated') return { ok: false, refusal: 'already_validated' };
			return to('validated', null);
		case 'return':
			if (current !== 'submitted') return { ok: false, refusal: 'not_submitted' };
			return to('draft', input.comment ?? null);
	}
}
