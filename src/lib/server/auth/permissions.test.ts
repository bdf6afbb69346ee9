// The permission table of DESIGN §3 for every mutating endpoint of actions, updates,
// evidence, review, users and the audit log: each role × own country / other country /
// regional, through the real API handlers (which call the services the pages call too).
import { describe, it, expect } from 'vitest';
import { snapshot } from '../../../../tests/helpers/db';
import { deleteAction } from '../actions';
import { postUpdate } from '../actions/updates';
import { addEvidence } from '../evidence';
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
import * as approvalApi from '../../../routes/api/v1/countries/[iso3]/approval/+server';
import { submitAction } from '../review/actions';
import { setNationalApproval } from '../review/national';
import {
	ADMIN_ONLY,
	call,
	type Case,
	EDIT_MEX,
	EDIT_REGIONAL,
	newAction,
	SUBMIT_MEX,
	SUBMIT_REGIONAL
} from './permissions-test-setup';
import { actorOf, freshDbPerTest, ROLES, t, who, type Role } from './roles-test-setup';

freshDbPerTest();

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

describe('focal points (issue 17 §6): national approval', () => {
	/** A Mexican coordinator's submitted action. */
	const submitted = () => {
		const a = newAction('MEX');
		t.db.$client.prepare("update action set review_state = 'draft' where id = ?").run(a.id);
		submitAction(t.db, who.mex, a.id);
		return a;
	};
	// With national approval on for Mexico: only Mexico's focal point reviews first; the
	// secretariat's step is a 409 until then.
	const NATIONAL: Record<Role, number> = {
		anonymous: 401,
		viewer: 403,
		mex: 403,
		gtm: 403,
		focal: 200,
		admin: 409
	};
	for (const role of ROLES) {
		it(`validate and return of a Mexican submission as ${role} → ${NATIONAL[role]}`, async () => {
			setNationalApproval(t.db, who.admin, 'MEX', true);
			const a = submitted();
			const v = await call(validateApi.POST, actorOf(role), { params: { id: String(a.id) } });
			expect(v.status, await v.clone().text()).toBe(NATIONAL[role]);
			const b = submitted();
			const r = await call(returnApi.POST, actorOf(role), {
				params: { id: String(b.id) },
				body: { comment: 'Please add the decree.' }
			});
			expect(r.status, await r.clone().text()).toBe(NATIONAL[role]);
		});
	}

	it('with national approval off, focal points may not validate or return (403)', async () => {
		const a = submitted();
		const v = await call(validateApi.POST, who.focal, { params: { id: String(a.id) } });
		expect(v.status).toBe(403);
		const r = await call(returnApi.POST, who.focal, {
			params: { id: String(a.id) },
			body: { comment: 'x' }
		});
		expect(r.status).toBe(403);
	});

	it('focal points neither edit nor submit, and not for another country', async () => {
		setNationalApproval(t.db, who.admin, 'GTM', true);
		const a = newAction('GTM');
		t.db.$client.prepare("update action set review_state = 'draft' where id = ?").run(a.id);
		submitAction(t.db, who.gtm, a.id);
		const v = await call(validateApi.POST, who.focal, { params: { id: String(a.id) } });
		expect(v.status).toBe(403);
		const p = await call(actionApi.PATCH, who.focal, {
			method: 'PATCH',
			params: { id: String(a.id) },
			body: { version: a.version, title: 'Nope' }
		});
		expect(p.status).toBe(403);
	});

	it('GET /countries/{iso3}/approval: signed-in readers; PUT: admins only, 422 on a bad body', async () => {
		for (const role of ROLES) {
			const get = await call(approvalApi.GET, actorOf(role), {
				method: 'GET',
				params: { iso3: 'GTM' }
			});
			expect(get.status, role).toBe(role === 'anonymous' ? 401 : 200);
			const put = await call(approvalApi.PUT, actorOf(role), {
				method: 'PUT',
				params: { iso3: 'GTM' },
				body: { country: 'GTM', nationalApproval: true }
			});
			expect(put.status, role).toBe(ADMIN_ONLY[role] || 200);
		}
		const on = await call(approvalApi.GET, who.viewer, { method: 'GET', params: { iso3: 'gtm' } });
		expect(await on.json()).toEqual({ country: 'GTM', nationalApproval: true });
		const before = snapshot(t.db);
		for (const body of [
			{ nationalApproval: 'yes' },
			{ country: 'MEX', nationalApproval: false },
			{ nationalApproval: false, extra: 1 },
			{}
		]) {
			const res = await call(approvalApi.PUT, who.admin, {
				method: 'PUT',
				params: { iso3: 'GTM' },
				body
			});
			expect(res.status, JSON.stringify(body)).toBe(422);
		}
		const unknown = await call(approvalApi.PUT, who.admin, {
			method: 'PUT',
			params: { iso3: 'ZZZ' },
			body: { nationalApproval: true }
		});
		expect(unknown.status).toBe(404);
		expect(snapshot(t.db)).toEqual(before);
	});
});
