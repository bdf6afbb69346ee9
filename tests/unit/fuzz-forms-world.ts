// Shared world of the hostile-input form tests (fuzz-forms*.test.ts): one migrated database per
// test file (also the one the actions use) holding an action, an update, an evidence item, an
// observation and a share link; their ids; a guard that the database stays unchanged; the form
// description, valid example fields, the generator of hostile fields and of users.
import { beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { freshDb, type TestDb } from '../helpers/db';
import { cast } from '../helpers/cast';
import { setDb } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/auth/authz';
import { createAction } from '../../src/lib/server/actions';
import { postUpdate } from '../../src/lib/server/actions/updates';
import { addEvidence } from '../../src/lib/server/evidence';
import { upsertObservations } from '../../src/lib/server/observations';
import { createShareLink } from '../../src/lib/server/sharing/share-links';
import { DbGuard, hostileString, paramOf } from './fuzz-helpers';

export let t: TestDb;
export let who: ReturnType<typeof cast>;
export let guard: DbGuard;
export const ids = {
	action: '1',
	update: '1',
	evidence: '1',
	observation: '1',
	share: '1',
	user: 'x'
};

/** Seeds the world once for the calling test file and closes it after its last test. */
export function fuzzWorld() {
	beforeAll(() => {
		t = freshDb();
		setDb(t.db);
		who = cast(t.db);
		const a = createAction(t.db, who.admin, {
			title: 'Fuzz target',
			description: '',
			country: 'MEX',
			articles: [2],
			leadAgency: '',
			status: 'planned',
			percentComplete: 0,
			indicators: []
		});
		const u = postUpdate(t.db, who.admin, a.id, { date: '2025-01-10', note: 'First' });
		const e = addEvidence(t.db, who.admin, {
			url: 'https://example.org/law',
			title: 'A law',
			kind: 'law',
			target: { type: 'action', id: a.id }
		});
		const o = upsertObservations(t.db, who.mex, '10.7.3', [
			{
				country: 'MEX',
				period: '2023',
				disaggregation: {},
				value: 12,
				status: 'final',
				source: null,
				note: null
			}
		]);
		const s = createShareLink(t.db, who.admin, {
			scopeType: 'country',
			scopeTarget: 'MEX',
			label: 'Fuzz',
			locale: 'en'
		});
		Object.assign(ids, {
			action: String(a.id),
			update: String(u.id),
			evidence: String(e.id),
			observation: String(o.items[0].id),
			share: String(s.id),
			user: who.mex.id
		});
		guard = new DbGuard(t.db);
	});
	afterAll(() => {
		setDb(undefined);
		t.close();
	});
}

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
