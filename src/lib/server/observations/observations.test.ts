import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { auditEntry, evidence, observation } from '../db/schema';
import { dataVersion as cacheDataVersion } from '../cache';
import type { Actor } from '../auth/authz';
import {
	listObservationPage,
	listObservations,
	listObservationsForReview,
	periodSortKey,
	returnObservation,
	submitDrafts,
	submitObservation,
	upsertObservations,
	validateObservation,
	validateSubmitted,
	observationReviewGroups
} from './index';
import { observationInputSchema } from '$lib/schemas/observations';
import { comparePeriods } from '$lib/progress';

let t: TestDb;
let admin: Actor;
let coordMex: Actor;
beforeEach(async () => {
	t = freshDb();
	admin = person(t.db, 'admin');
	coordMex = person(t.db, 'coordinator', ['MEX']);
});
afterEach(() => t.close());

const input = (o: Record<string, unknown>) => observationInputSchema.parse(o);
const dataVersion = () => Number(cacheDataVersion(t.db));

describe('periodSortKey', () => {
	it('sorts as comparePeriods does', () => {
		const periods = [
			'2021',
			'2020-Q3',
			'2016/2021',
			'2020',
			'2020-06',
			'2020-Q2',
			'2019-12',
			'2020-01',
			'1980/1990',
			'2021-Q1',
			'2020-Q4',
			'2020-12'
		];
		const bySql = [...periods].sort((a, b) =>
			periodSortKey(a) < periodSortKey(b) ? -1 : periodSortKey(a) > periodSortKey(b) ? 1 : 0
		);
		expect(bySql).toEqual([...periods].sort(comparePeriods));
		expect(periodSortKey('2013-Q1')).toBe('2013-03 2013-Q1');
		expect(() => periodSortKey('2013Q1')).toThrow();
	});
});

describe('upsert on the natural key', () => {
	it('re-entering a value updates it (audited, version + 1), never duplicates it', () => {
		const first = upsertObservations(t.db, coordMex, '10.c.1', [
			input({
				country: 'MEX',
				period: '2021-Q1',
				disaggregation: { corridor: 'USA>MEX' },
				value: 4.2
			})
		]);
		expect(first).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
		expect(first.items[0]).toMatchObject({ reviewState: 'draft', version: 1, value: 4.2 });
		const same = upsertObservations(t.db, coordMex, '10.c.1', [
			input({
				country: 'mex',
				period: '2021-Q1',
				disaggregation: { corridor: 'USA>MEX' },
				value: 4.2
			})
		]);
		expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
		const changed = upsertObservations(t.db, coordMex, '10.c.1', [
			input({
				country: 'MEX',
				period: '2021-Q1',
				disaggregation: { corridor: 'USA>MEX' },
				value: 4.1,
				status: 'provisional',
				note: 'revised'
			})
		]);
		expect(changed).toMatchObject({ created: 0, updated: 1 });
		expect(changed.items[0]).toMatchObject({ value: 4.1, version: 2, status: 'provisional' });
		const rows = t.db.select().from(observation).all();
		expect(rows).toHaveLength(1);
		const audits = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.entity, 'observation'))
			.all()
			.map((a) => a.operation);
		expect(audits).toEqual(['create', 'update']);
	});

	it('a stale version gets 409 and changes nothing', () => {
		const [o] = upsertObservations(t.db, admin, '10.c.1', [
			input({ country: 'GTM', period: '2020', value: 4 })
		]).items;
		upsertObservations(t.db, admin, '10.c.1', [
			input({ country: 'GTM', period: '2020', value: 3.9, version: o.version })
		]);
		const before = snapshot(t.db);
		expect(() =>
			upsertObservations(t.db, admin, '10.c.1', [
				input({ country: 'GTM', period: '2020', value: 3.5, version: o.version })
			])
		).toThrow(expect.objectContaining({ status: 409 }));
		expect(snapshot(t.db)).toEqual(before);
	});

	it('refuses unknown countries, values off the scale and repeated keys, writing nothing', () => {
		const before = snapshot(t.db);
		expect(() =>
			upsertObservations(t.db, admin, '10.7.2', [
				input({ country: 'MEX', period: '2019', value: 3 }),
				input({ country: 'ZZZ', period: '2019', value: 3 }),
				input({ country: 'GTM', period: '2019', value: 5 }),
				input({ country: 'MEX', period: '2019', value: 2 })
			])
		).toThrow(
			expect.objectContaining({
				status: 422,
				issues: [
					{ path: 'observations.1.country', message: 'There is no country ZZZ.' },
					{ path: 'observations.2.value', message: expect.stringContaining('above the scale') },
					{ path: 'observations.3', message: expect.stringContaining('Repeats observation 1') }
				]
			})
		);
		expect(snapshot(t.db)).toEqual(before);
	});

	it('permissions: coordinators their own countries and the region; viewers nothing', async () => {
		const viewer = person(t.db, 'viewer');
		expect(() =>
			upsertObservations(t.db, coordMex, '10.c.1', [
				input({ country: 'GTM', period: '2020', value: 1 })
			])
		).toThrow(expect.objectContaining({ status: 403 }));
		expect(() =>
			upsertObservations(t.db, viewer, '10.c.1', [
				input({ country: 'MEX', period: '2020', value: 1 })
			])
		).toThrow(expect.objectContaining({ status: 403 }));
		expect(() =>
			upsertObservations(t.db, null, '10.c.1', [
				input({ country: 'MEX', period: '2020', value: 1 })
			])
		).toThrow(expect.objectContaining({ status: 401 }));
		const regional = upsertObservations(t.db, coordMex, '10.c.1', [
			input({ country: null, period: '2020', value: 4.5 })
		]);
		expect(regional.items[0]).toMatchObject({ country: null, reviewState: 'draft' });
		expect(() => upsertObservations(t.db, admin, '99.9.9', [])).toThrow(
			expect.objectContaining({ status: 404 })
		);
	});

	it('an admin value is validated at once; evidence is attached to the observation', () => {
		const v0 = dataVersion();
		const res = upsertObservations(t.db, admin, '10.7.3', [
			input({
				country: 'MEX',
				period: '2019',
				value: 200,
				source: 'IOM',
				evidence: { url: 'https://missingmigrants.iom.int/data', title: 'Missing Migrants data' }
			})
		]);
		expect(res.items[0]).toMatchObject({ reviewState: 'validated', validated: null });
		expect(dataVersion()).toBeGreaterThan(v0);
		const ev = t.db.select().from(evidence).all();
		expect(ev).toMatchObject([
			{ targetType: 'observation', targetId: res.items[0].id, countryIso3: 'MEX', kind: 'dataset' }
		]);
	});
});

describe('review and what readers see', () => {
	it('submit → return with a comment → submit → validate; shared views see only validated values', () => {
		const [o] = upsertObservations(t.db, coordMex, '10.7.3', [
			input({ country: 'MEX', period: '2020', value: 180 })
		]).items;
		expect(listObservations(t.db, null, '10.7.3', { validatedOnly: true })).toEqual([]);
		expect(submitObservation(t.db, coordMex, '10.7.3', o.id).reviewState).toBe('submitted');
		expect(listObservationsForReview(t.db, admin).map((r) => r.id)).toEqual([o.id]);
		expect(() => validateObservation(t.db, coordMex, '10.7.3', o.id)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() => returnObservation(t.db, admin, '10.7.3', o.id, '  ')).toThrow(
			expect.objectContaining({ status: 422 })
		);
		const back = returnObservation(t.db, admin, '10.7.3', o.id, 'Give the source.');
		expect(back).toMatchObject({ reviewState: 'draft', reviewComment: 'Give the source.' });
		expect(listObservationsForReview(t.db, coordMex).map((r) => r.id)).toEqual([o.id]);
		submitObservation(t.db, coordMex, '10.7.3', o.id);
		const v0 = dataVersion();
		expect(validateObservation(t.db, admin, '10.7.3', o.id).reviewState).toBe('validated');
		expect(dataVersion()).toBeGreaterThan(v0);
		expect(listObservations(t.db, null, '10.7.3', { validatedOnly: true })).toMatchObject([
			{ value: 180, reviewState: 'validated' }
		]);

		// editing a validated value: back to submitted; shared pages keep the validated one
		upsertObservations(t.db, coordMex, '10.7.3', [
			input({ country: 'MEX', period: '2020', value: 175 })
		]);
		expect(listObservations(t.db, coordMex, '10.7.3')).toMatchObject([
			{ value: 175, reviewState: 'submitted', validated: { value: 180 } }
		]);
		expect(listObservations(t.db, null, '10.7.3', { validatedOnly: true })).toMatchObject([
			{ value: 180, reviewState: 'validated' }
		]);
		const ops = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.entity, 'observation'))
			.all()
			.map((a) => a.operation);
		expect(ops).toEqual(['create', 'submit', 'return', 'submit', 'validate', 'update']);
	});

	it("a coordinator reads other countries' drafts as their validated version only", async () => {
		const coordGtm = person(t.db, 'coordinator', ['GTM']);
		upsertObservations(t.db, coordGtm, '10.7.3', [
			input({ country: 'GTM', period: '2020', value: 3 })
		]);
		expect(listObservations(t.db, coordMex, '10.7.3', { country: 'GTM' })).toEqual([]);
		expect(listObservations(t.db, coordGtm, '10.7.3', { country: 'GTM' })).toHaveLength(1);
		expect(() => listObservations(t.db, null, '10.7.3')).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(submitDrafts(t.db, coordGtm, '10.7.3', 'GTM')).toBe(1);
		expect(() => submitDrafts(t.db, coordMex, '10.7.3', 'GTM')).toThrow(
			expect.objectContaining({ status: 403 })
		);
	});

	it('groups the review queue by indicator and country; validates a whole group at once', () => {
		upsertObservations(t.db, coordMex, '10.7.3', [
			input({ country: 'MEX', period: '2018', value: 1 }),
			input({ country: 'MEX', period: '2020', value: 2 })
		]);
		expect(submitDrafts(t.db, coordMex, '10.7.3', 'MEX')).toBe(2);
		expect(observationReviewGroups(t.db, admin)).toMatchObject([
			{ indicator: '10.7.3', country: 'MEX', submitted: 2, returned: 0, from: '2018', to: '2020' }
		]);
		expect(observationReviewGroups(t.db, person(t.db, 'viewer'))).toEqual([]);
		expect(() => validateSubmitted(t.db, coordMex, '10.7.3', 'MEX')).toThrow(
			expect.objectContaining({ status: 403 })
		);
		const v0 = dataVersion();
		expect(validateSubmitted(t.db, admin, '10.7.3', 'MEX')).toBe(2);
		expect(dataVersion()).toBeGreaterThan(v0);
		expect(observationReviewGroups(t.db, admin)).toEqual([]);
		expect(listObservations(t.db, null, '10.7.3', { validatedOnly: true })).toHaveLength(2);
	});
});

describe("listObservationPage (the API's keyset pages)", () => {
	const seed = () => {
		const rows = [];
		for (const corridor of ['USA>MEX', 'CAN>MEX'])
			for (let y = 2015; y <= 2026; y++)
				rows.push(
					input({ country: 'MEX', period: `${y}`, disaggregation: { corridor }, value: y - 2000 })
				);
		upsertObservations(t.db, admin, '10.c.1', rows);
		upsertObservations(t.db, admin, '10.c.1', [
			input({ country: 'GTM', period: '2020', value: 5 }),
			input({ country: 'GTM', period: '2021', value: 6 })
		]);
	};
	const pages = (actor: Actor, limit: number, country?: string) => {
		const seen = [];
		let cursor: string | undefined;
		let calls = 0;
		do {
			const page = listObservationPage(t.db, actor, '10.c.1', { limit, cursor, country });
			expect(page.items.length).toBeLessThanOrEqual(limit);
			seen.push(...page.items);
			cursor = page.nextCursor ?? undefined;
			calls++;
		} while (cursor && calls < 100);
		return { seen, calls };
	};

	it('walks every value once, in the order of the full list, limit by limit', () => {
		seed();
		const all = listObservations(t.db, admin, '10.c.1');
		expect(all).toHaveLength(26);
		const { seen, calls } = pages(admin, 5);
		expect(seen.map((o) => o.id)).toEqual(all.map((o) => o.id));
		expect(calls).toBe(6);
		const one = listObservationPage(t.db, admin, '10.c.1', { limit: 100 });
		expect(one).toMatchObject({ nextCursor: null });
		expect(one.items).toHaveLength(26);
		// Exactly a page's worth: no empty page after it.
		expect(pages(admin, 13).calls).toBe(2);
		expect(pages(admin, 2, 'GTM')).toMatchObject({ calls: 1 });
	});

	it('skips what the reader may not see without leaving short or empty pages', () => {
		seed();
		// A coordinator of Guatemala sees Mexico's values only once validated.
		t.db.$client.exec("update observation set review_state = 'draft', validated = null");
		t.db.$client.exec(
			"update observation set review_state = 'validated' where period in ('2016', '2024') and scope_key = 'MEX'"
		);
		const gtm = person(t.db, 'coordinator', ['GTM']);
		const all = listObservations(t.db, gtm, '10.c.1');
		expect(all).toHaveLength(6);
		const { seen, calls } = pages(gtm, 2);
		expect(seen.map((o) => o.id)).toEqual(all.map((o) => o.id));
		expect(calls).toBe(3);
	});

	it('refuses a cursor it did not make, and anonymous readers', () => {
		seed();
		for (const cursor of ['abc', Buffer.from('[1,2]').toString('base64url'), '!!']) {
			expect(() => listObservationPage(t.db, admin, '10.c.1', { cursor })).toThrow(
				expect.objectContaining({ status: 400 })
			);
		}
		expect(() => listObservationPage(t.db, null, '10.c.1')).toThrow(
			expect.objectContaining({ status: 401 })
		);
	});
});
