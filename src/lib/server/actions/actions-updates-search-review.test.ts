// The action service: progress updates, full-text search and filters, and the review of actions
// (submit, validate, return).
import { describe, it, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { snapshot } from '../../../../tests/helpers/db';
import { createAction, ftsQuery, getAction, listActions, updateAction } from './index';
import { articleObjectives } from '../progress';
import { listUpdates, postUpdate, listLatestUpdates } from './updates';
import { submitAction, validateAction, returnAction, actionReviewQueue } from '../review/actions';
import { actionUpdateSchema } from '$lib/schemas/actions';
import { action, appMeta, auditEntry } from '../db/schema';
import { auditOf, base, caught, freshDbPerTest, input, t, who } from './actions-test-setup';

freshDbPerTest();

describe('progress updates', () => {
	it('appends dated updates; the latest one sets status and percent; completion sets 100% and the date', () => {
		const a = createAction(t.db, who.mex, input({ startDate: '2025-01-01' }));
		const u1 = postUpdate(
			t.db,
			who.mex,
			a.id,
			actionUpdateSchema.parse({
				date: '2025-03-01',
				note: 'Agreement signed.',
				status: 'in_progress',
				percentComplete: 40
			})
		);
		expect(u1.action).toMatchObject({ status: 'in_progress', percentComplete: 40, version: 2 });
		// A back-dated update joins the history without changing the current state.
		const u0 = postUpdate(t.db, who.mex, a.id, {
			date: '2025-02-01',
			note: 'Negotiations.',
			status: 'planned',
			percentComplete: 10
		});
		expect(u0.action).toMatchObject({ status: 'in_progress', percentComplete: 40 });
		const u2 = postUpdate(t.db, who.mex, a.id, {
			date: '2025-04-02',
			note: 'Launched nationwide.',
			status: 'completed'
		});
		expect(u2.percentComplete).toBe(100);
		expect(u2.action).toMatchObject({
			status: 'completed',
			percentComplete: 100,
			completedOn: '2025-04-02'
		});
		const timeline = listUpdates(t.db, who.viewer, a.id);
		expect(timeline.map((u) => u.note)).toEqual([
			'',
			'Launched nationwide.',
			'Agreement signed.',
			'Negotiations.'
		]);
		expect(timeline[0].author).toEqual({ id: who.mex.id, name: 'Marta Mexico' });
		expect(
			t.db.select().from(auditEntry).where(eq(auditEntry.entity, 'action_update')).all()
		).toHaveLength(3);
		expect(listLatestUpdates(t.db, who.viewer, 2).map((u) => u.note)).toEqual([
			'Launched nationwide.',
			'Negotiations.'
		]);
		expect(listLatestUpdates(t.db, who.gtm, 10)).toEqual([]);
	});

	it('refuses a note-less or future update and an update that would contradict completion', () => {
		expect(actionUpdateSchema.safeParse({ date: '2025-01-01', note: ' ' }).success).toBe(false);
		expect(actionUpdateSchema.safeParse({ date: '2999-01-01', note: 'x' }).success).toBe(false);
		const a = createAction(
			t.db,
			who.mex,
			input({ status: 'completed', percentComplete: 100, completedOn: '2025-01-05' })
		);
		const before = snapshot(t.db);
		const e = caught(() =>
			postUpdate(t.db, who.mex, a.id, { date: '2025-02-01', note: 'Oops', percentComplete: 60 })
		);
		expect(e.status).toBe(422);
		expect(snapshot(t.db)).toEqual(before);
	});
});

describe('full-text search and filters', () => {
	it('finds actions by words of the title, description, lead agency and update notes', () => {
		const a = createAction(t.db, who.mex, input());
		const b = createAction(
			t.db,
			who.gtm,
			input({
				country: 'GTM',
				title: 'Reintegración de retornados',
				description: 'Centros de recepción en La Aurora',
				leadAgency: 'Instituto Guatemalteco de Migración',
				articles: [10]
			})
		);
		postUpdate(t.db, who.mex, a.id, {
			date: '2025-01-10',
			note: 'Pilot with cooperatives in Oaxaca.'
		});
		const ids = (q: string) => listActions(t.db, who.admin, { q }).items.map((x) => x.id);
		expect(ids('education')).toEqual([a.id]);
		expect(ids('Oaxaca')).toEqual([a.id]);
		expect(ids('recepcion')).toEqual([b.id]); // diacritics folded
		expect(ids('migra')).toEqual([b.id]); // prefix
		expect(ids('guatemalteco instituto')).toEqual([b.id]);
		expect(ids('finance nothinglikethis')).toEqual([]);
		// Stray quotes and FTS operators are words, never syntax.
		for (const q of ['"', 'fee"', 'NEAR(', 'a OR', '*', 'title:fee', '(-)', "l'Aurora"]) {
			expect(() => listActions(t.db, who.admin, { q })).not.toThrow();
		}
		expect(ftsQuery('  "fee" OR cap* ')).toBe('"fee"* "or"* "cap"*');
		expect(ftsQuery('"*()')).toBeNull();
		// The index follows edits.
		updateAction(t.db, who.mex, a.id, { version: 1, description: 'Lower fees for families.' });
		expect(ids('education')).toEqual([]);
		expect(ids('families')).toEqual([a.id]);
	});

	it('filters by article, country, status, overdue and review state; sorts and pages', () => {
		const mk = (o: Record<string, unknown>, by = who.admin) => createAction(t.db, by, input(o));
		const a1 = mk({ title: 'B one', articles: [2], dueDate: '2020-01-01' });
		const a2 = mk({
			title: 'a two',
			articles: [3],
			country: 'GTM',
			status: 'in_progress',
			percentComplete: 5
		});
		const a3 = mk({
			title: 'C three',
			articles: [2, 3],
			country: null,
			dueDate: '2020-06-01',
			status: 'completed',
			percentComplete: 100,
			completedOn: '2020-05-01'
		});
		const a4 = mk({ title: 'D four', articles: [4] }, who.mex);
		const ids = (q: Record<string, unknown>) =>
			listActions(t.db, who.admin, q as never).items.map((x) => x.id);
		expect(ids({ article: 2 }).sort()).toEqual([a1.id, a3.id].sort());
		// By GCM objective: the actions whose articles name it (issue 19 §3).
		const objectives = articleObjectives(t.db);
		const expected = (o: number) =>
			[
				[a1, [2]],
				[a2, [3]],
				[a3, [2, 3]],
				[a4, [4]]
			]
				.filter(([, arts]) => (arts as number[]).some((n) => objectives.get(n)?.includes(o)))
				.map(([a]) => (a as { id: number }).id)
				.sort();
		const named = [...new Set([2, 3, 4].flatMap((n) => objectives.get(n) ?? []))];
		expect(named.length).toBeGreaterThan(0);
		for (const o of named) expect(ids({ objective: o }).sort()).toEqual(expected(o));
		const unnamed = [...Array(23).keys()].map((i) => i + 1).find((o) => !named.includes(o));
		if (unnamed) expect(ids({ objective: unnamed })).toEqual([]);
		expect(ids({ country: 'GTM' })).toEqual([a2.id]);
		expect(ids({ country: 'regional' })).toEqual([a3.id]);
		expect(ids({ status: 'in_progress' })).toEqual([a2.id]);
		expect(ids({ overdue: true })).toEqual([a1.id]);
		expect(ids({ review: 'draft' })).toEqual([a4.id]);
		expect(ids({ sort: 'title' })).toEqual([a2.id, a1.id, a3.id, a4.id]);
		expect(ids({ sort: 'due' }).slice(0, 2)).toEqual([a1.id, a3.id]);
		const page1 = listActions(t.db, who.admin, { sort: 'title', limit: 3 });
		expect(page1).toMatchObject({ total: 4, nextCursor: '3' });
		const page2 = listActions(t.db, who.admin, { sort: 'title', limit: 3, cursor: '3' });
		expect(page2.items.map((x) => x.id)).toEqual([a4.id]);
		expect(page2.nextCursor).toBeNull();
		expect(listActions(t.db, who.admin, { article: 2 }).items[0].overdue).toBeDefined();
	});

	it("shows coordinators other countries' actions only as validated versions", () => {
		const draft = createAction(t.db, who.mex, input({ title: 'Mexican draft' }));
		const valid = createAction(t.db, who.admin, input({ title: 'Validated Mexican action' }));
		updateAction(t.db, who.mex, valid.id, { version: 1, title: 'Edited after validation' });
		const seen = listActions(t.db, who.gtm).items;
		expect(seen.map((x) => x.id)).toEqual([valid.id]);
		expect(seen[0]).toMatchObject({ title: 'Validated Mexican action', showingValidated: true });
		expect(caught(() => getAction(t.db, who.gtm, draft.id)).status).toBe(403);
		expect(caught(() => listUpdates(t.db, who.gtm, valid.id)).status).toBe(403);
		expect(getAction(t.db, who.viewer, valid.id)).toMatchObject({
			title: 'Edited after validation',
			reviewState: 'submitted'
		});
	});
});

describe('review: submit, validate, return', () => {
	it('walks draft → submitted → returned → submitted → validated, auditing each step', () => {
		const a = createAction(t.db, who.mex, input());
		expect(submitAction(t.db, who.mex, a.id).reviewState).toBe('submitted');
		expect(caught(() => submitAction(t.db, who.mex, a.id)).status).toBe(409);
		expect(actionReviewQueue(t.db, who.admin).awaiting.map((x) => x.id)).toEqual([a.id]);
		const r = returnAction(t.db, who.admin, a.id, { comment: 'Add the decree number.' });
		expect(r).toMatchObject({ reviewState: 'draft', reviewComment: 'Add the decree number.' });
		expect(actionReviewQueue(t.db, who.mex).returned.map((x) => x.id)).toEqual([a.id]);
		expect(actionReviewQueue(t.db, who.gtm).returned).toEqual([]);
		submitAction(t.db, who.mex, a.id);
		const dv = () =>
			Number(t.db.select().from(appMeta).where(eq(appMeta.key, 'data_version')).get()?.value ?? 0);
		const v0 = dv();
		const v = validateAction(t.db, who.admin, a.id, { version: 1 });
		expect(v).toMatchObject({ reviewState: 'validated', reviewComment: null });
		expect(v.validated).toMatchObject({ title: base.title, articles: [2], country: 'MEX' });
		expect(dv()).toBe(v0 + 1);
		expect(auditOf(a.id).map((e) => e.operation)).toEqual([
			'create',
			'submit',
			'return',
			'submit',
			'validate'
		]);
		expect(auditOf(a.id)[2].note).toBe('Add the decree number.');
	});

	it('an edit of a validated action waits as submitted and keeps the validated version', () => {
		const a = createAction(t.db, who.mex, input());
		submitAction(t.db, who.mex, a.id);
		validateAction(t.db, who.admin, a.id);
		const e = updateAction(t.db, who.mex, a.id, {
			version: 1,
			title: 'New title',
			articles: [2, 5]
		});
		expect(e.reviewState).toBe('submitted');
		expect(e.validated).toMatchObject({ title: base.title, articles: [2] });
		const stored = t.db.select().from(action).where(eq(action.id, a.id)).get()!;
		expect((stored.validated as { title: string }).title).toBe(base.title);
		const v = validateAction(t.db, who.admin, a.id);
		expect(v.validated).toMatchObject({ title: 'New title', articles: [2, 5] });
	});

	it('refuses validation of a stale version and return without a pending submission', () => {
		const a = createAction(t.db, who.mex, input());
		submitAction(t.db, who.mex, a.id);
		updateAction(t.db, who.mex, a.id, { version: 1, title: 'Changed meanwhile' });
		expect(caught(() => validateAction(t.db, who.admin, a.id, { version: 1 })).status).toBe(409);
		const b = createAction(t.db, who.mex, input());
		expect(caught(() => returnAction(t.db, who.admin, b.id, { comment: 'x' })).status).toBe(409);
	});
});
