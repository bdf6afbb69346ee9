import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { action, article, auditEntry, indicator } from '../db/schema';
import type { Actor } from '../auth/authz';
import { createAction, deleteAction, updateAction } from '../actions';
import { postUpdate } from '../actions/updates';
import { addEvidence } from '../evidence';
import { upsertObservations } from '../observations';
import { updateIndicator } from '../indicators/catalogue';
import { runImport } from '../import/pipeline';
import { actionCreateSchema } from '$lib/schemas/actions';
import { observationInputSchema } from '$lib/schemas/observations';
import {
	canonicalJson,
	createEdition,
	diffEditions,
	editionDataText,
	editionSnapshot,
	getEdition,
	listEditions,
	sha256Hex,
	slugify
} from '.';

let t: TestDb;
let admin: Actor;
let mex: Actor;
const ids: Record<string, number> = {};
const obs = (o: Record<string, unknown>) => observationInputSchema.parse(o);

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	mex = person(t.db, 'coordinator', ['MEX']);
	ids.fees = createAction(
		t.db,
		admin,
		actionCreateSchema.parse({
			title: 'Cap remittance fees',
			country: 'MEX',
			articles: [2],
			status: 'in_progress',
			indicators: ['10.c.1']
		})
	).id;
	ids.gone = createAction(
		t.db,
		admin,
		actionCreateSchema.parse({ title: 'Consular fairs', country: 'GTM', articles: [14] })
	).id;
	ids.draft = createAction(
		t.db,
		mex,
		actionCreateSchema.parse({ title: 'SECRET DRAFT', country: 'MEX', articles: [2] })
	).id;
	postUpdate(t.db, admin, ids.fees, {
		date: '2025-01-10',
		note: 'Started',
		status: 'in_progress',
		percentComplete: 10
	});
	addEvidence(t.db, admin, {
		url: 'https://example.org/law',
		title: 'Fee law',
		kind: 'law',
		target: { type: 'action', id: ids.fees }
	});
	upsertObservations(t.db, admin, '10.c.1', [
		obs({ country: 'MEX', period: '2015', value: 6, note: 'Footnote A' }),
		obs({ country: 'MEX', period: '2023', value: 5, status: 'provisional' }),
		obs({ country: 'MEX', period: '2020-Q3', disaggregation: { corridor: 'USA>MEX' }, value: 5.2 })
	]);
});
afterAll(() => t.close());

describe('editions', () => {
	it('refuses everyone but the secretariat, changing nothing', () => {
		expect(() => createEdition(t.db, null, { name: 'X' })).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(() => createEdition(t.db, mex, { name: 'X' })).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() => createEdition(t.db, admin, { name: 'X', asOf: '2999-01-01' })).toThrow(
			expect.objectContaining({ status: 422 })
		);
		expect(listEditions(t.db, admin)).toEqual([]);
		expect(() => listEditions(t.db, null)).toThrow(expect.objectContaining({ status: 401 }));
	});

	it('makes slugs from names', () => {
		expect(slugify('Reunión Viceministerial 2026 — San José')).toBe(
			'reunion-viceministerial-2026-san-jose'
		);
		expect(slugify('***')).toBe('edition');
	});

	it('serialises canonically: sorted keys, no spaces, no undefined', () => {
		expect(canonicalJson({ b: 1, a: [true, null, 'é'], c: undefined, d: { z: 1, y: NaN } })).toBe(
			'{"a":[true,null,"é"],"b":1,"d":{"y":null,"z":1}}'
		);
	});

	it('freezes the validated picture: later edits, deletions, re-imports and indicator changes never alter it', () => {
		const made = createEdition(t.db, admin, { name: 'Ministerial meeting 2026' });
		expect(Object.keys(made).sort()).toEqual(['asOf', 'createdAt', 'hash', 'name', 'slug']);
		expect(made.slug).toBe('ministerial-meeting-2026');
		const data = editionDataText(t.db, admin, made.slug);
		expect(sha256Hex(data)).toBe(made.hash);
		expect(made.hash).toMatch(/^[0-9a-f]{64}$/);
		// The stored text is its own canonical form: anyone can recompute the hash.
		expect(canonicalJson(JSON.parse(data))).toBe(data);
		const audit = t.db.select().from(auditEntry).where(eq(auditEntry.entity, 'edition')).all();
		expect(audit).toHaveLength(1);

		const s = editionSnapshot(t.db, made.slug);
		expect(s.actions.map((a) => a.title).sort()).toEqual(['Cap remittance fees', 'Consular fairs']);
		expect(JSON.stringify(s)).not.toContain('SECRET');
		const fees = s.actions.find((a) => a.id === ids.fees)!;
		expect(fees.statusHistory).toContainEqual({
			date: '2025-01-10',
			status: 'in_progress',
			percentComplete: 10
		});
		expect(fees.updates.map((u) => u.note)).toContain('Started');
		expect(s.evidence.map((e) => e.title)).toEqual(['Fee law']);
		expect(s.articles).toHaveLength(18);
		expect(s.articles[1].title.es).not.toBe('');
		expect(s.observations.find((o) => o.period === '2015')?.note).toBe('Footnote A');
		const mexVerdicts = s.verdicts.filter((v) => v.indicator === '10.c.1' && v.country === 'MEX');
		expect(mexVerdicts.map((v) => v.method).sort()).toEqual([...s.methods].sort());
		expect(s.indicators.find((i) => i.code === '10.c.1')?.target.value).toBe(3);

		// Change every kind of data.
		const row = t.db.select().from(action).where(eq(action.id, ids.fees)).get()!;
		updateAction(t.db, admin, ids.fees, {
			version: row.version,
			title: 'Renamed',
			status: 'completed',
			percentComplete: 100,
			completedOn: '2025-02-01'
		});
		postUpdate(t.db, admin, ids.fees, { date: '2025-02-01', note: 'Done', status: 'completed' });
		deleteAction(t.db, admin, ids.gone);
		addEvidence(t.db, admin, {
			url: 'https://example.org/decree',
			title: 'Decree',
			kind: 'policy',
			target: { type: 'action', id: ids.fees }
		});
		upsertObservations(t.db, admin, '10.c.1', [obs({ country: 'MEX', period: '2023', value: 1 })]);
		runImport(t.db, admin, {
			text: 'indicator,country,period,disaggregation,value,status,source,note\n10.c.1,MEX,2015,,9,final,Re-import,\n10.c.1,MEX,2024,,2,final,,\n',
			format: 'template'
		});
		const ind = t.db.select().from(indicator).where(eq(indicator.code, '10.c.1')).get()!;
		updateIndicator(t.db, admin, '10.c.1', {
			version: ind.version,
			targetValue: 1,
			name: 'Changed'
		});
		t.db.update(article).set({ title: 'Changed title' }).where(eq(article.number, 2)).run();

		expect(editionDataText(t.db, admin, made.slug)).toBe(data);
		expect(getEdition(t.db, admin, made.slug)).toEqual(made);
		expect(sha256Hex(editionDataText(t.db, admin, made.slug))).toBe(made.hash);
		// The store refuses to change an edition, whoever writes.
		expect(() =>
			t.db.$client.prepare(`update edition set data = '{}' where slug = ?`).run(made.slug)
		).toThrow(/immutable/);

		// A new edition sees the new picture, under a free slug.
		const next = createEdition(t.db, admin, { name: 'Ministerial meeting 2026' });
		expect(next.slug).toBe('ministerial-meeting-2026-2');
		expect(next.hash).not.toBe(made.hash);
		const n = editionSnapshot(t.db, next.slug);
		expect(n.actions.map((a) => a.title)).toEqual(['Renamed']);
		expect(n.indicators.find((i) => i.code === '10.c.1')?.target.value).toBe(1);
		expect(listEditions(t.db, mex).map((e) => e.slug)).toEqual([next.slug, made.slug]);

		// What changed: the completed action and the verdicts that moved, with before and after.
		const d = diffEditions(t.db, mex, made.slug, next.slug);
		expect(d.actions.completed).toEqual([
			expect.objectContaining({ id: ids.fees, before: 'in_progress', after: 'completed' })
		]);
		expect(d.verdicts.length).toBeGreaterThan(0);
		const moved = d.verdicts.find((v) => v.indicator === '10.c.1' && v.country === 'MEX')!;
		expect(moved.before).not.toBe(moved.after);
		expect(d.values.changed).toContainEqual(
			expect.objectContaining({ indicator: '10.c.1', period: '2023', before: 5, after: 1 })
		);
		expect(d.values.new).toContainEqual(expect.objectContaining({ period: '2024', after: 2 }));
		expect(d.evidence.added.map((e) => e.title)).toEqual(['Decree']);
		expect(d.byCountry.find((c) => c.country === 'MEX')?.actionsCompleted).toBe(1);
		expect(d.byArticle.find((c) => c.article === 2)?.actionsCompleted).toBe(1);
		expect(() => diffEditions(t.db, null, made.slug, next.slug)).toThrow(
			expect.objectContaining({ status: 401 })
		);
	});

	it('cuts at asOf: nothing validated after the day', () => {
		const past = createEdition(t.db, admin, { name: 'Before', asOf: '2020-01-01' });
		const s = editionSnapshot(t.db, past.slug);
		expect(s.actions).toEqual([]);
		expect(s.observations).toEqual([]);
		expect(s.evidence).toEqual([]);
		expect(s.edition.asOf).toBe('2020-01-01');
	});

	it('answers 404 for an unknown edition', () => {
		expect(() => getEdition(t.db, admin, 'nope')).toThrow(expect.objectContaining({ status: 404 }));
	});
});
