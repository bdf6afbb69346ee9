// Form validation through the real form actions: values are kept and errors stand next to their
// fields.
import { describe, it, expect } from 'vitest';
import { actions as newActionForm } from '../../../routes/(app)/actions/new/+page.server';
import { actions as editForm } from '../../../routes/(app)/actions/[id]/edit/+page.server';
import { actions as actionPage } from '../../../routes/(app)/actions/[id]/+page.server';
import { actions as accountPage } from '../../../routes/(app)/account/+page.server';
import { actionFields, seedAction, submit } from './form-permissions-test-setup';
import { freshDbPerTest, who } from './roles-test-setup';

freshDbPerTest();

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
