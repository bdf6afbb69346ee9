// The action service: creating actions, the schema's validation rules, editing with version
// conflicts, delete and restore.
import { describe, it, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { snapshot } from '../../../../tests/helpers/db';
import {
	createAction,
	deleteAction,
	getAction,
	listActions,
	restoreAction,
	updateAction
} from './index';
import { listUpdates } from './updates';
import { actionCreateSchema, actionPatchSchema } from '$lib/schemas/actions';
import { appMeta } from '../db/schema';
import { auditOf, base, caught, freshDbPerTest, input, t, who } from './actions-test-setup';

freshDbPerTest();

describe('creating actions', () => {
	it('creates a draft for a coordinator, with articles, a first timeline point and an audit entry', () => {
		const a = createAction(t.db, who.mex, input({ articles: [14, 2], indicators: ['10.c.1'] }));
		expect(a).toMatchObject({
			title: base.title,
			country: 'MEX',
			articles: [2, 14],
			indicators: ['10.c.1'],
			status: 'planned',
			percentComplete: 0,
			reviewState: 'draft',
			version: 1,
			createdBy: { id: who.mex.id, name: 'Marta Mexico' },
			validated: null
		});
		expect(a.createdBy).not.toHaveProperty('email');
		const updates = listUpdates(t.db, who.mex, a.id);
		expect(updates).toHaveLength(1);
		expect(updates[0]).toMatchObject({ status: 'planned', percentComplete: 0, automatic: true });
		const audit = auditOf(a.id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ userId: who.mex.id, operation: 'create', before: null });
		expect(audit[0].after).toMatchObject({ title: base.title, articles: [2, 14], version: 1 });
	});

	it("validates an admin's own action at once and bumps the data version", () => {
		const before = t.db.select().from(appMeta).where(eq(appMeta.key, 'data_version')).get();
		const a = createAction(t.db, who.admin, input({ country: null }));
		expect(a.reviewState).toBe('validated');
		expect(a.validated).toMatchObject({ title: base.title, articles: [2], country: null });
		expect(a.validatedAt).not.toBeNull();
		const after = t.db.select().from(appMeta).where(eq(appMeta.key, 'data_version')).get();
		expect(Number(after?.value)).toBeGreaterThan(Number(before?.value ?? 1));
	});

	it('refuses unknown articles, indicators and non-member countries with field issues, writing nothing', () => {
		const before = snapshot(t.db);
		const e1 = caught(() => createAction(t.db, who.admin, input({ articles: [2, 19] })));
		expect(e1.status).toBe(422);
		expect(e1.issues[0].path).toBe('articles');
		const e2 = caught(() => createAction(t.db, who.admin, input({ indicators: ['99.9.9'] })));
		expect(e2.issues[0].path).toBe('indicators');
		const e3 = caught(() => createAction(t.db, who.admin, input({ country: 'HTI' })));
		expect(e3.issues[0].path).toBe('country');
		expect(snapshot(t.db)).toEqual(before);
	});
});

describe('validation rules (schema)', () => {
	const issues = (o: Record<string, unknown>) => {
		const r = actionCreateSchema.safeParse({ ...base, ...o });
		return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	};
	it('needs a title and at least one article', () => {
		expect(issues({ title: '  ' })).toEqual(['title: Enter a title.']);
		expect(issues({ articles: [] })).toEqual(['articles: Choose at least one article.']);
	});
	it('keeps percent within 0–100 as a whole number', () => {
		expect(issues({ percentComplete: 101 })[0]).toMatch(/^percentComplete/);
		expect(issues({ percentComplete: -1 })[0]).toMatch(/^percentComplete/);
		expect(issues({ percentComplete: 12.5 })[0]).toMatch(/^percentComplete/);
		expect(issues({ percentComplete: '50' })[0]).toMatch(/^percentComplete/);
	});
	it('refuses a due date before the start', () => {
		expect(issues({ startDate: '2025-05-01', dueDate: '2025-04-30' })).toEqual([
			'dueDate: The due date cannot be before the start date.'
		]);
		expect(issues({ startDate: '2025-05-01', dueDate: '2025-05-01' })).toEqual([]);
	});
	it('completed means 100% and a completion date; only completed actions have one', () => {
		expect(issues({ status: 'completed', percentComplete: 90 })).toEqual([
			'percentComplete: A completed action is 100% complete.',
			'completedOn: Enter the date the action was completed.'
		]);
		expect(
			issues({ status: 'completed', percentComplete: 100, completedOn: '2025-01-10' })
		).toEqual([]);
		expect(issues({ status: 'in_progress', completedOn: '2025-01-10' })).toEqual([
			'completedOn: Only a completed action has a completion date.'
		]);
	});
	it('refuses unknown fields, wrong types and bad dates', () => {
		expect(issues({ colour: 'red' })[0]).toMatch(/colour|Unrecognized/);
		expect(issues({ articles: '2' })[0]).toMatch(/^articles/);
		expect(issues({ dueDate: '2025-02-30' })[0]).toMatch(/^dueDate/);
		expect(actionCreateSchema.safeParse({ ...base, country: undefined }).success).toBe(false);
	});
	it('applies the same rules to an edit merged with the record', () => {
		const a = createAction(t.db, who.mex, input({ startDate: '2025-01-01' }));
		const e = caught(() =>
			updateAction(
				t.db,
				who.mex,
				a.id,
				actionPatchSchema.parse({ version: 1, dueDate: '2024-12-31' })
			)
		);
		expect(e.status).toBe(422);
		expect(e.issues).toEqual([
			{ path: 'dueDate', message: 'The due date cannot be before the start date.' }
		]);
		const e2 = caught(() => updateAction(t.db, who.mex, a.id, { version: 1, status: 'completed' }));
		expect(e2.issues.map((i) => i.path)).toEqual(['percentComplete', 'completedOn']);
		expect(getAction(t.db, who.mex, a.id).version).toBe(1);
	});
});

describe('editing, conflicts, delete and restore', () => {
	it('increments the version, audits before and after, and records a status change on the timeline', () => {
		const a = createAction(t.db, who.mex, input());
		const b = updateAction(t.db, who.mex, a.id, {
			version: 1,
			status: 'in_progress',
			percentComplete: 30,
			title: 'Fee cap, phase one'
		});
		expect(b).toMatchObject({ version: 2, status: 'in_progress', percentComplete: 30 });
		const entry = auditOf(a.id).find((e) => e.operation === 'update')!;
		expect(entry.before).toMatchObject({ title: base.title, status: 'planned', version: 1 });
		expect(entry.after).toMatchObject({
			title: 'Fee cap, phase one',
			status: 'in_progress',
			version: 2
		});
		expect(listUpdates(t.db, who.mex, a.id)[0]).toMatchObject({
			status: 'in_progress',
			percentComplete: 30
		});
		// An edit that changes nothing writes nothing.
		const same = updateAction(t.db, who.mex, a.id, { version: 2, title: 'Fee cap, phase one' });
		expect(same.version).toBe(2);
	});

	it('refuses a stale version with 409, says what changed, and changes nothing', () => {
		const a = createAction(t.db, who.mex, input());
		updateAction(t.db, who.admin, a.id, { version: 1, leadAgency: 'Central Bank' });
		const before = snapshot(t.db);
		const e = caught(() => updateAction(t.db, who.mex, a.id, { version: 1, title: 'Mine' }));
		expect(e.status).toBe(409);
		expect(e.message).toMatch(/Ana Admin/);
		expect(e.message).toMatch(/leadAgency/);
		const details = e.details as { changes: { field: string; then: unknown; now: unknown }[] };
		expect(details.changes).toContainEqual({
			field: 'leadAgency',
			then: 'Ministry of Finance',
			now: 'Central Bank'
		});
		expect(snapshot(t.db)).toEqual(before);
	});

	it('soft-deletes and restores with versions and audit entries', () => {
		const a = createAction(t.db, who.mex, input());
		expect(caught(() => deleteAction(t.db, who.mex, a.id, 7)).status).toBe(409);
		const d = deleteAction(t.db, who.mex, a.id, 1);
		expect(d.deletedAt).not.toBeNull();
		expect(listActions(t.db, who.mex).items.map((x) => x.id)).not.toContain(a.id);
		expect(listActions(t.db, who.mex, { deleted: true }).items.map((x) => x.id)).toContain(a.id);
		expect(listActions(t.db, who.viewer, { deleted: true }).items).toEqual([]);
		expect(caught(() => getAction(t.db, who.viewer, a.id)).status).toBe(404);
		expect(caught(() => updateAction(t.db, who.mex, a.id, { version: 2, title: 'x' })).status).toBe(
			409
		);
		const r = restoreAction(t.db, who.mex, a.id);
		expect(r).toMatchObject({ deletedAt: null, version: 3 });
		expect(auditOf(a.id).map((e) => e.operation)).toEqual(['create', 'delete', 'restore']);
	});
});
