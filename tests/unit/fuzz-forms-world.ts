// The hostile-input form tests' pieces (fuzz-forms*.test.ts): the world they share
// (fuzz-world.ts), the form description, valid example fields, the generator of hostile fields
// and of users.
import fc from 'fast-check';
import type { Actor } from '../../src/lib/server/auth/authz';
import { hostileString, paramOf } from './fuzz-helpers';
import { ids, who } from './fuzz-world';

export { t, who, guard, ids, fuzzWorld } from './fuzz-world';

export type Fields = Record<string, string | string[] | File>;

export interface Form {
	name: string;
	action: unknown;
	path: string;
	params?: () => Record<string, fc.Arbitrary<string>>;
	fields: () => Fields;
	/** Actions that only read (nothing is checked against the store). */
	readOnly?: boolean;
}

export const actionFields = (): Fields => ({
	title: 'Through the form',
	description: 'Text',
	country: 'MEX',
	articles: ['2', '5'],
	leadAgency: 'Ministry',
	status: 'in_progress',
	percentComplete: '30',
	startDate: '2024-01-01',
	dueDate: '2026-01-01',
	completedOn: '',
	indicators: ['10.7.3'],
	language: 'es',
	version: '1'
});
export const indicatorFields = (): Fields => ({
	code: 'RCM-77.1',
	name: 'Fuzzed indicator',
	description: 'd',
	unit: 'percent',
	direction: 'decrease',
	baselineYear: '2015',
	baselineValue: '40',
	targetYear: '2030',
	targetValue: '10',
	ceiling: '5',
	scaleMin: '0',
	scaleMax: '100',
	articles: ['3', '4'],
	sdg: '10.7, 10.7.2',
	gcm: '1, 23',
	custodian: 'IOM',
	source: 'Survey',
	methodNotes: 'n',
	nameEs: 'Indicador',
	nameFr: 'Indicateur',
	version: '1'
});
export const actionParams = () => ({ id: paramOf(ids.action) });
export const codeParams = () => ({ code: paramOf('10.7.3') });
export const observationRow = (prefix = ''): Fields => ({
	[`${prefix}country`]: 'MEX',
	[`${prefix}period`]: '2024-Q1',
	[`${prefix}disaggregation`]: 'sex=female',
	[`${prefix}value`]: '12.5',
	[`${prefix}status`]: 'provisional',
	[`${prefix}source`]: 'INM',
	[`${prefix}note`]: 'n'
});

/** Each field kept, made hostile, dropped or repeated; unknown fields now and then. */
export function fieldsOf(example: Fields): fc.Arbitrary<[string, string | File][]> {
	const parts = Object.entries(example).map(([k, v]) => {
		const values: string[] | File[] = Array.isArray(v) ? v : [v as string];
		const same = fc.constant(values as (string | File)[]);
		const hostile = fc.array(hostileString, { minLength: 1, maxLength: 3 });
		return fc
			.oneof(
				{ weight: 4, arbitrary: same },
				{ weight: 3, arbitrary: hostile },
				{ weight: 1, arbitrary: fc.constant([] as (string | File)[]) }
			)
			.map((vs) => vs.map((x) => [k, x] as [string, string | File]));
	});
	const extra = fc.array(fc.tuple(fc.string({ maxLength: 10 }), hostileString), { maxLength: 2 });
	return fc.tuple(fc.tuple(...parts), extra).map(([ps, ex]) => [...ps.flat(), ...ex]);
}

export const actorArb = (): fc.Arbitrary<Actor | null> =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.constant(who.admin) },
		{ weight: 2, arbitrary: fc.constant(who.mex) },
		{ weight: 1, arbitrary: fc.constant(who.gtm) },
		{ weight: 1, arbitrary: fc.constant(who.viewer) },
		{ weight: 1, arbitrary: fc.constant(null) }
	);
