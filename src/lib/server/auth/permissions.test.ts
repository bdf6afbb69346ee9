// The permission table of DESIGN §3 for every mutating endpoint of actions, updates,
// evidence, review, users and the audit log: each role × own country / other country /
// regional, through the real API handlers (which call the services the pages call too).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { setDb } from '../db';
import type { Actor } from './authz';
import { createAction, deleteAction } from '../actions';
import { postUpdate } from '../actions/updates';
import { addEvidence } from '../evidence';
import { submitAction } from '../review/actions';
import * as actionsApi from '../../../routes/api/v1/actions/+server';
import * as actionApi from '../../../routes/api/v1/actions/[id]/+server';
import * as restoreApi from '../../../routes/api/v1/actions/[id]/restore/+server';
import * as updatesApi from '../../../routes/api/v1/actions/[id]/updates/+server';
import * as submitApi from '../../../routes/api/v1/actions/[id]/submit/+server';
import * as validateApi from '../../../routes/api/v1/actions/[id]/validate/+server';
import * as returnApi from '../../../routes/api/v1/actions/[id]/return/+server';
import * as evidenceApi from '../../../routes/api/v1/evidence/+server';
import * as evidenceItemApi from '../../../routes/api/v1/evidence/[id]/+server';
import * as usersApi from '../../../routes/api/v1/users/+server';
import * as userApi from '../../../routes/api/v1/users/[id]/+server';
import * as auditApi from '../../../routes/api/v1/audit/+server';

type Handler = (event: RequestEvent) => Promise<Response> | Response;

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	setDb(t.db);
	who = cast(t.db);
});
afterEach(() => {
	setDb(undefined);
	t.close();
});

function call(
	handler: unknown,
	actor: Actor | null,
	opts: { method?: string; path?: string; params?: Record<string, string>; body?: unknown } = {}
): Promise<Response> {
	const url = new URL(`http://localhost${opts.path ?? '/api/v1/x'}`);
	const headers: Record<string, string> = {};
	let body: string | undefined;
	if (opts.body !== undefined) {
		body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
		headers['content-type'] = 'application/json';
	}
	const event = {
		request: new Request(url, { method: opts.method ?? 'POST', headers, body }),
		url,
		params: opts.params ?? {},
		locals: { actor, sessionId: null },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	return Promise.resolve((handler as Handler)(event));
}

type Role = 'anonymous' | 'viewer' | 'mex' | 'gtm' | 'admin';
const ROLES: Role[] = ['anonymous', 'viewer', 'mex', 'gtm', 'admin'];
const actorOf = (r: Role): Actor | null => (r === 'anonymous' ? null : who[r]);

/** Expected status for each role, for a record of Mexico and for a regional one. */
const EDIT_MEX: Record<Role, number> = { anonymous: 401, viewer: 403, mex: 0, gtm: 403, admin: 0 };
const EDIT_REGIONAL: Record<Role, number> = {
	anonymous: 401,
	viewer: 403,
	mex: 0,
	gtm: 0,
	admin: 0
};
const SUBMIT_MEX = EDIT_MEX;
const SUBMIT_REGIONAL: Record<Role, number> = {
	anonymous: 401,
	viewer: 403,
	mex: 403,
	gtm: 403,
	admin: 0
};
const ADMIN_ONLY: Record<Role, number> = {
	anonymous: 401,
	viewer: 403,
	mex: 403,
	gtm: 403,
	admin: 0
};

const newAction = (country: string | null) =>
	createAction(t.db, who.admin, {
		title: `Action of ${country ?? 'the region'}`,
		description: '',
		country,
		articles: [2],
		leadAgency: '',
		status: 'planned',
		percentComplete: 0,
		indicators: []
	});

interface Case {
	name: string;
	/** Prepares a fresh record and returns the request to send. */
	run: (scope: string | null, actor: Actor | null) => Promise<Response>;
	ok: number;
	table: [Record<Role, number>, Record<Role, number>];
}

const CASES: Case[] = [
	{
		name: 'POST /actions',
		ok: 201,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) =>
			call(actionsApi.POST, actor, { body: { title: 'New', country, articles: [2] } })
	},
	{
		name: 'PATCH /actions/{id}',
		ok: 200,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			return call(actionApi.PATCH, actor, {
				method: 'PATCH',
				params: { id: String(a.id) },
				body: { version: a.version, title: 'Changed' }
			});
		}
	},
	{
		name: 'DELETE /actions/{id}',
		ok: 200,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			return call(actionApi.DELETE, actor, { method: 'DELETE', params: { id: String(a.id) } });
		}
	},
	{
		name: 'POST /actions/{id}/restore',
		ok: 200,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			deleteAction(t.db, who.admin, a.id);
			return call(restoreApi.POST, actor, { params: { id: String(a.id) } });
		}
	},
	{
		name: 'POST /actions/{id}/updates',
		ok: 201,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			return call(updatesApi.POST, actor, {
				params: { id: String(a.id) },
				body: { date: '2025-01-15', note: 'Progress', percentComplete: 10 }
			});
		}
	},
	{
		name: 'POST /evidence (on an action)',
		ok: 201,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			return call(evidenceApi.POST, actor, {
				body: {
					url: 'https://example.org/a',
					title: 'Law',
					kind: 'law',
					target: { type: 'action', id: a.id }
				}
			});
		}
	},
	{
		name: 'POST /evidence (on an update)',
		ok: 201,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			const u = postUpdate(t.db, who.admin, a.id, { date: '2025-01-10', note: 'n' });
			return call(evidenceApi.POST, actor, {
				body: {
					url: 'https://example.org/u',
					title: 'Report',
					target: { type: 'action_update', id: u.id }
				}
			});
		}
	},
	{
		name: 'DELETE /evidence/{id}',
		ok: 200,
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			const e = addEvidence(t.db, who.admin, {
				url: 'https://example.org/d',
				title: 'Doc',
				kind: 'other',
				target: { type: 'action', id: a.id }
			});
			return call(evidenceItemApi.DELETE, actor, {
				method: 'DELETE',
				params: { id: String(e.id) }
			});
		}
	},
	{
		name: 'POST /actions/{id}/submit',
		ok: 200,
		table: [SUBMIT_MEX, SUBMIT_REGIONAL],
		run: (country, actor) => {
			const a = newAction(country);
			// Make it a draft again (admins' own actions start validated).
			t.db.$client.prepare("update action set review_state = 'draft' where id = ?").run(a.id);
			return call(submitApi.POST, actor, { params: { id: String(a.id) } });
		}
	},
	{
		name: 'POST /actions/{id}/validate',
		ok: 200,
		table: [ADMIN_ONLY, ADMIN_ONLY],
		run: (country, actor) => {
			const a = newAction(country);
			t.db.$client.prepare("update action set review_state = 'submitted' where id = ?").run(a.id);
			return call(validateApi.POST, actor, { params: { id: String(a.id) }, body: { version: 1 } });
		}
	},
	{
		name: 'POST /actions/{id}/return',
		ok: 200,
		table: [ADMIN_ONLY, ADMIN_ONLY],
		run: (country, actor) => {
			const a = newAction(country);
			t.db.$client.prepare("update action set review_state = 'submitted' where id = ?").run(a.id);
			return call(returnApi.POST, actor, {
				params: { id: String(a.id) },
				body: { comment: 'Please add the decree.' }
			});
		}
	}
];

describe('permission table (DESIGN §3) through the API', () => {
	for (const c of CASES) {
		for (const [i, scope] of (['MEX', null] as const).entries()) {
			for (const role of ROLES) {
				const expected = c.table[i][role] || c.ok;
				it(`${c.name} on ${scope ?? 'a regional record'} as ${role} → ${expected}`, async () => {
					const res = await c.run(scope, actorOf(role));
					expect(res.status, await res.clone().text()).toBe(expected);
					if (expected !== c.ok) {
						const body = await res.json();
						expect(body.error.code).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
					}
				});
			}
		}
	}

	it('a refused request writes nothing at all', async () => {
		const a = newAction('MEX');
		const before = snapshot(t.db);
		for (const actor of [null, who.viewer, who.gtm]) {
			await call(actionApi.PATCH, actor, {
				method: 'PATCH',
				params: { id: String(a.id) },
				body: { version: 1, title: 'Nope' }
			});
			await call(actionApi.DELETE, actor, { method: 'DELETE', params: { id: String(a.id) } });
			await call(updatesApi.POST, actor, {
				params: { id: String(a.id) },
				body: { date: '2025-01-01', note: 'x' }
			});
			await call(evidenceApi.POST, actor, {
				body: { url: 'https://x.org', title: 'x', target: { type: 'action', id: a.id } }
			});
		}
		expect(snapshot(t.db)).toEqual(before);
	});

	it('users and the audit log: admins only; emails never reach non-admins', async () => {
		for (const role of ROLES) {
			const actor = actorOf(role);
			const expected = ADMIN_ONLY[role];
			const list = await call(usersApi.GET, actor, { method: 'GET' });
			expect(list.status).toBe(expected || 200);
			const created = await call(usersApi.POST, actor, {
				body: {
					email: `new-${role}@example.org`,
					name: 'New person',
					password: 'password-12345',
					role: 'viewer'
				}
			});
			expect(created.status).toBe(expected || 201);
			const patched = await call(userApi.PATCH, actor, {
				method: 'PATCH',
				params: { id: who.viewer.id },
				body: { version: role === 'admin' ? 1 : 1, name: 'Renamed' }
			});
			expect(patched.status).toBe(expected || 200);
			const audit = await call(auditApi.GET, actor, { method: 'GET', path: '/api/v1/audit' });
			expect(audit.status).toBe(expected || 200);
			if (role !== 'admin') {
				const text = await list.text();
				expect(text).not.toContain('@example.org');
			}
		}
		// Actions carry names of their authors, never emails.
		const a = newAction('MEX');
		const res = await call(actionApi.GET, who.viewer, {
			method: 'GET',
			params: { id: String(a.id) }
		});
		expect(await res.text()).not.toContain('@');
	});
});

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
