// Hostile input at every JSON endpoint of /api/v1 (property-based, fast-check): generated
// bodies (near-valid, any JSON, malformed, other content types), query strings and path
// parameters, from every kind of user. The handlers run as SvelteKit runs them, against a
// real migrated database. Every answer is below 500, an error has the shape of DESIGN §4 and
// a 422 names the fields; a rejected request leaves the database exactly as it was.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import {
	RUNS,
	bodyOf,
	callEndpoint,
	expectApiAnswer,
	queryOf,
	requestEvent,
	type Body
} from './fuzz-helpers';
import { actorArb, fuzzWorld, guard } from './fuzz-api-world';
import { ENDPOINTS } from './fuzz-api-endpoints';

fuzzWorld();

describe('every API endpoint under hostile input', () => {
	for (const ep of ENDPOINTS) {
		it(`${ep.name}: never a 500, errors name the field, a rejected write writes nothing`, async () => {
			const params = ep.params ? fc.record(ep.params()) : fc.constant({});
			const query = ep.query ? queryOf(ep.query) : fc.oneof(fc.constant(''), queryOf([]));
			const body: fc.Arbitrary<Body | undefined> = ep.body
				? bodyOf(ep.body())
				: fc.constant(undefined);
			await fc.assert(
				fc.asyncProperty(actorArb(), params, query, body, async (actor, p, q, b) => {
					const event = requestEvent({
						method: ep.method,
						path: ep.path,
						query: q,
						params: p,
						actor,
						body: b
					});
					const answer = await callEndpoint(ep.handler, event);
					const what = `${ep.name} ${JSON.stringify({ actor: actor?.name ?? null, p, q, b })}`;
					expectApiAnswer(answer, what);
					guard.check(ep.method !== 'GET' && answer.status < 400, what);
				}),
				{ numRuns: RUNS }
			);
		});
	}
});
