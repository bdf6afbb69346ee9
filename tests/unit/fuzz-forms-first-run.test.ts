// Hostile input at the first-run set-up form, on a store without any account: never a 500, an
// invalid form names a field, and it creates the first admin at most once.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { freshDb } from '../helpers/db';
import { setDb } from '../../src/lib/server/db';
import { RUNS, DbGuard, callFormAction, expectFormAnswer, requestEvent } from './fuzz-helpers';
import { actions as setupPage } from '../../src/routes/(public)/setup/+page.server';
import { fieldsOf } from './fuzz-forms-world';

describe('the first-run set-up under hostile input (a store without any account)', () => {
	it('never a 500; an invalid form names a field; it creates the first admin at most once', async () => {
		const empty = freshDb();
		setDb(empty.db);
		try {
			const watch = new DbGuard(empty.db);
			let created = 0;
			const fields = fieldsOf({
				name: 'First Admin',
				email: 'first.admin@example.org',
				password: 'a-long-password-1'
			});
			await fc.assert(
				fc.asyncProperty(fields, async (pairs) => {
					const form = new FormData();
					for (const [k, v] of pairs) form.append(k, v);
					const event = requestEvent({ method: 'POST', path: '/setup', actor: null, body: form });
					const answer = await callFormAction(setupPage.default, event);
					const what = `setup ${JSON.stringify(pairs)}`;
					expectFormAnswer(answer, what);
					const accepted = answer.status === 303 && answer.location === '/';
					if (accepted) created++;
					watch.check(accepted, what);
				}),
				{ numRuns: RUNS }
			);
			const admins = empty.db.$client.prepare('select count(*) n from user').get() as { n: number };
			expect(admins.n).toBe(created);
			expect(created).toBeLessThanOrEqual(1);
		} finally {
			setDb(undefined);
			empty.close();
		}
	});
});
