import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { createAction } from '../actions';
import { postUpdate } from '../actions/updates';
import { addEvidence, deleteEvidence, evidenceOfAction, listEvidence } from './index';
import { checkEvidenceUrl, evidenceCreateSchema } from '$lib/schemas/evidence';
import { actionCreateSchema } from '$lib/schemas/actions';
import { auditEntry } from '../db/schema';
import type { AppError } from '../http/errors';

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
});
afterEach(() => t.close());

function caught(fn: () => unknown): AppError {
	try {
		fn();
	} catch (e) {
		return e as AppError;
	}
	throw new Error('expected an error');
}

const mexAction = () =>
	createAction(
		t.db,
		who.mex,
		actionCreateSchema.parse({ title: 'Fee cap', country: 'MEX', articles: [2] })
	);

describe('evidence URLs', () => {
	it('accepts http(s) only and explains why others are refused', () => {
		for (const bad of [
			'javascript:alert(1)',
			' JavaScript:alert(1)',
			'java\tscript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'file:///etc/passwd',
			'ftp://example.org/x',
			'vbscript:msgbox'
		]) {
			expect(checkEvidenceUrl(bad), bad).toEqual({ ok: false, reason: 'scheme' });
		}
		expect(checkEvidenceUrl('not a url')).toEqual({ ok: false, reason: 'malformed' });
		expect(checkEvidenceUrl('https://user:pw@example.org/')).toEqual({
			ok: false,
			reason: 'credentials'
		});
		const r = evidenceCreateSchema.safeParse({
			url: 'javascript:alert(1)',
			title: 'x',
			target: { type: 'action', id: 1 }
		});
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]).toMatchObject({ path: ['url'] });
		expect(r.error!.issues[0].message).toMatch(/http:\/\/ or https:\/\//);
	});

	it('normalises scheme, host, default port, fragment, trailing slash and tracking parameters', () => {
		const n = (u: string) => (checkEvidenceUrl(u) as { normalized: string }).normalized;
		expect(n('HTTPS://Example.ORG:443/Report/?b=2&a=1&utm_source=x#top')).toBe(
			'https://example.org/Report/?a=1&b=2'
		);
		expect(n('https://example.org/report/')).toBe('https://example.org/report');
		expect(n('https://example.org/')).toBe('https://example.org');
		expect(n('http://example.org:80/a')).toBe('http://example.org/a');
	});
});

describe('adding and removing evidence', () => {
	it('attaches to an action, an update and an article; refuses a duplicate on the same item only', () => {
		const a = mexAction();
		const u = postUpdate(t.db, who.mex, a.id, { date: '2025-01-02', note: 'Decree published.' });
		const e1 = addEvidence(
			t.db,
			who.mex,
			evidenceCreateSchema.parse({
				url: 'https://dof.gob.mx/nota/123?utm_source=mail',
				title: 'Decree',
				kind: 'law',
				publishedOn: '2025-01-02',
				target: { type: 'action', id: a.id }
			})
		);
		expect(e1).toMatchObject({
			kind: 'law',
			country: 'MEX',
			target: { type: 'action', id: a.id, actionId: a.id, title: 'Fee cap' },
			createdBy: { id: who.mex.id, name: 'Marta Mexico' }
		});
		const before = snapshot(t.db);
		const dup = caught(() =>
			addEvidence(t.db, who.mex, {
				url: 'HTTPS://DOF.gob.mx/nota/123/#x',
				title: 'Same decree',
				kind: 'law',
				target: { type: 'action', id: a.id }
			})
		);
		expect(dup.status).toBe(409);
		expect(dup.details).toMatchObject({ duplicateOf: { id: e1.id } });
		expect(snapshot(t.db)).toEqual(before);
		// The same link on another item is fine.
		const e2 = addEvidence(t.db, who.mex, {
			url: 'https://dof.gob.mx/nota/123',
			title: 'Decree',
			kind: 'law',
			target: { type: 'action_update', id: u.id }
		});
		expect(e2.target).toMatchObject({ type: 'action_update', actionId: a.id, date: '2025-01-02' });
		const e3 = addEvidence(t.db, who.gtm, {
			url: 'https://example.org/rcm-report',
			title: 'RCM report',
			kind: 'report',
			target: { type: 'article', id: 2 }
		});
		expect(e3).toMatchObject({ country: null, target: { type: 'article', id: 2 } });
		expect(evidenceOfAction(t.db, who.mex, a.id).map((e) => e.id)).toEqual([e1.id, e2.id]);
		// Removing it frees the link for the same item again.
		deleteEvidence(t.db, who.mex, e1.id);
		expect(evidenceOfAction(t.db, who.mex, a.id).map((e) => e.id)).toEqual([e2.id]);
		addEvidence(t.db, who.mex, {
			url: 'https://dof.gob.mx/nota/123',
			title: 'Decree again',
			kind: 'law',
			target: { type: 'action', id: a.id }
		});
		const ops = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.entity, 'evidence'))
			.orderBy(auditEntry.id)
			.all()
			.map((e) => e.operation);
		expect(ops).toEqual(['create', 'create', 'create', 'delete', 'create']);
	});

	it('refuses a missing target with a field issue', () => {
		const e = caught(() =>
			addEvidence(t.db, who.admin, {
				url: 'https://example.org',
				title: 't',
				kind: 'other',
				target: { type: 'action', id: 9999 }
			})
		);
		expect(e.status).toBe(422);
		expect(e.issues[0].path).toBe('target.id');
	});

	it('lists and filters the library; coordinators see their countries and regional evidence', () => {
		const a = mexAction();
		addEvidence(t.db, who.mex, {
			url: 'https://example.org/law',
			title: 'Remittance law',
			kind: 'law',
			target: { type: 'action', id: a.id }
		});
		addEvidence(t.db, who.admin, {
			url: 'https://example.org/data',
			title: '50% of costs_data',
			kind: 'dataset',
			target: { type: 'article', id: 3 }
		});
		const titles = (q: object, actor = who.admin) =>
			listEvidence(t.db, actor, q).items.map((e) => e.title);
		expect(titles({}).sort()).toEqual(['50% of costs_data', 'Remittance law']);
		expect(titles({ kind: 'law' })).toEqual(['Remittance law']);
		expect(titles({ country: 'MEX' })).toEqual(['Remittance law']);
		expect(titles({ country: 'regional' })).toEqual(['50% of costs_data']);
		expect(titles({ article: 2 })).toEqual(['Remittance law']);
		expect(titles({ article: 3 })).toEqual(['50% of costs_data']);
		expect(titles({ q: '50%' })).toEqual(['50% of costs_data']);
		expect(titles({ q: '_' })).toEqual(['50% of costs_data']);
		expect(titles({ targetType: 'action', targetId: String(a.id) })).toEqual(['Remittance law']);
		expect(titles({}, who.gtm)).toEqual(['50% of costs_data']);
		expect(titles({}, who.viewer).length).toBe(2);
	});
});
