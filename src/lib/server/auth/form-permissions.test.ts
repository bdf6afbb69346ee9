// The permission table of DESIGN §3 for every mutating form action of the actions,
// evidence, users and account pages: each role × Mexico's record / a regional one. The
// form actions run as SvelteKit runs them (a FormData request), against a real database.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { isRedirect, isActionFailure, type RequestEvent } from '@sveltejs/kit';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { setDb } from '../db';
import type { Actor } from './authz';
import { createAction, deleteAction } from '../actions';
import { postUpdate } from '../actions/updates';
import { addEvidence } from '../evidence';
import { actions as newActionForm } from '../../../routes/(app)/actions/new/+page.server';
import { actions as editForm } from '../../../routes/(app)/actions/[id]/edit/+page.server';
import { actions as actionPage } from '../../../routes/(app)/actions/[id]/+page.server';
import { actions as evidencePage } from '../../../routes/(app)/evidence/+page.server';
import { actions as usersPage } from '../../../routes/(app)/users/+page.server';
import { actions as userPage } from '../../../routes/(app)/users/[id]/+page.server';
import { actions as accountPage } from '../../../routes/(app)/account/+page.server';

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

type FormAction = (event: RequestEvent) => unknown;

/** Runs a form action; answers 303 (redirect after success) or the failure's status. */
async function submit(
	action: unknown,
	actor: Actor | null,
	fields: Record<string, string | string[]>,
	params: Record<string, string> = {}
): Promise<{ status: number; location?: string; data?: Record<string, unknown> }> {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) {
		for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	}
	const url = new URL('http://localhost/actions');
	const event = {
		request: new Request(url, { method: 'POST', body: form }),
		url,
		params,
		locals: { actor, sessionId: null }
	} as unknown as RequestEvent;
	try {
		const result = await (action as FormAction)(event);
		if (isActionFailure(result)) return { status: result.status, data: result.data as never };
		return { status: 200 };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		throw e;
	}
}

type Role = 'anonymous' | 'viewer' | 'mex' | 'gtm' | 'admin';
const ROLES: Role[] = ['anonymous', 'viewer', 'mex', 'gtm', 'admin'];
const actorOf = (r: Role): Actor | null => (r === 'anonymous' ? null : who[r]);
// 0 = allowed (the form redirects with 303); anonymous are sent to the sign-in page (303 too).
const EDIT_MEX: Record<Role, number> = { anonymous: 303, viewer: 403, mex: 0, gtm: 403, admin: 0 };
const EDIT_REGIONAL: Record<Role, number> = {
	anonymous: 303,
	viewer: 403,
	mex: 0,
	gtm: 0,
	admin: 0
};
const SUBMIT_REGIONAL: Record<Role, number> = {
	anonymous: 303,
	viewer: 403,
	mex: 403,
	gtm: 403,
	admin: 0
};
const ADMIN_ONLY: Record<Role, number> = {
	anonymous: 303,
	viewer: 403,
	mex: 403,
	gtm: 403,
	admin: 0
};

const seedAction = (country: string | null) =>
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
const setReview = (id: number, state: string) =>
	t.db.$client.prepare('update action set review_state = ? where id = ?').run(state, id);

interface Case {
	name: string;
	table: [Record<Role, number>, Record<Role, number>];
	run: (country: string | null, actor: Actor | null) => ReturnType<typeof submit>;
}

const actionFields = (country: string | null) => ({
	title: 'Through the form',
	description: '',
	country: country ?? 'regional',
	articles: ['2'],
	leadAgency: '',
	status: 'planned',
	percentComplete: '0',
	startDate: '',
	dueDate: '',
	completedOn: '',
	language: 'en'
});

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
			expect(res.status, role).toBe(role === 'anonymous' ? 303 : role === 'viewer' ? 403 : 303);
			if (role !== 'anonymous' && role !== 'viewer') expect(res.location).toMatch(/saved=added/);
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

describe('form validation keeps values and puts errors next to fields', () => {
	it('new action: every rule, in the page language, with the typed values', async () => {
		const res = await submit(newActionForm.default, who.mex, {
			...actionFields('MEX'),
			title: '',
			articles: [],
			percentComplete: '140',
			startDate: '2025-05-01',
			dueDate: '2025-04-01',
			status: 'completed',
			completedOn: ''
		});
		expect(res.status).toBe(422);
		expect(res.data?.errors).toMatchObject({
			title: 'Enter a title.',
			articles: 'Choose at least one article.',
			percentComplete: 'Enter a whole number from 0 to 100.',
			dueDate: 'The due date cannot be before the start date.'
		});
		expect(res.data?.values).toMatchObject({ startDate: '2025-05-01', percentComplete: '140' });
	});

	it('a country outside the coordinator’s is refused, not saved', async () => {
		const res = await submit(newActionForm.default, who.mex, actionFields('GTM'));
		expect(res.status).toBe(403);
	});

	it('a stale edit answers 409 with what changed, keeps the values, and offers the new version', async () => {
		const a = seedAction('MEX');
		await submit(
			editForm.default,
			who.admin,
			{ ...actionFields('MEX'), leadAgency: 'Central Bank', version: '1' },
			{ id: String(a.id) }
		);
		const res = await submit(
			editForm.default,
			who.mex,
			{ ...actionFields('MEX'), title: 'Mine', version: '1' },
			{ id: String(a.id) }
		);
		expect(res.status).toBe(409);
		expect(res.data?.values).toMatchObject({ title: 'Mine', version: '2' });
		const conflict = res.data?.conflict as { changes: { field: string; now: unknown }[] };
		expect(conflict.changes).toContainEqual(
			expect.objectContaining({ field: 'leadAgency', now: 'Central Bank' })
		);
	});

	it('evidence: javascript: and duplicates are refused with messages', async () => {
		const a = seedAction('MEX');
		const fields = {
			url: 'javascript:alert(1)',
			title: 'x',
			kind: 'other',
			publishedOn: '',
			note: '',
			target: 'action'
		};
		const js = await submit(actionPage.evidence, who.mex, fields, { id: String(a.id) });
		expect(js.status).toBe(422);
		expect(String((js.data?.errors as Record<string, string>).url)).toMatch(/https:\/\//);
		await submit(
			actionPage.evidence,
			who.mex,
			{ ...fields, url: 'https://example.org/x' },
			{ id: String(a.id) }
		);
		const dup = await submit(
			actionPage.evidence,
			who.mex,
			{ ...fields, url: 'https://EXAMPLE.org/x/' },
			{ id: String(a.id) }
		);
		expect(dup.status).toBe(409);
		expect(dup.data?.message).toMatch(/already recorded/);
	});

	it('own password: wrong current password is a field error', async () => {
		const res = await submit(accountPage.password, who.mex, {
			currentPassword: 'not-my-password',
			newPassword: 'new-password-123',
			confirmPassword: 'new-password-123'
		});
		expect(res.status).toBe(422);
		expect(res.data?.errors).toEqual({ currentPassword: 'The current password is not right.' });
	});
});
