// Validating or returning a selection from the review queue (issue 17 §2), one item after
// the other through each record's own review step (so each is checked, applied and audited
// as alone); a return needs a comment. Answers how many were done and which failed.
import type { Db } from '../db';
import { type Actor } from '../auth/authz';
import { isAppError, invalid } from '../http/errors';
import { returnAction, validateAction } from '../review/actions';
import { returnObservation, validateObservation } from '../observations';

/** `action:ID` or `observation:CODE:ID`. */
export function bulkReview(
	db: Db,
	actor: Actor | null,
	keys: string[],
	op: 'validate' | 'return',
	comment: string
): { done: number; failed: string[] } {
	if (op === 'return' && !comment.trim())
		throw invalid('Say what needs to change.', [
			{ path: 'comment', message: 'Say what needs to change.' }
		]);
	let done = 0;
	const failed: string[] = [];
	for (const key of keys) {
		const [type, ...rest] = key.split(':');
		try {
			if (type === 'action') {
				const id = Number(rest[0]);
				if (op === 'validate') validateAction(db, actor, id);
				else returnAction(db, actor, id, { comment: comment.trim() });
			} else if (type === 'observation') {
				const id = Number(rest.pop());
				const code = rest.join(':');
				if (op === 'validate') validateObservation(db, actor, code, id);
				else returnObservation(db, actor, code, id, comment);
			} else throw invalid('Unknown item.');
			done++;
		} catch (e) {
			if (!isAppError(e)) throw e;
			failed.push(key);
		}
	}
	return { done, failed };
}
