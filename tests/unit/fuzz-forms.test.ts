// Hostile input at every form action of the signed-in pages (property-based, fast-check):
// generated form fields (kept, hostile, dropped, repeated, unknown ones added) and route
// parameters, from every kind of user, through the actions as SvelteKit runs them against a
// real database. Never a 500 (an exception escaping the action); an invalid form answers a
// failure that names a field or says why; a rejected form leaves the database as it was.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { RUNS, callFormAction, expectFormAnswer, requestEvent } from './fuzz-helpers';
import { actorArb, fieldsOf, fuzzWorld, guard } from './fuzz-forms-world';
import { FORMS } from './fuzz-forms-list';

fuzzWorld();

describe('every form action under hostile input', () => {
	for (const f of FORMS) {
		it(`${f.name}: never a 500, errors name the field, a rejected form writes nothing`, async () => {
			const params = f.params ? fc.record(f.params()) : fc.constant({});
			await fc.assert(
				fc.asyncProperty(actorArb(), params, fieldsOf(f.fields()), async (actor, p, pairs) => {
					const form = new FormData();
					for (const [k, v] of pairs) form.append(k, v);
					const event = requestEvent({
						method: 'POST',
						path: f.path,
						params: p,
						actor,
						body: form
					});
					const answer = await callFormAction(f.action, event);
					const what = `${f.name} ${JSON.stringify({
						actor: actor?.name ?? null,
						p,
						fields: pairs.map(([k, v]) => [k, typeof v === 'string' ? v : '(file)'])
					})}`;
					expectFormAnswer(answer, what);
					// A redirect after success (303 to the page, not to sign-in) or data: accepted.
					const accepted =
						answer.status < 300 || (answer.status === 303 && !answer.location?.includes('/signin'));
					guard.check(accepted && !f.readOnly, what);
				}),
				{ numRuns: RUNS }
			);
		});
	}
});
