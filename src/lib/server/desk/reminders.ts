// The desk's daily work (issue 17 §5), run by a timer from start-up: tells the author of each
// overdue action (once per due date), the coordinators of each member state still incomplete
// in a round due within 7 days (once per round), and sends each person's daily digest of the
// notifications they chose to receive that way (once per day). Takes the clock as an argument
// so tests run it on a fixed day; never throws (a failure is logged).
import { and, asc, eq, gte, inArray, isNull, lt, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import { action, appMeta, notification, reportingRound, user } from '../db/schema';
import { composeMail, notify } from './notify';
import { recipientsOf } from './recipients';
import { computeCompleteness } from './rounds';
import { enqueueMail, kickMail, mailEnabled } from './mail';
import type { Locale } from '$lib/domain';

/** A round is announced as due this many days ahead. */
export const ROUND_DUE_DAYS = 7;
/** The digest goes out on the first run at or after this hour (UTC) each day. */
export const DIGEST_HOUR_UTC = 6;
const DIGEST_KEY = 'desk_digest_day';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
	isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** Overdue actions: their authors are told once per due date. Answers how many were told. */
export function remindOverdueActions(db: Db, now: Date): number {
	const today = isoDay(now);
	const rows = db
		.select({ id: action.id, title: action.title, dueOn: action.dueDate, by: action.createdBy })
		.from(action)
		.where(
			and(
				isNull(action.deletedAt),
				lt(action.dueDate, today),
				notInArray(action.status, ['completed', 'cancelled'])
			)
		)
		.orderBy(asc(action.id))
		.all()
		.filter((r) => r.by && r.dueOn);
	if (rows.length === 0) return 0;
	const told = new Set(
		db
			.select({ userId: notification.userId, link: notification.link, params: notification.params })
			.from(notification)
			.where(eq(notification.kind, 'action_overdue'))
			.all()
			.map((n) => `${n.userId}|${n.link}|${n.params.dueOn ?? ''}`)
	);
	let count = 0;
	for (const r of rows) {
		const link = `/actions/${r.id}`;
		if (told.has(`${r.by}|${link}|${r.dueOn}`)) continue;
		notify(db, {
			userIds: [r.by!],
			kind: 'action_overdue',
			params: { title: r.title, dueOn: r.dueOn! },
			link
		});
		count++;
	}
	return count;
}

/** Open rounds due within 7 days: coordinators of incomplete member states, once per round. */
export function remindRoundsDue(db: Db, now: Date): number {
	const today = isoDay(now);
	const rounds = db
		.select()
		.from(reportingRound)
		.where(
			and(
				isNull(reportingRound.closedAt),
				isNull(reportingRound.dueRemindedAt),
				lte(reportingRound.opensOn, today),
				gte(reportingRound.dueOn, today),
				lte(reportingRound.dueOn, addDays(today, ROUND_DUE_DAYS))
			)
		)
		.all();
	let count = 0;
	for (const r of rounds) {
		for (const row of computeCompleteness(db, r).filter((x) => !x.complete)) {
			const people = recipientsOf(db, 'coordinator', row.country);
			if (people.length === 0) continue;
			notify(db, {
				userIds: people,
				kind: 'round_due',
				params: { title: r.name, dueOn: r.dueOn, country: row.country },
				link: `/rounds/${r.id}`
			});
			count += people.length;
		}
		db.update(reportingRound).set({ dueRemindedAt: now }).where(eq(reportingRound.id, r.id)).run();
	}
	return count;
}

/** Each person's daily digest: one e-mail of their pending notifications. Answers how many. */
export function sendDigests(db: Db, now: Date): number {
	if (!mailEnabled()) return 0;
	const today = isoDay(now);
	const last = db.select().from(appMeta).where(eq(appMeta.key, DIGEST_KEY)).get()?.value;
	if (last === today || now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
	const pending = db
		.select()
		.from(notification)
		.where(eq(notification.digestPending, true))
		.orderBy(asc(notification.id))
		.all();
	const byUser = new Map<string, typeof pending>();
	for (const n of pending) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
	const people = byUser.size
		? db
				.select({ id: user.id, email: user.email, locale: user.locale, active: user.active })
				.from(user)
				.where(inArray(user.id, [...byUser.keys()]))
				.all()
		: [];
	let sent = 0;
	db.transaction((tx) => {
		for (const p of people) {
			const items = byUser.get(p.id) ?? [];
			if (p.active && items.length) {
				const locale: Locale = p.locale === 'es' || p.locale === 'fr' ? p.locale : 'en';
				enqueueMail(tx, { to: p.email, ...composeMail(items, locale, true) });
				sent++;
			}
		}
		if (pending.length)
			tx.update(notification)
				.set({ digestPending: false })
				.where(
					inArray(
						notification.id,
						pending.map((n) => n.id)
					)
				)
				.run();
		tx.insert(appMeta)
			.values({ key: DIGEST_KEY, value: today })
			.onConflictDoUpdate({ target: appMeta.key, set: { value: today } })
			.run();
	});
	if (sent) kickMail(db);
	return sent;
}

/** The whole daily run. */
export function runDeskReminders(db: Db, now = new Date()) {
	const out = { overdue: 0, roundDue: 0, digests: 0 };
	try {
		out.overdue = remindOverdueActions(db, now);
		out.roundDue = remindRoundsDue(db, now);
		out.digests = sendDigests(db, now);
	} catch (e) {
		console.error('[avance] the daily reminders could not run', e);
	}
	return out;
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Runs the reminders shortly after start-up, then every hour (each step is once-only). */
export function startDeskReminders(db: Db): void {
	if (timer || process.env.DESK_REMINDERS === 'off') return;
	setTimeout(() => runDeskReminders(db), 5_000).unref?.();
	timer = setInterval(() => runDeskReminders(db), 3600_000);
	timer.unref?.();
}
