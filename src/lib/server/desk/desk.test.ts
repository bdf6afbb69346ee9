import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { startSmtp } from '../../../../tests/helpers/smtp';
import { cast } from '../../../../tests/helpers/cast';
import { createAction, updateAction } from '../actions';
import { returnAction, submitAction, validateAction } from '../review/actions';
import { actionCreateSchema } from '$lib/schemas/actions';
import { mailOutbox, user } from '../db/schema';
import { myWork } from './work';
import { reviewCount, reviewQueueItems, validatedBy } from './queue';
import { closeRound, completenessItems, createRound, roundCompleteness } from './rounds';
import { listNotifications, markRead, unreadCount } from './notify';
import { bulkReview } from './bulk';
import { actionTarget, listComments, postComment } from './comments';
import { backoffMs, closeMail, deliverDueMail } from './mail';

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
});
afterEach(() => {
	closeMail();
	delete process.env.SMTP_URL;
	t.close();
});

const newAction = (over: Record<string, unknown> = {}) =>
	createAction(
		t.db,
		who.mex,
		actionCreateSchema.parse({ title: 'Fee cap', country: 'MEX', articles: [2], ...over })
	);

describe('my work', () => {
	it('lists a returned action with its comment, drafts and what waits', () => {
		const a = newAction();
		const b = newAction({ title: 'Second', dueDate: '2020-01-01' });
		submitAction(t.db, who.mex, a.id);
		let w = myWork(t.db, who.mex);
		expect(w.submitted.items.map((i) => i.id)).toEqual([String(a.id)]);
		expect(w.drafts.items.map((i) => i.id)).toEqual([String(b.id)]);
		expect(w.overdue.items.map((i) => i.id)).toEqual([String(b.id)]);
		returnAction(t.db, who.admin, a.id, { comment: 'Add the decree number' });
		w = myWork(t.db, who.mex);
		expect(w.returned).toMatchObject({
			count: 1,
			items: [{ id: String(a.id), comment: 'Add the decree number', href: `/actions/${a.id}` }]
		});
		// Guatemala's coordinator has none of it; the admin sees everything.
		expect(myWork(t.db, who.gtm).returned.count).toBe(0);
		expect(myWork(t.db, who.admin).returned.count).toBe(1);
		expect(myWork(t.db, who.viewer).drafts.count).toBe(0);
	});
});

describe('review queue with diffs', () => {
	it('shows who submitted an edit of a validated action and what changed', () => {
		const a = newAction();
		const v0 = validateAction(t.db, who.admin, a.id);
		updateAction(t.db, who.mex, a.id, { version: v0.version, title: 'Fee cap, 3%' } as never);
		const items = reviewQueueItems(t.db, who.admin, { type: 'action' });
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			type: 'action',
			id: String(a.id),
			submittedBy: { id: who.mex.id, name: who.mex.name },
			changes: [{ field: 'title', before: 'Fee cap', after: 'Fee cap, 3%' }]
		});
		expect(reviewQueueItems(t.db, who.admin, { country: 'GTM' })).toEqual([]);
		expect(reviewCount(t.db, who.admin)).toBeGreaterThanOrEqual(1);
		expect(() => reviewQueueItems(t.db, who.viewer)).toThrow();
		const v = validateAction(t.db, who.admin, a.id);
		expect(validatedBy(t.db, 'action', a.id, v.validatedAt)?.name).toBe('Ana Admin');
	});
});

describe('reporting rounds', () => {
	it('counts an article as updated when Mexico updates one of its actions, and freezes on close', () => {
		const today = new Date().toISOString().slice(0, 10);
		const r = createRound(t.db, who.admin, {
			name: 'Vice-Ministerial meeting 2027',
			opensOn: today,
			dueOn: today
		});
		expect(r.articles).toHaveLength(18);
		expect(r.indicators.length).toBeGreaterThan(0);
		expect(() => createRound(t.db, who.mex, { name: 'x', opensOn: today, dueOn: today })).toThrow();
		const mex = () =>
			completenessItems(roundCompleteness(t.db, who.mex, r.id)).find((c) => c.country === 'MEX')!;
		expect(mex().articles).toEqual({ updated: 0, total: 18 });
		newAction({ articles: [2, 5] });
		expect(mex()).toMatchObject({ articles: { updated: 2, total: 18 }, complete: false });
		expect(completenessItems(roundCompleteness(t.db, who.mex, r.id))).toHaveLength(11);
		closeRound(t.db, who.admin, r.id);
		newAction({ articles: [7] });
		expect(mex().articles.updated).toBe(2);
		expect(myWork(t.db, who.mex).rounds).toEqual([]);
	});
});

describe('notifications', () => {
	it('an admin’s return delivers a Spanish e-mail to a Spanish-speaking coordinator', async () => {
		t.db.update(user).set({ locale: 'es' }).where(eq(user.id, who.mex.id)).run();
		const smtp = await startSmtp();
		const received = smtp.received;
		try {
			const a = newAction();
			submitAction(t.db, who.mex, a.id);
			returnAction(t.db, who.admin, a.id, { comment: 'Falta el número del decreto' });
			expect(unreadCount(t.db, who.mex)).toBe(1);
			const [n] = listNotifications(t.db, who.mex, 'es');
			expect(n.message).toContain('devolvió');
			expect(await deliverDueMail(t.db)).toBe(1);
			expect(received).toHaveLength(1);
			const mail = received[0];
			expect(mail).toMatch(/text\/plain/);
			expect(mail).toMatch(/text\/html/);
			expect(mail).toContain(who.mex.email);
			expect(mail.replace(/=\r?\n/g, '')).toMatch(/devolvi/);
			expect(markRead(t.db, who.mex)).toBe(1);
			expect(unreadCount(t.db, who.mex)).toBe(0);
		} finally {
			await smtp.close();
		}
	});

	it('keeps a message queued and retries later when the server cannot be reached', async () => {
		process.env.SMTP_URL = 'smtp://127.0.0.1:1';
		const a = newAction();
		submitAction(t.db, who.mex, a.id);
		// The request succeeds although no mail can be sent.
		expect(() => returnAction(t.db, who.admin, a.id, { comment: 'Fix' })).not.toThrow();
		expect(await deliverDueMail(t.db)).toBe(0);
		const [m] = t.db.select().from(mailOutbox).all();
		expect(m).toMatchObject({ status: 'pending', attempts: 1 });
		expect(m.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
		expect(backoffMs(3)).toBe(240_000);
	});
});

describe('comments', () => {
	it('threads on an action, mentions notify, audited, other countries refused', () => {
		const a = newAction();
		const target = actionTarget(t.db, a.id);
		const c = postComment(t.db, who.admin, target, 'Could @Marta add the decree number?');
		expect(c).toMatchObject({
			body: 'Could @Marta add the decree number?',
			author: { id: who.admin.id }
		});
		expect(listComments(t.db, who.mex, target).map((x) => x.id)).toEqual([c.id]);
		expect(unreadCount(t.db, who.mex)).toBe(1);
		expect(listNotifications(t.db, who.mex, 'en')[0].kind).toBe('mentioned');
		expect(() => postComment(t.db, who.gtm, target, 'hello')).toThrow();
		expect(() => listComments(t.db, who.gtm, target)).toThrow();
		expect(() => postComment(t.db, who.viewer, target, 'hello')).toThrow();
	});
});

describe('bulk review', () => {
	it('returns a selection only with a comment, validates a selection', () => {
		const a = newAction();
		const b = newAction({ title: 'Other' });
		submitAction(t.db, who.mex, a.id);
		submitAction(t.db, who.mex, b.id);
		const keys = [`action:${a.id}`, `action:${b.id}`];
		expect(() => bulkReview(t.db, who.admin, keys, 'return', ' ')).toThrow();
		expect(reviewQueueItems(t.db, who.admin)).toHaveLength(2);
		expect(bulkReview(t.db, who.mex, keys, 'validate', '')).toEqual({ done: 0, failed: keys });
		expect(bulkReview(t.db, who.admin, keys, 'validate', '')).toEqual({ done: 2, failed: [] });
		expect(reviewQueueItems(t.db, who.admin)).toHaveLength(0);
	});
});
