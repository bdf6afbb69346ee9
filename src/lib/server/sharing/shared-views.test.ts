// The shared article and country pages read one page of actions and one of evidence (with the
// totals), never the whole lists: their data stays the same size however much data there is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import type { Actor } from '../auth/authz';
import { createAction } from '../actions';
import { addEvidence, deleteEvidence } from '../evidence';
import { createShareLink, resolveShareToken, type ResolvedShareLink } from './share-links';
import { publishedActions, publishedEvidence } from '../visibility/published';
import { pageParam } from './shared-pages';
import {
	SHARED_ACTIONS_PAGE_SIZE,
	SHARED_EVIDENCE_PAGE_SIZE,
	pageWindow,
	sharedArticle,
	sharedCountry,
	sharedOverview
} from './shared-views';
import { actionCreateSchema } from '$lib/schemas/actions';
import { evidenceCreateSchema } from '$lib/schemas/evidence';

let t: TestDb;
let admin: Actor;
let framework: ResolvedShareLink;
const STATUSES = ['planned', 'in_progress', 'completed', 'stalled', 'cancelled'] as const;
// Article 2: 60 validated actions (40 Mexico, 20 Guatemala) and a coordinator's draft.
const ARTICLE2 = 60;
const MEX_IN_2 = 40;
let draftId = 0;
const article2Ids: number[] = [];

function link(scopeType: 'framework' | 'article' | 'country', scopeTarget: string) {
	const created = createShareLink(t.db, admin, {
		scopeType,
		scopeTarget,
		label: `${scopeType} ${scopeTarget}`,
		locale: 'en'
	});
	return resolveShareToken(t.db, created.token)!;
}

function evidenceOn(type: 'action' | 'article', id: number, i: number) {
	return addEvidence(
		t.db,
		admin,
		evidenceCreateSchema.parse({
			url: `https://example.org/evidence/${type}/${id}/${i}`,
			title: `Evidence ${type} ${id} #${i}`,
			kind: 'report',
			publishedOn: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
			target: { type, id }
		})
	);
}

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	const coord = person(t.db, 'coordinator', ['MEX']);
	for (let i = 0; i < ARTICLE2; i++) {
		const a = createAction(
			t.db,
			admin, // an admin's action is validated at once
			actionCreateSchema.parse({
				title: `Article 2 action ${i}`,
				description: `A long description that the page does not show ${i}`,
				country: i < MEX_IN_2 ? 'MEX' : 'GTM',
				articles: i % 3 === 0 ? [2, 5] : [2],
				status: STATUSES[i % STATUSES.length],
				percentComplete: STATUSES[i % STATUSES.length] === 'completed' ? 100 : i % 100,
				completedOn: STATUSES[i % STATUSES.length] === 'completed' ? '2023-05-01' : null,
				startDate: '2019-01-01',
				dueDate: i % 4 === 0 ? '2020-01-01' : '2099-01-01'
			})
		);
		article2Ids.push(a.id);
	}
	for (let i = 0; i < 5; i++) {
		createAction(
			t.db,
			admin,
			actionCreateSchema.parse({ title: `Article 3 action ${i}`, country: 'MEX', articles: [3] })
		);
	}
	draftId = createAction(
		t.db,
		coord,
		actionCreateSchema.parse({ title: 'Draft of article 2', country: 'MEX', articles: [2] })
	).id;
	// 45 links on article 2's actions, one on the article itself; one on the draft and one
	// deleted: never shown.
	for (let i = 0; i < 45; i++) evidenceOn('action', article2Ids[i % ARTICLE2], i);
	evidenceOn('article', 2, 100);
	evidenceOn('action', draftId, 101);
	deleteEvidence(t.db, admin, evidenceOn('action', article2Ids[0], 102).id);
	framework = link('framework', 'rcm-gcm');
});

afterAll(() => t.close());

const article = (pages: { actions?: number | null; evidence?: number | null } = {}) =>
	sharedArticle(t.db, framework, 2, 'en', 'cagr-ratio', pages);

describe('sharedArticle', () => {
	it('returns one page of actions with the total, most recently validated first', () => {
		const all = publishedActions(t.db, { article: 2 });
		expect(all).toHaveLength(ARTICLE2);
		const data = article();
		expect(data.actions.total).toBe(ARTICLE2);
		expect(data.actions.pageSize).toBe(SHARED_ACTIONS_PAGE_SIZE);
		expect(data.actions.page).toBe(1);
		expect(data.actions.pages).toBe(Math.ceil(ARTICLE2 / SHARED_ACTIONS_PAGE_SIZE));
		expect(data.actions.items).toHaveLength(SHARED_ACTIONS_PAGE_SIZE);
		expect(data.actions.items.map((a) => a.id)).toEqual(
			all.slice(0, SHARED_ACTIONS_PAGE_SIZE).map((a) => a.id)
		);
		expect(data.actions.items.map((a) => a.id)).not.toContain(draftId);
		// Only what the table shows: no description, dates or indicators in the page's data.
		expect(Object.keys(data.actions.items[0]).sort()).toEqual(
			[
				'countryName',
				'dueDate',
				'id',
				'language',
				'leadAgency',
				'overdue',
				'percentComplete',
				'status',
				'title'
			].sort()
		);
		expect(JSON.stringify(data)).not.toContain('A long description');
	});

	it('counts every published action, not only the page shown', () => {
		const all = publishedActions(t.db, { article: 2 });
		const { counts } = article();
		expect(counts.total).toBe(ARTICLE2);
		expect(counts.completed).toBe(all.filter((a) => a.status === 'completed').length);
		expect(counts.overdue).toBe(all.filter((a) => a.overdue).length);
		expect(counts.overdue).toBeGreaterThan(0);
		for (const s of STATUSES) {
			expect(counts.byStatus[s], s).toBe(all.filter((a) => a.status === s).length);
		}
		expect(counts.shareCompleted).toBeCloseTo(counts.completed / ARTICLE2);
	});

	it('gives the second and the last page', () => {
		const all = publishedActions(t.db, { article: 2 }).map((a) => a.id);
		const second = article({ actions: 2 }).actions;
		expect(second.page).toBe(2);
		expect(second.items.map((a) => a.id)).toEqual(
			all.slice(SHARED_ACTIONS_PAGE_SIZE, 2 * SHARED_ACTIONS_PAGE_SIZE)
		);
		const last = article({ actions: 3 }).actions;
		expect(last.page).toBe(3);
		expect(last.items.map((a) => a.id)).toEqual(all.slice(2 * SHARED_ACTIONS_PAGE_SIZE));
		expect(last.items).toHaveLength(ARTICLE2 - 2 * SHARED_ACTIONS_PAGE_SIZE);
	});

	it('answers an out-of-range page with the first or the last page', () => {
		const first = article().actions.items.map((a) => a.id);
		const last = article({ actions: 3 }).actions;
		for (const asked of [0, -1, Number.NaN, null]) {
			const p = article({ actions: asked }).actions;
			expect(p.page, String(asked)).toBe(1);
			expect(p.items.map((a) => a.id)).toEqual(first);
		}
		for (const asked of [4, 9999, Number.POSITIVE_INFINITY]) {
			const p = article({ actions: asked, evidence: asked }).actions;
			expect(p.page, String(asked)).toBe(3);
			expect(p.items.map((a) => a.id)).toEqual(last.items.map((a) => a.id));
		}
		// A page within range of one list does not move the other.
		const mixed = article({ actions: 2, evidence: 9999 });
		expect(mixed.actions.page).toBe(2);
		expect(mixed.evidence.page).toBe(mixed.evidence.pages);
	});

	it('returns one page of evidence with the total, newest first, from published actions', () => {
		const articleRow = t.db.$client.prepare('select id from article where number = 2').get() as {
			id: number;
		};
		const all = publishedEvidence(t.db, {
			actions: publishedActions(t.db, { article: 2 }).map((a) => a.id),
			articles: [articleRow.id]
		});
		expect(all).toHaveLength(46); // 45 on actions + 1 on the article
		const data = article();
		expect(data.evidence.total).toBe(46);
		expect(data.evidence.pages).toBe(Math.ceil(46 / SHARED_EVIDENCE_PAGE_SIZE));
		expect(data.evidence.items).toHaveLength(SHARED_EVIDENCE_PAGE_SIZE);
		expect(data.evidence.items.map((e) => e.id)).toEqual(
			all.slice(0, SHARED_EVIDENCE_PAGE_SIZE).map((e) => e.id)
		);
		const second = article({ evidence: 2 }).evidence;
		expect(second.items.map((e) => e.id)).toEqual(
			all.slice(SHARED_EVIDENCE_PAGE_SIZE, 2 * SHARED_EVIDENCE_PAGE_SIZE).map((e) => e.id)
		);
		const last = article({ evidence: 9999 }).evidence;
		expect(last.page).toBe(3);
		expect(last.items).toHaveLength(46 - 2 * SHARED_EVIDENCE_PAGE_SIZE);
		const titles = [1, 2, 3].flatMap((p) =>
			article({ evidence: p }).evidence.items.map((e) => e.title)
		);
		expect(titles).toContain('Evidence article 2 #100');
		expect(titles.some((x) => x.endsWith('#101'))).toBe(false); // the draft's
		expect(titles.some((x) => x.endsWith('#102'))).toBe(false); // deleted
		expect(Object.keys(data.evidence.items[0]).sort()).toEqual(
			['id', 'kind', 'publishedOn', 'title', 'url'].sort()
		);
	});

	it('keeps the same size of data when the article has many more actions', () => {
		const before = JSON.stringify(article()).length;
		for (let i = 0; i < 40; i++) {
			createAction(
				t.db,
				admin,
				actionCreateSchema.parse({
					title: `Article 2 action ${i}`,
					description: 'Added later',
					country: 'GTM',
					articles: [2]
				})
			);
		}
		const after = article();
		expect(after.actions.total).toBe(ARTICLE2 + 40);
		expect(after.actions.items).toHaveLength(SHARED_ACTIONS_PAGE_SIZE);
		// Only the counts' digits and the history may differ.
		expect(Math.abs(JSON.stringify(after).length - before)).toBeLessThan(500);
	});
});

describe('sharedCountry', () => {
	it('returns one page of the country’s actions (with their articles), counts per article', () => {
		const all = publishedActions(t.db, { country: 'GTM' });
		const data = sharedCountry(t.db, framework, 'GTM', 'en', 'cagr-ratio');
		expect(data.actions.total).toBe(all.length);
		expect(data.counts.total).toBe(all.length);
		expect(data.actions.items).toHaveLength(Math.min(all.length, SHARED_ACTIONS_PAGE_SIZE));
		expect(data.actions.items.map((a) => a.id)).toEqual(
			all.slice(0, SHARED_ACTIONS_PAGE_SIZE).map((a) => a.id)
		);
		expect(data.actions.items[0].articles).toEqual(all[0].articles);
		for (const g of data.byArticle) {
			const own = all.filter((a) => a.articles.includes(g.number));
			expect(g.total, `article ${g.number}`).toBe(own.length);
			expect(g.completed).toBe(own.filter((a) => a.status === 'completed').length);
		}
		expect(data.byArticle.map((g) => g.number)).toEqual([2, 5]);
		const second = sharedCountry(t.db, framework, 'GTM', 'en', 'cagr-ratio', { actions: 2 });
		expect(second.actions.items.map((a) => a.id)).toEqual(
			all.slice(SHARED_ACTIONS_PAGE_SIZE, 2 * SHARED_ACTIONS_PAGE_SIZE).map((a) => a.id)
		);
		const mex = sharedCountry(t.db, framework, 'MEX', 'en', 'cagr-ratio', { evidence: 9999 });
		expect(mex.evidence.total).toBe(
			publishedEvidence(t.db, {
				actions: publishedActions(t.db, { country: 'MEX' }).map((a) => a.id)
			}).length
		);
		expect(mex.evidence.page).toBe(mex.evidence.pages);
	});

	it('a country link reads the same', () => {
		const gtm = link('country', 'GTM');
		const data = sharedCountry(t.db, gtm, 'GTM', 'en', 'cagr-ratio', { actions: -3 });
		expect(data.actions.page).toBe(1);
		expect(data.actions.items.length).toBeLessThanOrEqual(SHARED_ACTIONS_PAGE_SIZE);
	});
});

describe('sharedOverview', () => {
	it('counts each article’s published actions in SQL, as counting the full list did', () => {
		const all = publishedActions(t.db, {});
		const data = sharedOverview(t.db, framework, 'en', 'cagr-ratio');
		expect(data.totals.total).toBe(all.length);
		expect(data.totals.overdue).toBe(all.filter((a) => a.overdue).length);
		for (const a of data.articles) {
			const own = all.filter((x) => x.articles.includes(a.number));
			expect(a.counts.total, `article ${a.number}`).toBe(own.length);
			expect(a.counts.completed).toBe(own.filter((x) => x.status === 'completed').length);
			expect(a.counts.overdue).toBe(own.filter((x) => x.overdue).length);
		}
		expect(data.articles.find((a) => a.number === 1)?.counts.total).toBe(0);
	});
});

describe('page numbers', () => {
	it('reads ?actions=N leniently: anything but a whole number ≥ 1 is the first page', () => {
		const at = (q: string) => pageParam(new URL(`http://x/s/t/articles/2?${q}`), 'actions');
		expect(at('actions=2')).toBe(2);
		expect(at('actions=9999')).toBe(9999);
		for (const q of ['', 'actions=', 'actions=0', 'actions=-1', 'actions=abc', 'actions=2.5']) {
			expect(at(q), q).toBeNull();
		}
		expect(at('evidence=3')).toBeNull();
	});

	it('clamps to the pages there are', () => {
		expect(pageWindow(null, 0, 25)).toMatchObject({ page: 1, pages: 1, offset: 0 });
		expect(pageWindow(5, 0, 25)).toMatchObject({ page: 1, pages: 1, offset: 0 });
		expect(pageWindow(2, 26, 25)).toMatchObject({ page: 2, pages: 2, offset: 25, limit: 25 });
		expect(pageWindow(3, 50, 25)).toMatchObject({ page: 2, pages: 2 });
		expect(pageWindow(0, 50, 25).page).toBe(1);
	});
});
