// Hostile input at every form action of the signed-in pages (property-based, fast-check):
// generated form fields (kept, hostile, dropped, repeated, unknown ones added) and route
// parameters, from every kind of user, through the actions as SvelteKit runs them against a
// real database. Never a 500 (an exception escaping the action); an invalid form answers a
// failure that names a field or says why; a rejected form leaves the database as it was.
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
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
import {
	RUNS,
	DbGuard,
	callFormAction,
	expectFormAnswer,
	hostileString,
	paramOf,
	requestEvent
} from './fuzz-helpers';
import { actions as accountPage } from '../../src/routes/(app)/account/+page.server';
import { actions as actionPage } from '../../src/routes/(app)/actions/[id]/+page.server';
import { actions as actionEdit } from '../../src/routes/(app)/actions/[id]/edit/+page.server';
import { actions as actionNew } from '../../src/routes/(app)/actions/new/+page.server';
import { actions as evidencePage } from '../../src/routes/(app)/evidence/+page.server';
import { actions as importsPage } from '../../src/routes/(app)/imports/+page.server';
import { actions as indicatorPage } from '../../src/routes/(app)/indicators/[code]/+page.server';
import { actions as indicatorEdit } from '../../src/routes/(app)/indicators/[code]/edit/+page.server';
import { actions as valuesPage } from '../../src/routes/(app)/indicators/[code]/observations/+page.server';
import { actions as indicatorNew } from '../../src/routes/(app)/indicators/new/+page.server';
import { actions as sharePage } from '../../src/routes/(app)/share-links/+page.server';
import { actions as translationPage } from '../../src/routes/(app)/translations/[kind]/[key]/+page.server';
import { actions as usersPage } from '../../src/routes/(app)/users/+page.server';
import { actions as userPage } from '../../src/routes/(app)/users/[id]/+page.server';
import { actions as signinPage } from '../../src/routes/(public)/signin/+page.server';
import { actions as setupPage } from '../../src/routes/(public)/setup/+page.server';
import { actions as signoutPage } from '../../src/routes/signout/+page.server';

let t: TestDb;
let who: ReturnType<typeof cast>;
let guard: DbGuard;
const ids = { action: '1', update: '1', evidence: '1', observation: '1', share: '1', user: 'x' };

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

type Fields = Record<string, string | string[] | File>;

interface Form {
	name: string;
	action: unknown;
	path: string;
	params?: () => Record<string, fc.Arbitrary<string>>;
	fields: () => Fields;
	/** Actions that only read (nothing is checked against the store). */
	readOnly?: boolean;
}

const actionFields = (): Fields => ({
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
const indicatorFields = (): Fields => ({
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
const actionParams = () => ({ id: paramOf(ids.action) });
const codeParams = () => ({ code: paramOf('10.7.3') });
const observationRow = (prefix = ''): Fields => ({
	[`${prefix}country`]: 'MEX',
	[`${prefix}period`]: '2024-Q1',
	[`${prefix}disaggregation`]: 'sex=female',
	[`${prefix}value`]: '12.5',
	[`${prefix}status`]: 'provisional',
	[`${prefix}source`]: 'INM',
	[`${prefix}note`]: 'n'
});

const FORMS: Form[] = [
	{
		name: 'sign-in',
		action: signinPage.default,
		path: '/signin',
		fields: () => ({ email: 'someone@example.org', password: 'a-long-password-1' })
	},
	{ name: 'sign-out', action: signoutPage.default, path: '/signout', fields: () => ({}) },
	{
		name: 'account ?/password',
		action: accountPage.password,
		path: '/account',
		fields: () => ({
			currentPassword: 'test-password-123',
			newPassword: 'another-password-1',
			confirmPassword: 'another-password-1'
		})
	},
	{ name: 'new action', action: actionNew.default, path: '/actions/new', fields: actionFields },
	{
		name: 'edit action',
		action: actionEdit.default,
		path: '/actions/x/edit',
		params: actionParams,
		fields: actionFields
	},
	{
		name: 'action ?/update',
		action: actionPage.update,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({
			date: '2025-02-01',
			note: 'Progress',
			status: 'stalled',
			percentComplete: '50'
		})
	},
	{
		name: 'action ?/evidence',
		action: actionPage.evidence,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({
			url: 'https://example.org/new',
			title: 'New',
			kind: 'news',
			publishedOn: '2024-02-02',
			note: 'n',
			target: `update:${ids.update}`
		})
	},
	{
		name: 'action ?/removeEvidence',
		action: actionPage.removeEvidence,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ evidenceId: ids.evidence })
	},
	{
		name: 'action ?/delete',
		action: actionPage.delete,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ version: '1' })
	},
	{
		name: 'action ?/restore',
		action: actionPage.restore,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({})
	},
	{
		name: 'action ?/submit',
		action: actionPage.submit,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ version: '1' })
	},
	{
		name: 'action ?/validate',
		action: actionPage.validate,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ version: '1' })
	},
	{
		name: 'action ?/return',
		action: actionPage.return,
		path: '/actions/x',
		params: actionParams,
		fields: () => ({ comment: 'Add the source', version: '1' })
	},
	{
		name: 'evidence ?/add',
		action: evidencePage.add,
		path: '/evidence',
		fields: () => ({
			article: '5',
			url: 'https://example.org/article-5',
			title: 'Statement',
			kind: 'statement',
			publishedOn: '2024-03-03',
			note: 'n'
		})
	},
	{
		name: 'imports ?/preview',
		action: importsPage.preview,
		path: '/imports',
		fields: () => ({
			file: new File(
				[
					'indicator,country,period,disaggregation,value,status,source,note\n10.7.3,MEX,2022,,5,final,x,\n'
				],
				'values.csv',
				{ type: 'text/csv' }
			),
			format: 'template',
			indicator: '',
			country: ''
		}),
		readOnly: true
	},
	{
		name: 'imports ?/commit',
		action: importsPage.commit,
		path: '/imports',
		fields: () => ({ previewId: 'abc', validOnly: 'on' })
	},
	{
		name: 'indicator ?/submit',
		action: indicatorPage.submit,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ id: ids.observation })
	},
	{
		name: 'indicator ?/validate',
		action: indicatorPage.validate,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ id: ids.observation })
	},
	{
		name: 'indicator ?/return',
		action: indicatorPage.return,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ id: ids.observation, comment: 'Check it' })
	},
	{
		name: 'indicator ?/validateAll',
		action: indicatorPage.validateAll,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ country: 'MEX' })
	},
	{
		name: 'indicator ?/submitAll',
		action: indicatorPage.submitAll,
		path: '/indicators/x',
		params: codeParams,
		fields: () => ({ country: 'REGION' })
	},
	{
		name: 'edit indicator',
		action: indicatorEdit.default,
		path: '/indicators/x/edit',
		params: codeParams,
		fields: indicatorFields
	},
	{
		name: 'new indicator',
		action: indicatorNew.default,
		path: '/indicators/new',
		fields: indicatorFields
	},
	{
		name: 'values ?/one',
		action: valuesPage.one,
		path: '/indicators/x/observations',
		params: codeParams,
		fields: () => ({
			...observationRow(),
			evidenceUrl: 'https://example.org/data',
			evidenceTitle: 'Data'
		})
	},
	{
		name: 'values ?/table',
		action: valuesPage.table,
		path: '/indicators/x/observations',
		params: codeParams,
		fields: () => ({ rows: '2', ...observationRow('rows.0.'), ...observationRow('rows.1.') })
	},
	{
		name: 'share links ?/create',
		action: sharePage.create,
		path: '/share-links',
		fields: () => ({
			scope: 'country:MEX',
			label: 'For the minister',
			locale: 'es',
			expiresOn: '2099-01-01',
			asOf: ''
		})
	},
	{
		name: 'share links ?/revoke',
		action: sharePage.revoke,
		path: '/share-links',
		fields: () => ({ id: ids.share, label: 'Fuzz' })
	},
	{
		name: 'translation',
		action: translationPage.default,
		path: '/translations/x/y',
		params: () => ({
			kind: fc.oneof(fc.constantFrom('articles', 'indicators', 'references'), hostileString),
			key: paramOf('5')
		}),
		fields: () => ({
			'es.title': 'Título',
			'es.shortTitle': 'Corto',
			'fr.text': 'Texte',
			'fr.name': 'Nom',
			'es.description': 'Descripción',
			version: '1'
		})
	},
	{
		name: 'users ?/create',
		action: usersPage.create,
		path: '/users',
		fields: () => ({
			name: 'New Person',
			email: 'new.person@example.org',
			role: 'coordinator',
			countries: ['MEX', 'GTM'],
			active: 'on',
			password: 'a-long-password-1'
		})
	},
	{
		name: 'user (edit)',
		action: userPage.default,
		path: '/users/x',
		params: () => ({ id: paramOf(ids.user) }),
		fields: () => ({
			name: 'Renamed',
			email: 'renamed@example.org',
			role: 'viewer',
			countries: ['MEX'],
			active: 'on',
			version: '1',
			password: ''
		})
	}
];

/** Each field kept, made hostile, dropped or repeated; unknown fields now and then. */
function fieldsOf(example: Fields): fc.Arbitrary<[string, string | File][]> {
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

const actorArb = (): fc.Arbitrary<Actor | null> =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.constant(who.admin) },
		{ weight: 2, arbitrary: fc.constant(who.mex) },
		{ weight: 1, arbitrary: fc.constant(who.gtm) },
		{ weight: 1, arbitrary: fc.constant(who.viewer) },
		{ weight: 1, arbitrary: fc.constant(null) }
	);

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
			setDb(t.db);
			empty.close();
		}
	});
});
