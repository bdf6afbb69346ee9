// The desk with national approval (issue 17 §1, §5, §6): a focal point's My work lists their
// country's submissions waiting for them; a coordinator sees whether each submitted item is
// with the national focal point or with the secretariat; a focal point's validate tells the
// secretariat (in the app and by e-mail, read back from a real SMTP server in-process, in the
// admin's language), their return tells the coordinator with the comment; one recipient
// lookup answers who is told.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { startSmtp } from '../../../../tests/helpers/smtp';
import { cast, insertActor } from '../../../../tests/helpers/cast';
import { createAction } from '../actions';
import { returnAction, submitAction, validateAction } from '../review/actions';
import { actionCreateSchema } from '$lib/schemas/actions';
import { observationInputSchema } from '$lib/schemas/observations';
import { user } from '../db/schema';
import {
	listObservationsForReview,
	returnObservation,
	submitDrafts,
	upsertObservations,
	validateObservation,
	validateSubmitted
} from '../observations';
import { setNationalApproval } from '../review/national';
import type { Actor } from '../auth/authz';
import { myWork } from './work';
import { kindsFor, listNotifications, setPreferences } from './notify';
import { recipientsOf } from './recipients';
import { closeMail, deliverDueMail } from './mail';

let t: TestDb;
let who: ReturnType<typeof cast>;
let focal: Actor;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
	focal = insertActor(t.db, 'focal_point', ['GTM'], 'Flor Focal');
	setNationalApproval(t.db, who.admin, 'GTM', true);
});
afterEach(() => {
	closeMail();
	delete process.env.SMTP_URL;
	t.close();
});

const gtmAction = (title = 'Consular ID card') =>
	createAction(t.db, who.gtm, actionCreateSchema.parse({ title, country: 'GTM', articles: [2] }));
const gtmValues = () =>
	upsertObservations(t.db, who.gtm, '10.c.1', [
		observationInputSchema.parse({ country: 'GTM', period: '2021', value: 5.1 }),
		observationInputSchema.parse({ country: 'GTM', period: '2022', value: 4.9 })
	]);
const kinds = (actor: Actor) => listNotifications(t.db, actor, 'en').map((n) => n.kind);

describe('My work with national approval', () => {
	it('lists what waits for the focal point, and where each submission waits', () => {
		const a = gtmAction();
		const b = gtmAction('Second card');
		submitAction(t.db, who.gtm, a.id);
		submitAction(t.db, who.gtm, b.id);
		let w = myWork(t.db, focal);
		expect(w.awaitingNationalApproval).toMatchObject({
			count: 2,
			href: '/review?country=GTM',
			items: [
				{ type: 'action', id: String(a.id), country: 'GTM', href: `/actions/${a.id}` },
				{ type: 'action', id: String(b.id) }
			]
		});
		// The coordinator's submitted list: both with the national focal point.
		expect(myWork(t.db, who.gtm).submitted.items.map((i) => i.waitingFor)).toEqual([
			'national',
			'national'
		]);
		// Nobody else has a national list.
		expect(myWork(t.db, who.admin).awaitingNationalApproval.count).toBe(0);
		expect(myWork(t.db, who.gtm).awaitingNationalApproval.count).toBe(0);
		expect(
			myWork(t.db, insertActor(t.db, 'focal_point', ['MEX'])).awaitingNationalApproval
		).toEqual({ count: 0, items: [], href: '/review?country=MEX' });

		validateAction(t.db, focal, a.id);
		w = myWork(t.db, focal);
		expect(w.awaitingNationalApproval.items.map((i) => i.id)).toEqual([String(b.id)]);
		const submitted = myWork(t.db, who.gtm).submitted.items;
		expect(submitted.find((i) => i.id === String(a.id))?.waitingFor).toBe('secretariat');
		expect(submitted.find((i) => i.id === String(b.id))?.waitingFor).toBe('national');
		// Mexico has no national approval: its submissions are with the secretariat.
		const m = createAction(
			t.db,
			who.mex,
			actionCreateSchema.parse({ title: 'Fee cap', country: 'MEX', articles: [2] })
		);
		submitAction(t.db, who.mex, m.id);
		expect(myWork(t.db, who.mex).submitted.items[0].waitingFor).toBe('secretariat');
	});

	it('groups indicator values by where they wait', () => {
		gtmValues();
		submitDrafts(t.db, who.gtm, '10.c.1', 'GTM');
		expect(myWork(t.db, focal).awaitingNationalApproval).toMatchObject({
			count: 1,
			items: [{ type: 'observations', id: '10.c.1|GTM', count: 2 }]
		});
		const [first] = listObservationsForReview(t.db, focal);
		validateObservation(t.db, focal, '10.c.1', Number(first.id));
		expect(myWork(t.db, focal).awaitingNationalApproval.items).toMatchObject([{ count: 1 }]);
		const groups = myWork(t.db, who.gtm).submitted.items.filter((i) => i.type === 'observations');
		expect(groups.map((g) => [g.id, g.waitingFor, g.count]).sort()).toEqual([
			['10.c.1|GTM', 'national', 1],
			['10.c.1|GTM', 'secretariat', 1]
		]);
	});
});

describe('notifications of national approval', () => {
	it('a focal point’s validate tells the secretariat, by e-mail in the admin’s language', async () => {
		t.db.update(user).set({ locale: 'fr' }).where(eq(user.id, who.admin.id)).run();
		const other = insertActor(t.db, 'admin', [], 'Otto Admin');
		setPreferences(t.db, other, { nationally_approved: 'in_app' });
		const smtp = await startSmtp();
		const received = smtp.received;
		try {
			const a = gtmAction();
			submitAction(t.db, who.gtm, a.id);
			expect(kinds(who.admin)).not.toContain('nationally_approved');
			await deliverDueMail(t.db);
			received.length = 0;

			validateAction(t.db, focal, a.id);
			const [n] = listNotifications(t.db, who.admin, 'fr');
			expect(n).toMatchObject({ kind: 'nationally_approved', link: `/actions/${a.id}` });
			expect(n.message).toContain('Flor Focal');
			expect(n.message).toContain('Consular ID card');
			expect(n.message).toContain('Guatemala');
			expect(n.message).toContain('au niveau national');
			expect(listNotifications(t.db, who.admin, 'es')[0].message).toContain('a nivel nacional');
			// Every admin is told; neither the focal point nor the coordinator.
			expect(kinds(other)).toContain('nationally_approved');
			expect(kinds(focal)).not.toContain('nationally_approved');
			expect(kinds(who.gtm)).not.toContain('nationally_approved');

			// One e-mail: the admin who asked for e-mail at once, not the one in the app only.
			expect(await deliverDueMail(t.db)).toBe(1);
			expect(received).toHaveLength(1);
			const mail = received[0].replace(/=\r?\n/g, '');
			expect(mail).toContain(who.admin.email);
			expect(mail).not.toContain(other.email);
			expect(mail).toMatch(/text\/plain/);
			expect(mail).toMatch(/text\/html/);
			expect(mail).toContain('au niveau national');
		} finally {
			await smtp.close();
		}
	});

	it('a focal point’s approval of all values tells the secretariat once', () => {
		gtmValues();
		submitDrafts(t.db, who.gtm, '10.c.1', 'GTM');
		expect(validateSubmitted(t.db, focal, '10.c.1', 'GTM')).toBe(2);
		const told = listNotifications(t.db, who.admin, 'en').filter(
			(n) => n.kind === 'nationally_approved'
		);
		expect(told).toHaveLength(1);
		expect(told[0].link).toBe('/indicators/10.c.1?country=GTM#values');
	});

	it('a focal point’s return tells the coordinator with the comment (actions and values)', () => {
		const a = gtmAction();
		submitAction(t.db, who.gtm, a.id);
		returnAction(t.db, focal, a.id, { comment: 'Name the decree' });
		let [n] = listNotifications(t.db, who.gtm, 'en');
		expect(n).toMatchObject({ kind: 'returned', link: `/actions/${a.id}` });
		expect(n.message).toContain('Name the decree');
		expect(n.message).toContain('Flor Focal');

		gtmValues();
		submitDrafts(t.db, who.gtm, '10.c.1', 'GTM');
		const [v] = listObservationsForReview(t.db, focal);
		returnObservation(t.db, focal, '10.c.1', Number(v.id), 'Check the 2021 source');
		[n] = listNotifications(t.db, who.gtm, 'en');
		expect(n.kind).toBe('returned');
		expect(n.message).toContain('Check the 2021 source');
		expect(kinds(who.admin)).not.toContain('returned');
	});
});

describe('My work’s indicators without a recent value', () => {
	it('tells "nothing recorded yet" apart from "nothing stale"', () => {
		// A new country: no value at all, which is not "every indicator has a recent value".
		expect(myWork(t.db, who.gtm).staleIndicators).toMatchObject({ count: 0, withValues: 0 });
		gtmValues();
		expect(myWork(t.db, who.gtm).staleIndicators.withValues).toBe(1); // 10.c.1 × GTM
	});
});

describe('the secretariat validating values', () => {
	it('tells the coordinator: once per value, once for a whole indicator and country', () => {
		setNationalApproval(t.db, who.admin, 'GTM', false);
		gtmValues();
		submitDrafts(t.db, who.gtm, '10.c.1', 'GTM');
		const [v] = listObservationsForReview(t.db, who.admin);
		validateObservation(t.db, who.admin, '10.c.1', Number(v.id));
		let told = listNotifications(t.db, who.gtm, 'en').filter((n) => n.kind === 'validated');
		expect(told).toHaveLength(1);
		expect(told[0].link).toBe('/indicators/10.c.1?country=GTM#values');
		expect(told[0].message).toContain('10.c.1');
		expect(kinds(who.admin)).not.toContain('validated'); // not told of one's own step

		expect(validateSubmitted(t.db, who.admin, '10.c.1', 'GTM')).toBe(1);
		told = listNotifications(t.db, who.gtm, 'en').filter((n) => n.kind === 'validated');
		expect(told).toHaveLength(2);
	});

	it('a focal point’s national approval is not a validation: the coordinator waits', () => {
		gtmValues();
		submitDrafts(t.db, who.gtm, '10.c.1', 'GTM');
		validateSubmitted(t.db, focal, '10.c.1', 'GTM');
		expect(kinds(who.gtm)).not.toContain('validated');
	});
});

describe('the kinds each person chooses for', () => {
	it('offers the national kinds to those they reach only', () => {
		expect(kindsFor(focal)).toContain('national_review');
		expect(kindsFor(focal)).not.toContain('nationally_approved');
		expect(kindsFor(who.admin)).toContain('nationally_approved');
		expect(kindsFor(who.admin)).not.toContain('national_review');
		expect(kindsFor(who.gtm)).toEqual(expect.arrayContaining(['returned', 'round_due']));
		expect(kindsFor(who.gtm)).not.toContain('national_review');
		expect(kindsFor(who.gtm)).not.toContain('nationally_approved');
	});
});

describe('recipients', () => {
	it('answers the active accounts of a role, of a country or all', () => {
		const gone = insertActor(t.db, 'focal_point', ['GTM'], 'Gone Focal');
		t.db.update(user).set({ active: false }).where(eq(user.id, gone.id)).run();
		expect(recipientsOf(t.db, 'focal_point', 'GTM')).toEqual([focal.id]);
		expect(recipientsOf(t.db, 'focal_point', 'MEX')).toEqual([]);
		expect(recipientsOf(t.db, 'coordinator', 'GTM')).toEqual([who.gtm.id]);
		expect(recipientsOf(t.db, 'coordinator', null)).toEqual([]);
		expect(recipientsOf(t.db, 'coordinator').sort()).toEqual([who.mex.id, who.gtm.id].sort());
		expect(recipientsOf(t.db, 'admin')).toContain(who.admin.id);
	});
});
