// Two-level approval (issue 17 §6): with national approval on for Guatemala, a Guatemalan
// coordinator's submission waits in the focal point's queue, not the secretariat's; the focal
// point's validate passes it on, their return sends it back; with it off nothing changes.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast, insertActor } from '../../../../tests/helpers/cast';
import { createAction, getAction, updateAction } from '../actions';
import { returnAction, submitAction, validateAction, actionReviewQueue } from './actions';
import { actionCreateSchema } from '$lib/schemas/actions';
import { observationInputSchema } from '$lib/schemas/observations';
import { auditEntry, notification } from '../db/schema';
import { reviewCount, reviewQueueItems } from '../desk/queue';
import { bulkReview } from '../desk/bulk';
import {
	listObservationsForReview,
	submitDrafts,
	upsertObservations,
	validateObservation,
	validateSubmitted
} from '../observations';
import { nationalApprovalSetting, nationallyApprovedBy, setNationalApproval } from './national';
import type { Actor } from '../auth/authz';
import { landingPathOf } from '../accounts/preferences';

let t: TestDb;
let who: ReturnType<typeof cast>;
let focal: Actor;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
	focal = insertActor(t.db, 'focal_point', ['GTM'], 'Flor Focal');
});
afterEach(() => t.close());

const gtmAction = (title = 'Consular ID card') =>
	createAction(t.db, who.gtm, actionCreateSchema.parse({ title, country: 'GTM', articles: [2] }));
const queueIds = (actor: Actor) =>
	reviewQueueItems(t.db, actor, { type: 'action' }).map((i) => i.id);
const kindsOf = (actor: Actor) =>
	t.db
		.select({ kind: notification.kind })
		.from(notification)
		.where(eq(notification.userId, actor.id))
		.all()
		.map((n) => n.kind);

describe('national approval on (Guatemala)', () => {
	beforeEach(() => {
		setNationalApproval(t.db, who.admin, 'GTM', true);
	});

	it('sends a submission to the focal point first, then to the secretariat', () => {
		const a = gtmAction();
		submitAction(t.db, who.gtm, a.id);
		// the focal point's queue, not the secretariat's
		expect(queueIds(focal)).toEqual([String(a.id)]);
		expect(queueIds(who.admin)).toEqual([]);
		expect(actionReviewQueue(t.db, focal).awaiting.map((r) => r.id)).toEqual([a.id]);
		expect(actionReviewQueue(t.db, who.admin).awaiting).toEqual([]);
		expect(reviewCount(t.db, focal)).toBe(1);
		expect(reviewCount(t.db, who.admin)).toBe(0);
		// the coordinator still follows it
		expect(queueIds(who.gtm)).toEqual([String(a.id)]);
		// the focal point was told
		expect(kindsOf(focal)).toContain('national_review');
		// the secretariat cannot validate it yet; another country's focal point may not
		expect(() => validateAction(t.db, who.admin, a.id)).toThrow(/national approval/);
		const other = insertActor(t.db, 'focal_point', ['MEX'], 'Otro Focal');
		expect(() => validateAction(t.db, other, a.id)).toThrow();
		expect(() => validateAction(t.db, who.gtm, a.id)).toThrow();

		const passed = validateAction(t.db, focal, a.id);
		expect(passed.reviewState).toBe('submitted');
		expect(queueIds(focal)).toEqual([]);
		expect(queueIds(who.admin)).toEqual([String(a.id)]);
		const [item] = reviewQueueItems(t.db, who.admin, { type: 'action' });
		expect(item.nationallyApproved?.name).toBe('Flor Focal');
		expect(nationallyApprovedBy(t.db, 'action', a.id)?.name).toBe('Flor Focal');
		const audited = t.db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.entity, 'action'), eq(auditEntry.operation, 'approve_nationally')))
			.all();
		expect(audited).toHaveLength(1);
		// a focal point validates nationally only
		expect(() => validateAction(t.db, focal, a.id)).toThrow();

		const done = validateAction(t.db, who.admin, a.id);
		expect(done.reviewState).toBe('validated');
		expect(queueIds(who.admin)).toEqual([]);
	});

	it('a focal point’s return sends it back to the coordinator with the comment', () => {
		const a = gtmAction();
		submitAction(t.db, who.gtm, a.id);
		const back = returnAction(t.db, focal, a.id, { comment: 'Name the decree' });
		expect(back).toMatchObject({ reviewState: 'draft', reviewComment: 'Name the decree' });
		expect(kindsOf(who.gtm)).toContain('returned');
		expect(queueIds(focal)).toEqual([]);
		expect(queueIds(who.admin)).toEqual([]);
		// a new submission asks the focal point again, even after an earlier approval
		submitAction(t.db, who.gtm, a.id);
		validateAction(t.db, focal, a.id);
		returnAction(t.db, who.admin, a.id, { comment: 'Add the date' });
		submitAction(t.db, who.gtm, a.id);
		expect(queueIds(focal)).toEqual([String(a.id)]);
		expect(queueIds(who.admin)).toEqual([]);
	});

	it('an edit of a validated action goes through the focal point again', () => {
		const a = gtmAction();
		submitAction(t.db, who.gtm, a.id);
		validateAction(t.db, focal, a.id);
		const v = validateAction(t.db, who.admin, a.id);
		updateAction(t.db, who.gtm, a.id, { version: v.version, title: 'Consular ID, 2' } as never);
		expect(getAction(t.db, who.admin, a.id).reviewState).toBe('submitted');
		expect(queueIds(focal)).toEqual([String(a.id)]);
		expect(queueIds(who.admin)).toEqual([]);
	});

	it('focal points review with the bulk selection', () => {
		const a = gtmAction('One');
		const b = gtmAction('Two');
		submitAction(t.db, who.gtm, a.id);
		submitAction(t.db, who.gtm, b.id);
		expect(bulkReview(t.db, focal, [`action:${a.id}`, `action:${b.id}`], 'validate', '')).toEqual({
			done: 2,
			failed: []
		});
		expect(queueIds(who.admin).sort()).toEqual([String(a.id), String(b.id)].sort());
	});

	it('holds observations too, one by one or all of an indicator and country', () => {
		const rows = upsertObservations(t.db, who.gtm, '10.c.1', [
			observationInputSchema.parse({ country: 'GTM', period: '2021', value: 5.1 }),
			observationInputSchema.parse({ country: 'GTM', period: '2022', value: 4.9 })
		]);
		expect(rows.created).toBe(2);
		submitDrafts(t.db, who.gtm, '10.c.1', 'GTM');
		const waiting = listObservationsForReview(t.db, focal);
		expect(waiting).toHaveLength(2);
		expect(listObservationsForReview(t.db, who.admin)).toEqual([]);
		expect(reviewQueueItems(t.db, who.admin, { type: 'observation' })).toEqual([]);
		expect(kindsOf(focal)).toContain('national_review');
		// the secretariat's "validate all" leaves what waits for national approval alone
		expect(validateSubmitted(t.db, who.admin, '10.c.1', 'GTM')).toBe(0);
		validateObservation(t.db, focal, '10.c.1', Number(waiting[0].id));
		expect(listObservationsForReview(t.db, who.admin)).toHaveLength(1);
		expect(validateSubmitted(t.db, focal, '10.c.1', 'GTM')).toBe(1);
		expect(listObservationsForReview(t.db, focal)).toEqual([]);
		expect(reviewQueueItems(t.db, who.admin, { type: 'observation' })).toHaveLength(2);
		expect(validateSubmitted(t.db, who.admin, '10.c.1', 'GTM')).toBe(2);
	});
});

describe('national approval off', () => {
	it('changes nothing: submissions go straight to the secretariat', () => {
		expect(nationalApprovalSetting(t.db, who.gtm, 'GTM')).toEqual({
			country: 'GTM',
			nationalApproval: false
		});
		const a = gtmAction();
		submitAction(t.db, who.gtm, a.id);
		expect(queueIds(who.admin)).toEqual([String(a.id)]);
		expect(queueIds(focal)).toEqual([]);
		expect(kindsOf(focal)).not.toContain('national_review');
		expect(() => validateAction(t.db, focal, a.id)).toThrow(/secretariat/);
		expect(validateAction(t.db, who.admin, a.id).reviewState).toBe('validated');
	});

	it('switching it off passes waiting submissions to the secretariat', () => {
		setNationalApproval(t.db, who.admin, 'GTM', true);
		const a = gtmAction();
		submitAction(t.db, who.gtm, a.id);
		expect(queueIds(who.admin)).toEqual([]);
		setNationalApproval(t.db, who.admin, 'GTM', false);
		expect(queueIds(who.admin)).toEqual([String(a.id)]);
		expect(queueIds(focal)).toEqual([]);
	});

	it('only admins switch it; unknown member states are a 404', () => {
		expect(() => setNationalApproval(t.db, who.gtm, 'GTM', true)).toThrow();
		expect(() => setNationalApproval(t.db, focal, 'GTM', true)).toThrow();
		expect(() => setNationalApproval(t.db, who.admin, 'XYZ', true)).toThrow(/no member state/);
	});

	it('focal points land on My work', () => {
		expect(landingPathOf(t.db, focal.email)).toBe('/work');
	});
});
