// The hostile-input API tests' pieces (fuzz-api*.test.ts): the world they share (fuzz-world.ts),
// the endpoint description and the generator of users.
import fc from 'fast-check';
import type { Actor } from '../../src/lib/server/auth/authz';
import { paramOf } from './fuzz-helpers';
import { ids, who } from './fuzz-world';

export { t, who, guard, ids, fuzzWorld } from './fuzz-world';

export interface Endpoint {
	name: string;
	handler: unknown;
	method: string;
	path: string;
	params?: () => Record<string, fc.Arbitrary<string>>;
	query?: string[];
	body?: () => Record<string, unknown>;
}

export const actionId = () => ({ id: paramOf(ids.action) });
export const obsParams = () => ({ code: paramOf('10.7.3'), id: paramOf(ids.observation) });
export const codeParam = () => ({ code: paramOf('10.7.3') });
export const actorArb = (): fc.Arbitrary<Actor | null> =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.constant(who.admin) },
		{ weight: 2, arbitrary: fc.constant(who.mex) },
		{ weight: 1, arbitrary: fc.constant(who.gtm) },
		{ weight: 1, arbitrary: fc.constant(who.viewer) },
		{ weight: 1, arbitrary: fc.constant(null) }
	);
