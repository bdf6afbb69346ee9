// The daily reminders (issue 17 §5) on a fixed clock: overdue actions, rounds due in 7 days
// with a member state incomplete, and the daily digest, read back from a real SMTP server.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { startSmtp } from '../../../../tests/helpers/smtp';
import { cast } from '../../../../tests/helpers/cast';
import { createAction } from '../actions';
import { actionCreateSchema } from '$lib/schemas/actions';
import { auditEntry, mailOutbox, user } from '../db/schema';
import { createRound } from './rounds';
import { listNotifications, preferencesOf, setPreferences } from './notify';
import { closeMail, deliverDueMail } from './mail';
import { runDeskReminders } from './reminders';

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

const at = (iso: string) => new Date(iso);
const kinds = (actor: typeof who.mex) => listNotifications(t.db, actor, 'en').map((n) => n.kind);

function setUp() {
	const a = createAction(
		t.db,
		who.mex,
		actionCreateSchema.parse({
			title: 'Fee cap',
			country: 'MEX',
			articles: [2],
			dueDate: '2030-03-01'
		})
	);
	createAction(
		t.db,
		who.mex,
		actionCreateSchema.parse({
			title: 'Later',
			country: 'MEX',
			articles: [2],
			dueDate: '2031-01-01'
		})
	);
	const r = createRound(t.db, who.admin, {
		name: 'Vice-Ministerial meeting 2030',
		opensOn: '2030-02-01',
		dueOn: '2030-03-15',
		articles: [2]
	});
	return { a, r };
}

describe('daily reminders', () => {
	it('tells of an overdue action once, and of a round due in 7 days to incomplete states', () => {
		const { a, r } = setUp();
		// Ten days before the round is due: only the overdue action.
		let out = runDeskReminders(t.db, at('2030-03-05T07:00:00Z'));
		expect(out).toMatchObject({ overdue: 1, roundDue: 0 });
		const [n] = listNotifications(t.db, who.mex, 'en');
		expect(n).toMatchObject({ kind: 'action_overdue', link: `/actions/${a.id}` });
		expect(n.message).toContain('Fee cap');
		// Seven days before: Mexico's and Guatemala's coordinators (both incomplete), once.
		out = runDeskReminders(t.db, at('2030-03-08T07:00:00Z'));
		expect(out).toMatchObject({ overdue: 0, roundDue: 2 });
		expect(kinds(who.mex).filter((k) => k === 'round_due')).toHaveLength(1);
		expect(kinds(who.gtm)).toContain('round_due');
		expect(listNotifications(t.db, who.gtm, 'en')[0].link).toBe(`/rounds/${r.id}`);
		expect(kinds(who.admin)).not.toContain('round_due');
		out = runDeskReminders(t.db, at('2030-03-09T07:00:00Z'));
		expect(out).toMatchObject({ overdue: 0, roundDue: 0 });
	});

	it('keeps each person’s choices, audited', () => {
		expect(preferencesOf(t.db, who.mex).returned).toBe('immediate');
		setPreferences(t.db, who.mex, { returned: 'digest', mentioned: 'in_app' });
		expect(preferencesOf(t.db, who.mex)).toMatchObject({
			returned: 'digest',
			mentioned: 'in_app',
			validated: 'immediate'
		});
		const audit = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.entity, 'notification_preference'))
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0].userId).toBe(who.mex.id);
	});

	it('sends the daily digest once a day, in the recipient’s language, by SMTP', async () => {
		const smtp = await startSmtp();
		const received = smtp.received;
		try {
			t.db.update(user).set({ locale: 'fr' }).where(eq(user.id, who.mex.id)).run();
			setPreferences(t.db, who.mex, {
				action_overdue: 'digest',
				round_due: 'digest',
				round_opened: 'in_app'
			});
			setPreferences(t.db, who.gtm, { round_opened: 'in_app' });
			setUp();
			// Before 06:00 UTC: the reminders are recorded, the digest waits.
			let out = runDeskReminders(t.db, at('2030-03-08T05:00:00Z'));
			expect(out).toMatchObject({ overdue: 1, roundDue: 2, digests: 0 });
			const queued = () => t.db.select().from(mailOutbox).all();
			// Guatemala's coordinator wanted the round reminder at once; Mexico's waits.
			expect(queued().map((q) => q.toAddress)).toEqual([who.gtm.email]);
			out = runDeskReminders(t.db, at('2030-03-08T07:00:00Z'));
			expect(out.digests).toBe(1);
			const digest = queued().find((q) => q.toAddress === who.mex.email)!;
			expect(digest.subject).toContain('2');
			expect(digest.text).toContain('Fee cap');
			expect(digest.text).toMatch(/en retard|échéance/);
			// Once a day: nothing more the same day, nothing pending the next.
			expect(runDeskReminders(t.db, at('2030-03-08T09:00:00Z')).digests).toBe(0);
			expect(runDeskReminders(t.db, at('2030-03-09T07:00:00Z')).digests).toBe(0);
			expect(await deliverDueMail(t.db)).toBe(2);
			const toMex = received.find((m) => m.includes(who.mex.email))!;
			expect(toMex).toMatch(/text\/plain/);
			expect(toMex).toMatch(/text\/html/);
			expect(toMex.replace(/=\r?\n/g, '')).toContain('Fee cap');
		} finally {
			await smtp.close();
		}
	});
});
