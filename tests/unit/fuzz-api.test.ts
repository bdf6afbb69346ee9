// Hostile input at every JSON endpoint of /api/v1 (property-based, fast-check): generated
// bodies (near-valid, any JSON, malformed, other content types), query strings and path
// parameters, from every kind of user. The handlers run as SvelteKit runs them, against a
// real migrated database. Every answer is below 500, an error has the shape of DESIGN §4 and
// a 422 names the fields; a rejected request leaves the database exactly as it was.
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
	bodyOf,
	callEndpoint,
	expectApiAnswer,
	paramOf,
	queryOf,
	requestEvent,
	type Body
} from './fuzz-helpers';
import * as actions from '../../src/routes/api/v1/actions/+server';
import * as action from '../../src/routes/api/v1/actions/[id]/+server';
import * as restore from '../../src/routes/api/v1/actions/[id]/restore/+server';
import * as actionReturn from '../../src/routes/api/v1/actions/[id]/return/+server';
import * as actionSubmit from '../../src/routes/api/v1/actions/[id]/submit/+server';
import * as actionValidate from '../../src/routes/api/v1/actions/[id]/validate/+server';
import * as updates from '../../src/routes/api/v1/actions/[id]/updates/+server';
import * as articles from '../../src/routes/api/v1/articles/+server';
import * as article from '../../src/routes/api/v1/articles/[n]/+server';
import * as audit from '../../src/routes/api/v1/audit/+server';
import * as countries from '../../src/routes/api/v1/countries/+server';
import * as evidence from '../../src/routes/api/v1/evidence/+server';
import * as evidenceItem from '../../src/routes/api/v1/evidence/[id]/+server';
import * as imports from '../../src/routes/api/v1/imports/+server';
import * as indicators from '../../src/routes/api/v1/indicators/+server';
import * as indicatorItem from '../../src/routes/api/v1/indicators/[code]/+server';
import * as observations from '../../src/routes/api/v1/indicators/[code]/observations/+server';
import * as observation from '../../src/routes/api/v1/indicators/[code]/observations/[id]/+server';
import * as obsReturn from '../../src/routes/api/v1/indicators/[code]/observations/[id]/return/+server';
import * as obsSubmit from '../../src/routes/api/v1/indicators/[code]/observations/[id]/submit/+server';
import * as obsValidate from '../../src/routes/api/v1/indicators/[code]/observations/[id]/validate/+server';
import * as progress from '../../src/routes/api/v1/indicators/[code]/progress/+server';
import * as shareLinks from '../../src/routes/api/v1/share-links/+server';
import * as shareLink from '../../src/routes/api/v1/share-links/[id]/+server';
import * as users from '../../src/routes/api/v1/users/+server';
import * as user from '../../src/routes/api/v1/users/[id]/+server';
import * as missing from '../../src/routes/api/v1/[...rest]/+server';

let t: TestDb;
let who: ReturnType<typeof cast>;
let guard: DbGuard;
const ids = { action: '1', regional: '1', evidence: '1', observation: '1', share: '1', user: 'x' };

beforeAll(() => {
	t = freshDb();
	setDb(t.db);
	who = cast(t.db);
	const base = {
		description: '',
		articles: [2],
		leadAgency: '',
		status: 'planned' as const,
		percentComplete: 0,
		indicators: []
	};
	const a = createAction(t.db, who.admin, { ...base, title: 'Fuzz target', country: 'MEX' });
	const r = createAction(t.db, who.admin, { ...base, title: 'Regional target', country: null });
	postUpdate(t.db, who.admin, a.id, { date: '2025-01-10', note: 'First' });
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
		regional: String(r.id),
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

interface Endpoint {
	name: string;
	handler: unknown;
	method: string;
	path: string;
	params?: () => Record<string, fc.Arbitrary<string>>;
	query?: string[];
	body?: () => Record<string, unknown>;
}

const actionId = () => ({ id: paramOf(ids.action) });
const obsParams = () => ({ code: paramOf('10.7.3'), id: paramOf(ids.observation) });
const codeParam = () => ({ code: paramOf('10.7.3') });

const ENDPOINTS: Endpoint[] = [
	{
		name: 'GET /actions',
		handler: actions.GET,
		method: 'GET',
		path: '/api/v1/actions',
		query: [
			'article',
			'country',
			'status',
			'review',
			'q',
			'overdue',
			'deleted',
			'sort',
			'order',
			'limit',
			'cursor',
			'page',
			'lang'
		]
	},
	{
		name: 'POST /actions',
		handler: actions.POST,
		method: 'POST',
		path: '/api/v1/actions',
		body: () => ({
			title: 'New',
			description: 'Text',
			country: 'MEX',
			articles: [2, 3],
			leadAgency: 'Ministry',
			status: 'in_progress',
			percentComplete: 20,
			startDate: '2024-01-01',
			dueDate: '2026-01-01',
			indicators: ['10.7.3'],
			language: 'es'
		})
	},
	{
		name: 'GET /actions/{id}',
		handler: action.GET,
		method: 'GET',
		path: '/api/v1/actions/x',
		params: actionId
	},
	{
		name: 'PATCH /actions/{id}',
		handler: action.PATCH,
		method: 'PATCH',
		path: '/api/v1/actions/x',
		params: actionId,
		body: () => ({
			version: 1,
			title: 'Changed',
			status: 'completed',
			percentComplete: 100,
			completedOn: '2025-01-01'
		})
	},
	{
		name: 'DELETE /actions/{id}',
		handler: action.DELETE,
		method: 'DELETE',
		path: '/api/v1/actions/x',
		params: actionId,
		query: ['version']
	},
	{
		name: 'POST /actions/{id}/restore',
		handler: restore.POST,
		method: 'POST',
		path: '/api/v1/actions/x/restore',
		params: actionId,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /actions/{id}/submit',
		handler: actionSubmit.POST,
		method: 'POST',
		path: '/api/v1/actions/x/submit',
		params: actionId,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /actions/{id}/validate',
		handler: actionValidate.POST,
		method: 'POST',
		path: '/api/v1/actions/x/validate',
		params: actionId,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /actions/{id}/return',
		handler: actionReturn.POST,
		method: 'POST',
		path: '/api/v1/actions/x/return',
		params: actionId,
		body: () => ({ comment: 'Please add the source', version: 1 })
	},
	{
		name: 'GET /actions/{id}/updates',
		handler: updates.GET,
		method: 'GET',
		path: '/api/v1/actions/x/updates',
		params: actionId
	},
	{
		name: 'POST /actions/{id}/updates',
		handler: updates.POST,
		method: 'POST',
		path: '/api/v1/actions/x/updates',
		params: actionId,
		body: () => ({
			date: '2025-02-01',
			note: 'Progress',
			status: 'in_progress',
			percentComplete: 40
		})
	},
	{
		name: 'GET /articles',
		handler: articles.GET,
		method: 'GET',
		path: '/api/v1/articles',
		query: ['lang']
	},
	{
		name: 'GET /articles/{n}',
		handler: article.GET,
		method: 'GET',
		path: '/api/v1/articles/x',
		params: () => ({ n: paramOf('5') }),
		query: ['lang']
	},
	{
		name: 'GET /audit',
		handler: audit.GET,
		method: 'GET',
		path: '/api/v1/audit',
		query: ['entity', 'id', 'user', 'operation', 'from', 'to', 'limit', 'cursor']
	},
	{
		name: 'GET /countries',
		handler: countries.GET,
		method: 'GET',
		path: '/api/v1/countries',
		query: ['member', 'lang']
	},
	{
		name: 'GET /evidence',
		handler: evidence.GET,
		method: 'GET',
		path: '/api/v1/evidence',
		query: [
			'targetType',
			'targetId',
			'kind',
			'country',
			'article',
			'q',
			'deleted',
			'limit',
			'cursor',
			'page'
		]
	},
	{
		name: 'POST /evidence',
		handler: evidence.POST,
		method: 'POST',
		path: '/api/v1/evidence',
		body: () => ({
			url: 'https://example.org/report?utm_source=x',
			title: 'Report',
			kind: 'report',
			publishedOn: '2024-05-01',
			note: 'Annex',
			target: { type: 'action', id: Number(ids.action) }
		})
	},
	{
		name: 'GET /evidence/{id}',
		handler: evidenceItem.GET,
		method: 'GET',
		path: '/api/v1/evidence/x',
		params: () => ({ id: paramOf(ids.evidence) })
	},
	{
		name: 'DELETE /evidence/{id}',
		handler: evidenceItem.DELETE,
		method: 'DELETE',
		path: '/api/v1/evidence/x',
		params: () => ({ id: paramOf(ids.evidence) })
	},
	{ name: 'GET /imports', handler: imports.GET, method: 'GET', path: '/api/v1/imports' },
	{
		name: 'GET /indicators',
		handler: indicators.GET,
		method: 'GET',
		path: '/api/v1/indicators',
		query: ['lang']
	},
	{
		name: 'POST /indicators',
		handler: indicators.POST,
		method: 'POST',
		path: '/api/v1/indicators',
		body: () => ({
			code: 'RCM-99.1',
			name: 'Fuzzed',
			unit: 'percent',
			direction: 'increase',
			baselineYear: 2015,
			baselineValue: 10,
			targetYear: 2030,
			targetValue: 50,
			scaleMin: 0,
			scaleMax: 100,
			articles: [3],
			sdg: ['10.7'],
			gcm: [1],
			translations: { es: { name: 'Difuso' } }
		})
	},
	{
		name: 'GET /indicators/{code}',
		handler: indicatorItem.GET,
		method: 'GET',
		path: '/api/v1/indicators/x',
		params: codeParam,
		query: ['lang']
	},
	{
		name: 'PATCH /indicators/{code}',
		handler: indicatorItem.PATCH,
		method: 'PATCH',
		path: '/api/v1/indicators/x',
		params: codeParam,
		body: () => ({ version: 1, name: 'Renamed', ceiling: 5, targetYear: 2030, targetValue: 3 })
	},
	{
		name: 'GET /indicators/{code}/observations',
		handler: observations.GET,
		method: 'GET',
		path: '/api/v1/indicators/x/observations',
		params: codeParam,
		query: ['country', 'from', 'to', 'validatedOnly', 'review', 'format', 'limit', 'cursor']
	},
	{
		name: 'POST /indicators/{code}/observations',
		handler: observations.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations',
		params: codeParam,
		body: () => ({
			observations: [
				{
					country: 'MEX',
					period: '2024-Q2',
					disaggregation: { sex: 'female' },
					value: 7,
					status: 'provisional',
					source: 'INM',
					note: 'n',
					evidence: { url: 'https://example.org/d', title: 'Data', kind: 'dataset' }
				}
			]
		})
	},
	{
		name: 'GET /indicators/{code}/observations/{id}',
		handler: observation.GET,
		method: 'GET',
		path: '/api/v1/indicators/x/observations/y',
		params: obsParams
	},
	{
		name: 'POST /indicators/{code}/observations/{id}/submit',
		handler: obsSubmit.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations/y/submit',
		params: obsParams,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /indicators/{code}/observations/{id}/validate',
		handler: obsValidate.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations/y/validate',
		params: obsParams,
		body: () => ({ version: 1 })
	},
	{
		name: 'POST /indicators/{code}/observations/{id}/return',
		handler: obsReturn.POST,
		method: 'POST',
		path: '/api/v1/indicators/x/observations/y/return',
		params: obsParams,
		body: () => ({ comment: 'Check the source' })
	},
	{
		name: 'GET /indicators/{code}/progress',
		handler: progress.GET,
		method: 'GET',
		path: '/api/v1/indicators/x/progress',
		params: codeParam,
		query: ['country', 'method', 'validatedOnly']
	},
	{ name: 'GET /share-links', handler: shareLinks.GET, method: 'GET', path: '/api/v1/share-links' },
	{
		name: 'POST /share-links',
		handler: shareLinks.POST,
		method: 'POST',
		path: '/api/v1/share-links',
		body: () => ({
			scopeType: 'article',
			scopeTarget: '5',
			label: 'For the minister',
			locale: 'fr',
			expiresOn: '2099-01-01',
			asOf: '2024-12-31'
		})
	},
	{
		name: 'DELETE /share-links/{id}',
		handler: shareLink.DELETE,
		method: 'DELETE',
		path: '/api/v1/share-links/x',
		params: () => ({ id: paramOf(ids.share) })
	},
	{
		name: 'GET /users',
		handler: users.GET,
		method: 'GET',
		path: '/api/v1/users',
		query: ['role', 'active', 'q']
	},
	{
		name: 'POST /users',
		handler: users.POST,
		method: 'POST',
		path: '/api/v1/users',
		body: () => ({
			email: 'new.person@example.org',
			name: 'New Person',
			password: 'a-long-password-1',
			role: 'coordinator',
			countries: ['MEX'],
			active: true
		})
	},
	{
		name: 'GET /users/{id}',
		handler: user.GET,
		method: 'GET',
		path: '/api/v1/users/x',
		params: () => ({ id: paramOf(ids.user) })
	},
	{
		name: 'PATCH /users/{id}',
		handler: user.PATCH,
		method: 'PATCH',
		path: '/api/v1/users/x',
		params: () => ({ id: paramOf(ids.user) }),
		body: () => ({ version: 1, name: 'Renamed', role: 'viewer', countries: [], active: false })
	},
	{
		name: 'POST /unknown',
		handler: missing.POST,
		method: 'POST',
		path: '/api/v1/unknown',
		params: () => ({ rest: paramOf('unknown') }),
		body: () => ({ anything: 1 })
	}
];

const actorArb = (): fc.Arbitrary<Actor | null> =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.constant(who.admin) },
		{ weight: 2, arbitrary: fc.constant(who.mex) },
		{ weight: 1, arbitrary: fc.constant(who.gtm) },
		{ weight: 1, arbitrary: fc.constant(who.viewer) },
		{ weight: 1, arbitrary: fc.constant(null) }
	);

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

describe('body limits and content types at every endpoint that reads JSON', () => {
	const withBody = ENDPOINTS.filter((ep) => ep.body && ep.name !== 'POST /unknown');
	const paramsOf = (ep: Endpoint) =>
		ep.params ? fc.sample(fc.record(ep.params()), { numRuns: 1, seed: 1 })[0] : {};
	const send = (ep: Endpoint, init: RequestInit & { duplex?: 'half' }) => {
		const url = new URL(`http://localhost${ep.path}`);
		const event = {
			...requestEvent({ method: ep.method, path: ep.path, actor: who.admin }),
			request: new Request(url, { method: ep.method, ...init }),
			params: paramsOf(ep)
		};
		return callEndpoint(ep.handler, event);
	};
	const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024) });

	for (const ep of withBody) {
		it(`${ep.name}: 415 for another content type, 413 over 1 MB, 413 when the server's own limit cuts the body`, async () => {
			const wrongType = await send(ep, {
				headers: { 'content-type': 'text/plain' },
				body: JSON.stringify(ep.body!())
			});
			expect(wrongType.status).toBe(415);
			expectApiAnswer(wrongType, ep.name);

			const declared = await send(ep, {
				headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
				body: big
			});
			expect(declared.status).toBe(413);
			expectApiAnswer(declared, ep.name);

			// Streamed without a length: counted while read.
			const streamed = await send(ep, {
				headers: { 'content-type': 'application/json' },
				body: new Blob([big]).stream(),
				duplex: 'half'
			});
			expect(streamed.status).toBe(413);

			// adapter-node errors the stream past BODY_SIZE_LIMIT (a SvelteKitError with status 413).
			const cut = await send(ep, {
				headers: { 'content-type': 'application/json' },
				body: new ReadableStream({
					start: (c) =>
						c.error(Object.assign(new Error('Content-length exceeds limit'), { status: 413 }))
				}),
				duplex: 'half'
			});
			expect(cut.status, cut.text).toBe(413);
			expectApiAnswer(cut, ep.name);
			guard.check(false, ep.name);
		});
	}
});
