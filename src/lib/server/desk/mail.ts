// The e-mail outbox (issue 17 §5): messages are queued in the database (mail_outbox), so a
// restart loses none, and sent by nodemailer through SMTP_URL, retried with back-off. Sending
// never runs inside a request's work: a failure is recorded on the message, never thrown.
import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db';
import { mailOutbox } from '../db/schema';

/** Attempts before a message is given up (marked failed). */
export const MAX_ATTEMPTS = 8;

/** Wait before the next attempt after `attempts` failures: 1 min, 2, 4 … up to 6 h. */
export function backoffMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export const mailEnabled = () => !!process.env.SMTP_URL;

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html: string;
}

export function enqueueMail(db: Pick<Db, 'insert'>, mail: OutgoingMail): void {
	db.insert(mailOutbox)
		.values({ toAddress: mail.to, subject: mail.subject, text: mail.text, html: mail.html })
		.run();
}

let transport: { url: string; t: Transporter } | undefined;
function transporter(): Transporter {
	const url = process.env.SMTP_URL!;
	if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
	return transport.t;
}

/** Closes the SMTP connection (tests, shutdown). */
export function closeMail(): void {
	transport?.t.close();
	transport = undefined;
}

let running: Promise<number> | undefined;

/**
 * Sends every queued message that is due; answers how many were sent. One run at a time
 * (a second call waits for the first).
 */
export function deliverDueMail(db: Db, now = new Date()): Promise<number> {
	if (!mailEnabled()) return Promise.resolve(0);
	running ??= (async () => {
		let sent = 0;
		try {
			const due = db
				.select()
				.from(mailOutbox)
				.where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
				.orderBy(asc(mailOutbox.id))
				.limit(100)
				.all();
			for (const m of due) {
				try {
					await transporter().sendMail({
						from: process.env.SMTP_FROM || 'Avance <no-reply@localhost>',
						to: m.toAddress,
						subject: m.subject,
						text: m.text,
						html: m.html
					});
					db.update(mailOutbox)
						.set({ status: 'sent', sentAt: new Date(), attempts: m.attempts + 1, lastError: null })
						.where(eq(mailOutbox.id, m.id))
						.run();
					sent++;
				} catch (e) {
					const attempts = m.attempts + 1;
					db.update(mailOutbox)
						.set({
							attempts,
							status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
							nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
							lastError: e instanceof Error ? e.message.slice(0, 500) : String(e)
						})
						.where(eq(mailOutbox.id, m.id))
						.run();
				}
			}
		} catch (e) {
			console.error('[avance] the mail outbox could not be read', e);
		} finally {
			running = undefined;
		}
		return sent;
	})();
	return running;
}

/** Asks for a delivery run soon, outside the current request's work. */
export function kickMail(db: Db): void {
	if (!mailEnabled()) return;
	setTimeout(() => void deliverDueMail(db), 0).unref?.();
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Delivers the outbox every minute from start-up on (messages queued before a restart too). */
export function startMailer(db: Db): void {
	if (timer || !mailEnabled()) return;
	timer = setInterval(() => void deliverDueMail(db), 60_000);
	timer.unref?.();
	kickMail(db);
}
