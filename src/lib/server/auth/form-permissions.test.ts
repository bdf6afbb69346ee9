// The permission table of DESIGN §3 for every mutating form action of the actions,
// evidence, users and account pages: each role × Mexico's record / a regional one. The
// form actions run as SvelteKit runs them (a FormData request), against a real database.
import { describe, it, expect } from 'vitest';
import { snapshot } from '../../../../tests/helpers/db';
import { deleteAction } from '../actions';
import { postUpdate } from '../actions/updates';
import { addEvidence } from '../evidence';
import { actions as newActionForm } from '../../../routes/(app)/actions/new/+page.server';
import { actions as editForm } from '../../../routes/(app)/actions/[id]/edit/+page.server';
import { actions as actionPage } from '../../../routes/(app)/actions/[id]/+page.server';
import { actions as evidencePage } from '../../../routes/(app)/evidence/+page.server';
import { actions as usersPage } from '../../../routes/(app)/users/+page.server';
import { actions as userPage } from '../../../routes/(app)/users/[id]/+page.server';
import {
	actionFields,
	ADMIN_ONLY,
	type Case,
	EDIT_MEX,
	EDIT_REGIONAL,
	seedAction,
	setReview,
	submit,
	SUBMIT_REGIONAL
} from './form-permissions-test-setup';
import { actorOf, freshDbPerTest, ROLES, t, who } from './roles-test-setup';

freshDbPerTest();

const CASES: Case[] = [
	{
		name: 'new action (default)',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => submit(newActionForm.default, actor, actionFields(country))
	},
	{
		name: 'edit action (default)',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			return submit(
				editForm.default,
				actor,
				{ ...actionFields(country), title: 'Edited', version: String(a.version) },
				{ id: String(a.id) }
			);
		}
	},
	{
		name: 'action page ?/update',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			return submit(
				actionPage.update,
				actor,
				{ date: '2025-02-01', note: 'Progress', status: '', percentComplete: '20' },
				{ id: String(a.id) }
			);
		}
	},
	{
		name: 'action page ?/evidence',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			return submit(
				actionPage.evidence,
				actor,
				{
					url: 'https://example.org/law',
					title: 'Law',
					kind: 'law',
					publishedOn: '',
					note: '',
					target: 'action'
				},
				{ id: String(a.id) }
			);
		}
	},
	{
		name: 'action page ?/evidence (on an update)',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			const u = postUpdate(t.db, who.admin, a.id, { date: '2025-01-05', note: 'n' });
			return submit(
				actionPage.evidence,
				actor,
				{
					url: 'https://example.org/u',
					title: 'Report',
					kind: 'report',
					publishedOn: '',
					note: '',
					target: `update:${u.id}`
				},
				{ id: String(a.id) }
			);
		}
	},
	{
		name: 'action page ?/removeEvidence',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			const e = addEvidence(t.db, who.admin, {
				url: 'https://example.org/d',
				title: 'Doc',
				kind: 'other',
				target: { type: 'action', id: a.id }
			});
			return submit(
				actionPage.removeEvidence,
				actor,
				{ evidenceId: String(e.id) },
				{ id: String(a.id) }
			);
		}
	},
	{
		name: 'action page ?/delete',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			return submit(actionPage.delete, actor, { version: String(a.version) }, { id: String(a.id) });
		}
	},
	{
		name: 'action page ?/restore',
		table: [EDIT_MEX, EDIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			deleteAction(t.db, who.admin, a.id);
			return submit(actionPage.restore, actor, {}, { id: String(a.id) });
		}
	},
	{
		name: 'action page ?/submit',
		table: [EDIT_MEX, SUBMIT_REGIONAL],
		run: (country, actor) => {
			const a = seedAction(country);
			setReview(a.id, 'draft');
			return submit(actionPage.submit, actor, { version: '1' }, { id: String(a.id) });
		}
	},
	{
		name: 'action page ?/validate',
		table: [ADMIN_ONLY, ADMIN_ONLY],
		run: (country, actor) => {
			const a = seedAction(country);
			setReview(a.id, 'submitted');
			return submit(actionPage.validate, actor, { version: '1' }, { id: String(a.id) });
		}
	},
	{
		name: 'action page ?/return',
		table: [ADMIN_ONLY, ADMIN_ONLY],
		run: (country, actor) => {
			const a = seedAction(country);
			setReview(a.id, 'submitted');
			return submit(
				actionPage.return,
				actor,
				{ comment: 'Add the decree.', version: '1' },
				{ id: String(a.id) }
			);
		}
	}
];

describe('permission table (DESIGN §3) through the form actions', () => {
	for (const c of CASES) {
		for (const [i, scope] of (['MEX', null] as const).entries()) {
			for (const role of ROLES) {
				const expected = c.table[i][role];
				it(`${c.name} on ${scope ?? 'a regional record'} as ${role} → ${expected || 'saved'}`, async () => {
					const res = await c.run(scope, actorOf(role));
					if (role === 'anonymous') {
						expect(res.status).toBe(303);
						expect(res.location).toMatch(/^\/signin\?redirectTo=/);
					} else if (expected === 0) {
						expect(res.status, JSON.stringify(res.data)).toBe(303);
						expect(res.location).not.toMatch(/signin/);
					} else {
						expect(res.status).toBe(expected);
						expect(res.data?.message).toBe('You do not have permission to do this.');
					}
				});
			}
		}
	}

	it('evidence library ?/add (on an article): coordinators of any country and admins', async () => {
		for (const role of ROLES) {
			const res = await submit(evidencePage.add, actorOf(role), {
				article: '3',
				url: `https://example.org/${role}`,
				title: 'Regional report',
				kind: 'report',
				publishedOn: '',
				note: ''
			});
			const refused = role === 'viewer' || role === 'focal';
			expect(res.status, role).toBe(role === 'anonymous' ? 303 : refused ? 403 : 303);
			if (role !== 'anonymous' && !refused) expect(res.location).toMatch(/saved=added/);
		}
	});

	it('users ?/create and user edit: admins only', async () => {
		for (const role of ROLES) {
			const created = await submit(usersPage.create, actorOf(role), {
				name: 'Nora New',
				email: `nora-${role}@example.org`,
				password: 'password-12345',
				role: 'viewer',
				active: 'on'
			});
			expect(created.status, role).toBe(ADMIN_ONLY[role] || 303);
			const edited = await submit(
				userPage.default,
				actorOf(role),
				{ name: 'Renamed', email: who.viewer.email, role: 'viewer', version: '1', active: 'on' },
				{ id: who.viewer.id }
			);
			expect(edited.status, role).toBe(ADMIN_ONLY[role] || 303);
		}
	});

	it('a refused form writes nothing', async () => {
		const a = seedAction('MEX');
		const before = snapshot(t.db);
		for (const actor of [who.viewer, who.gtm]) {
			await submit(
				editForm.default,
				actor,
				{ ...actionFields('MEX'), version: '1' },
				{ id: String(a.id) }
			);
			await submit(
				actionPage.update,
				actor,
				{ date: '2025-01-01', note: 'x' },
				{ id: String(a.id) }
			);
			await submit(actionPage.delete, actor, { version: '1' }, { id: String(a.id) });
			await submit(actionPage.validate, actor, { version: '1' }, { id: String(a.id) });
		}
		expect(snapshot(t.db)).toEqual(before);
	});
});
