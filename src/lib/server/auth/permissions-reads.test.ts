// Permissions through the API beyond the table of DESIGN §3: reads, refusals that reveal nothing
// the reader may not see, and malformed requests (4xx with field issues, never a 500, nothing
// written).
import { describe, it, expect } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { snapshot } from '../../../../tests/helpers/db';
import type { Actor } from './authz';
import { createAction } from '../actions';
import { submitAction } from '../review/actions';
import * as actionsApi from '../../../routes/api/v1/actions/+server';
import * as actionApi from '../../../routes/api/v1/actions/[id]/+server';
import * as updatesApi from '../../../routes/api/v1/actions/[id]/updates/+server';
import * as evidenceApi from '../../../routes/api/v1/evidence/+server';
import * as usersApi from '../../../routes/api/v1/users/+server';
import * as auditApi from '../../../routes/api/v1/audit/+server';
import { call, newAction, type Handler } from './permissions-test-setup';
import { freshDbPerTest, t, who } from './roles-test-setup';

freshDbPerTest();

describe('reads', () => {
	it('anonymous: 401 everywhere; coordinators of another country: 403 for drafts', async () => {
		const mexDraft = createAction(t.db, who.mex, {
			title: 'Draft',
			description: '',
			country: 'MEX',
			articles: [2],
			leadAgency: '',
			status: 'planned',
			percentComplete: 0,
			indicators: []
		});
		for (const h of [actionsApi.GET, evidenceApi.GET, auditApi.GET, usersApi.GET]) {
			expect((await call(h, null, { method: 'GET' })).status).toBe(401);
		}
		const get = (actor: Actor) =>
			call(actionApi.GET, actor, { method: 'GET', params: { id: String(mexDraft.id) } });
		expect((await get(who.gtm)).status).toBe(403);
		expect((await get(who.viewer)).status).toBe(200);
		expect((await get(who.mex)).status).toBe(200);
		submitAction(t.db, who.mex, mexDraft.id);
		const list = await call(actionsApi.GET, who.gtm, { method: 'GET' });
		expect((await list.json()).items).toEqual([]);
	});
});

describe('refusals reveal nothing the reader may not see', () => {
	it("a 403 on another country's draft does not name that country", async () => {
		const mexDraft = createAction(t.db, who.mex, {
			title: 'Draft',
			description: '',
			country: 'MEX',
			articles: [2],
			leadAgency: '',
			status: 'planned',
			percentComplete: 0,
			indicators: []
		});
		const params = { id: String(mexDraft.id) };
		const attempts = [
			call(actionApi.PATCH, who.gtm, {
				method: 'PATCH',
				params,
				body: { version: mexDraft.version, title: 'Mine now' }
			}),
			call(actionApi.DELETE, who.gtm, { method: 'DELETE', params }),
			call(updatesApi.POST, who.gtm, {
				method: 'POST',
				params,
				body: { date: '2024-01-01', note: 'x' }
			}),
			call(actionApi.PATCH, who.viewer, {
				method: 'PATCH',
				params,
				body: { version: mexDraft.version, title: 'Viewer' }
			})
		];
		for (const res of await Promise.all(attempts)) {
			expect(res.status).toBe(403);
			expect(await res.text()).not.toMatch(/MEX|Mexico/);
		}
	});
});

describe('malformed requests: 4xx with field issues, never a 500, nothing written', () => {
	it('refuses bad JSON, wrong types, unknown fields, oversized bodies and bad ids', async () => {
		const a = newAction('MEX');
		const before = snapshot(t.db);
		const post = (body: unknown, headers?: Record<string, string>) => {
			const url = new URL('http://localhost/api/v1/actions');
			const event = {
				request: new Request(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: typeof body === 'string' ? body : JSON.stringify(body)
				}),
				url,
				params: {},
				locals: { actor: who.admin, sessionId: null }
			} as unknown as RequestEvent;
			return Promise.resolve((actionsApi.POST as unknown as Handler)(event));
		};
		const bad = await post('{"title": ');
		expect(bad.status).toBe(400);
		const types = await post({
			title: 5,
			country: 'MEX',
			articles: ['two'],
			percentComplete: '10'
		});
		expect(types.status).toBe(422);
		const paths = (await types.json()).error.issues.map((i: { path: string }) => i.path);
		expect(paths).toEqual(expect.arrayContaining(['title', 'articles.0', 'percentComplete']));
		const unknown = await post({ title: 'x', country: 'MEX', articles: [2], owner: 'me' });
		expect(unknown.status).toBe(422);
		expect(JSON.stringify(await unknown.json())).toMatch(/owner/);
		const big = await post({
			title: 'x',
			country: 'MEX',
			articles: [2],
			description: 'x'.repeat(1_100_000)
		});
		expect(big.status).toBe(413);
		const text = await post('title=x', { 'content-type': 'text/plain' });
		expect(text.status).toBe(415);
		const arr = await post([1, 2]);
		expect(arr.status).toBe(422);
		const nul = await post('null');
		expect(nul.status).toBe(422);
		for (const id of ['abc', '0', '-1', '1.5', '99999999999']) {
			const r = await call(actionApi.GET, who.admin, { method: 'GET', params: { id } });
			expect(r.status, id).toBe(400);
			expect((await r.json()).error.issues[0].path).toBe('id');
		}
		expect(
			(await call(actionApi.GET, who.admin, { method: 'GET', params: { id: '424242' } })).status
		).toBe(404);
		const q = await call(actionsApi.GET, who.admin, {
			method: 'GET',
			path: '/api/v1/actions?status=done&nope=1'
		});
		expect(q.status).toBe(400);
		const quote = await call(actionsApi.GET, who.admin, {
			method: 'GET',
			path: `/api/v1/actions?q=${encodeURIComponent('"fee" OR (')}`
		});
		expect(quote.status).toBe(200);
		const stale = await call(actionApi.PATCH, who.admin, {
			method: 'PATCH',
			params: { id: String(a.id) },
			body: { version: 99, title: 'Stale' }
		});
		expect(stale.status).toBe(409);
		const js = await call(evidenceApi.POST, who.admin, {
			body: { url: 'javascript:alert(1)', title: 'x', target: { type: 'action', id: a.id } }
		});
		expect(js.status).toBe(422);
		expect((await js.json()).error.issues[0]).toMatchObject({ path: 'url' });
		expect(snapshot(t.db)).toEqual(before);
	});
});
