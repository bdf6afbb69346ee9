// The leak scenarios of issue 12: another country's coordinator finds nothing of Mexico's
// unvalidated text or working values by any list, filter, search, count or export; the
// country itself and the secretariat see the working version.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { createAction, listActions, updateAction, getAction } from '../actions';
import { postUpdate, listLatestUpdates } from '../actions/updates';
import { validateAction } from '../review/actions';
import { getArticle, listArticles } from '../declaration/articles';
import { memberArticleMatrix, actionStatusHistory } from '../progress';
import { visibleActions } from './visibility';
import { actionCreateSchema } from '$lib/schemas/actions';

let t: TestDb;
let who: ReturnType<typeof cast>;
let mexId: number;
let draftId: number;

beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
	// Mexico's validated action (article 2, planned), then an unvalidated edit: new words,
	// article 7 instead of 2, stalled.
	const a = createAction(
		t.db,
		who.mex,
		actionCreateSchema.parse({
			title: 'Consular protection network',
			description: 'Consulates assist nationals abroad.',
			country: 'MEX',
			articles: [2],
			leadAgency: 'Foreign ministry',
			dueDate: '2030-01-01'
		})
	);
	mexId = a.id;
	validateAction(t.db, who.admin, mexId);
	const v = getAction(t.db, who.mex, mexId).version;
	updateAction(t.db, who.mex, mexId, {
		version: v,
		description: 'Consulates assist nationals abroad with zanahoria hotlines.',
		articles: [7],
		status: 'stalled',
		dueDate: '2020-01-01'
	});
	postUpdate(t.db, who.mex, mexId, {
		date: '2024-05-01',
		note: 'Internal: quetzalcoatl budget line frozen.'
	});
	// A Mexican draft that was never validated.
	draftId = createAction(
		t.db,
		who.mex,
		actionCreateSchema.parse({
			title: 'Unpublished tlayuda pilot',
			country: 'MEX',
			articles: [2],
			status: 'stalled'
		})
	).id;
});
afterEach(() => t.close());

const ids = (r: { items: { id: number }[] }) => r.items.map((i) => i.id).sort();

describe('another country’s coordinator reads only validated versions', () => {
	it('does not find a word only in Mexico’s unvalidated edit', () => {
		expect(ids(listActions(t.db, who.gtm, { q: 'zanahoria' }))).toEqual([]);
		expect(ids(listActions(t.db, who.mex, { q: 'zanahoria' }))).toEqual([mexId]);
		expect(ids(listActions(t.db, who.admin, { q: 'zanahoria' }))).toEqual([mexId]);
		// The validated text is searchable by everyone.
		expect(ids(listActions(t.db, who.gtm, { q: 'consular' }))).toEqual([mexId]);
	});

	it('does not find a word only in a Mexican update note', () => {
		expect(ids(listActions(t.db, who.gtm, { q: 'quetzalcoatl' }))).toEqual([]);
		expect(ids(listActions(t.db, who.mex, { q: 'quetzalcoatl' }))).toEqual([mexId]);
		expect(ids(listActions(t.db, who.viewer, { q: 'quetzalcoatl' }))).toEqual([mexId]);
	});

	it('does not find words of a draft that was never validated', () => {
		expect(ids(listActions(t.db, who.gtm, { q: 'tlayuda' }))).toEqual([]);
		expect(ids(listActions(t.db, who.mex, { q: 'tlayuda' }))).toEqual([draftId]);
	});

	it('filters by article on the validated version', () => {
		expect(ids(listActions(t.db, who.gtm, { article: 7, country: 'MEX' }))).toEqual([]);
		expect(ids(listActions(t.db, who.gtm, { article: 2, country: 'MEX' }))).toEqual([mexId]);
		expect(ids(listActions(t.db, who.mex, { article: 7, country: 'MEX' }))).toEqual([mexId]);
	});

	it('filters by status and overdue on the validated version', () => {
		expect(ids(listActions(t.db, who.gtm, { status: 'stalled', country: 'MEX' }))).toEqual([]);
		expect(ids(listActions(t.db, who.gtm, { status: 'planned', country: 'MEX' }))).toEqual([mexId]);
		expect(ids(listActions(t.db, who.gtm, { overdue: true, country: 'MEX' }))).toEqual([]);
		expect(ids(listActions(t.db, who.mex, { status: 'stalled', country: 'MEX' }))).toEqual(
			[draftId, mexId].sort()
		);
		expect(ids(listActions(t.db, who.mex, { overdue: true, country: 'MEX' }))).toEqual([mexId]);
	});

	it('counts an article’s actions per reader (GET /api/v1/articles/2)', () => {
		const admin = getArticle(t.db, 2, 'en', who.admin).progress;
		const gtm = getArticle(t.db, 2, 'en', who.gtm).progress;
		// The admin: the draft (stalled) only; Mexico's action moved to article 7 in its working copy.
		expect(admin).toMatchObject({ actionsTotal: 1, overdue: 0 });
		expect(admin.actionsByStatus.stalled).toBe(1);
		// Guatemala: the validated version only (planned, article 2, not overdue).
		expect(gtm).toMatchObject({ actionsTotal: 1, overdue: 0 });
		expect(gtm.actionsByStatus.stalled).toBe(0);
		expect(gtm.actionsByStatus.planned).toBe(1);
		const seven = (who: Parameters<typeof listArticles>[2]) =>
			listArticles(t.db, 'en', who).find((a) => a.number === 7)!.progress;
		expect(seven(who.admin)).toMatchObject({ actionsTotal: 1, overdue: 1 });
		expect(seven(who.gtm)).toMatchObject({ actionsTotal: 0, overdue: 0 });
		// Shared pages (no reader): validated only.
		expect(getArticle(t.db, 2, 'en', null).progress.actionsByStatus.stalled).toBe(0);
	});

	it('draws the matrix and the status history from the same versions', () => {
		const cell = (who: Parameters<typeof memberArticleMatrix>[1], n: number) =>
			memberArticleMatrix(t.db, who).rows.find((r) => r.iso3 === 'MEX')!.cells[n];
		expect(cell(who.gtm, 2)).toMatchObject({ total: 1 });
		expect(cell(who.gtm, 2).byStatus.stalled).toBe(0);
		expect(cell(who.gtm, 7)).toMatchObject({ total: 0 });
		expect(cell(who.mex, 7)).toMatchObject({ total: 1 });
		const h = actionStatusHistory(t.db, who.gtm, { country: 'MEX' });
		expect(h.total.at(-1)).toBe(1);
	});

	it('keeps Mexico’s update notes out of Guatemala’s latest activity', () => {
		expect(listLatestUpdates(t.db, who.gtm, 50).map((u) => u.note)).not.toContain(
			'Internal: quetzalcoatl budget line frozen.'
		);
		expect(listLatestUpdates(t.db, who.mex, 50).map((u) => u.note)).toContain(
			'Internal: quetzalcoatl budget line frozen.'
		);
	});

	it('shows the validated version in lists (and so in the CSV export)', () => {
		const [rec] = listActions(t.db, who.gtm, { country: 'MEX' }).items;
		expect(rec).toMatchObject({
			id: mexId,
			status: 'planned',
			articles: [2],
			description: 'Consulates assist nationals abroad.',
			showingValidated: true,
			reviewState: 'validated'
		});
	});
});

describe('visible actions are read once per data version (issue 20)', () => {
	it('a change shows on the next read, for every reader', () => {
		const mine = () => visibleActions(t.db, who.mex, {}).find((a) => a.id === draftId)!;
		const gtm = () => visibleActions(t.db, who.gtm, {}).map((a) => a.id);
		expect(mine().status).toBe('stalled');
		expect(gtm()).not.toContain(draftId);
		const v = getAction(t.db, who.mex, draftId).version;
		updateAction(t.db, who.mex, draftId, { version: v, status: 'in_progress' });
		expect(mine().status).toBe('in_progress');
		validateAction(t.db, who.admin, draftId);
		expect(gtm()).toContain(draftId);
		// Filters read the same kept rows: by article and by country.
		expect(visibleActions(t.db, who.gtm, { article: 2 }).map((a) => a.id)).toContain(draftId);
		expect(visibleActions(t.db, who.gtm, { country: 'GTM' }).map((a) => a.id)).not.toContain(
			draftId
		);
	});
});
