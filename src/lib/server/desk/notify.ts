// Notifications (issue 17 §5): who is told what (returned, validated, mentioned, a round
// opened, a round due with your country incomplete, your action overdue), in the app (the
// bell) and, by each person's choice per kind, by e-mail at once or in a daily digest, in
// the recipient's language. Notifying never fails the request that caused it.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { notification, notificationPreference, user } from '../db/schema';
import { requireActor, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { m } from '$lib/paraglide/messages';
import {
	DELIVERIES,
	NOTIFICATION_KINDS,
	type Delivery,
	type NotificationKind
} from '$lib/schemas/desk';
import type { Locale } from '$lib/domain';
import { countryName } from '../declaration/countries';
import { enqueueMail, kickMail, mailEnabled } from './mail';
import { recipientsOf } from './recipients';
import type { RoundRecord } from './rounds';

export type NotificationParams = Record<string, string>;

/** The notification's member state (an ISO3 code in its params), named in a language. */
const nameOf = (p: NotificationParams, locale: Locale) =>
	p.country ? countryName(p.country, locale) : '';

/** The sentence of a notification, in a language. */
export function notificationText(kind: string, p: NotificationParams, locale: Locale): string {
	const o = { locale };
	const title = p.title ?? '';
	switch (kind as NotificationKind) {
		case 'returned':
			return m.desk_notif_returned({ who: p.who ?? '', title, comment: p.comment ?? '' }, o);
		case 'validated':
			return m.desk_notif_validated({ who: p.who ?? '', title }, o);
		case 'mentioned':
			return m.desk_notif_mentioned({ who: p.who ?? '', title, body: p.body ?? '' }, o);
		case 'round_opened':
			return m.desk_notif_round_opened({ title, dueOn: p.dueOn ?? '' }, o);
		case 'round_due':
			return m.desk_notif_round_due({ title, dueOn: p.dueOn ?? '', country: nameOf(p, locale) }, o);
		case 'action_overdue':
			return m.desk_notif_action_overdue({ title, dueOn: p.dueOn ?? '' }, o);
		case 'national_review':
			return m.desk_notif_national_review({ who: p.who ?? '', title }, o);
		case 'nationally_approved':
			return m.desk_notif_nationally_approved(
				{ who: p.who ?? '', title, country: nameOf(p, locale) },
				o
			);
		default:
			return title;
	}
}

const DEFAULT_DELIVERY: Delivery = 'immediate';

export function deliveryOf(db: Db, userId: string, kind: NotificationKind): Delivery {
	const row = db
		.select({ d: notificationPreference.delivery })
		.from(notificationPreference)
		.where(and(eq(notificationPreference.userId, userId), eq(notificationPreference.kind, kind)))
		.get();
	return (DELIVERIES as readonly string[]).includes(row?.d ?? '')
		? (row!.d as Delivery)
		: DEFAULT_DELIVERY;
}

export function preferencesOf(db: Db, actor: Actor | null): Record<NotificationKind, Delivery> {
	const who = requireActor(actor);
	return Object.fromEntries(
		NOTIFICATION_KINDS.map((k) => [k, deliveryOf(db, who.id, k)])
	) as Record<NotificationKind, Delivery>;
}

/** Which roles each kind reaches (who is told what, in this module and its callers). */
const KIND_ROLES: Record<NotificationKind, readonly string[] | 'all'> = {
	returned: ['admin', 'coordinator'],
	validated: ['admin', 'coordinator'],
	mentioned: 'all',
	round_opened: ['coordinator'],
	round_due: ['coordinator'],
	action_overdue: ['admin', 'coordinator'],
	national_review: ['focal_point'],
	nationally_approved: ['admin']
};

/** The kinds a person can receive: the ones their Notifications page offers a choice for. */
export function kindsFor(actor: Actor | null): NotificationKind[] {
	const who = requireActor(actor);
	return NOTIFICATION_KINDS.filter((k) => {
		const roles = KIND_ROLES[k];
		return roles === 'all' || roles.includes(who.role);
	});
}

export function setPreferences(
	db: Db,
	actor: Actor | null,
	prefs: Partial<Record<NotificationKind, Delivery>>
): void {
	const who = requireActor(actor);
	const before = preferencesOf(db, who);
	db.transaction((tx) => {
		recordAudit(tx, {
			userId: who.id,
			entity: 'notification_preference',
			entityId: who.id,
			operation: 'update',
			before,
			after: { ...before, ...prefs }
		});
		for (const [kind, delivery] of Object.entries(prefs)) {
			tx.insert(notificationPreference)
				.values({ userId: who.id, kind, delivery: delivery! })
				.onConflictDoUpdate({
					target: [notificationPreference.userId, notificationPreference.kind],
					set: { delivery: delivery! }
				})
				.run();
		}
	});
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

function absolute(link: string | null): string | null {
	if (!link) return null;
	const origin = (process.env.ORIGIN ?? '').replace(/\/$/, '');
	return origin ? `${origin}${link}` : link;
}

/** The e-mail of one or more notifications, in the recipient's language. */
export function composeMail(
	items: { kind: string; params: NotificationParams; link: string | null }[],
	locale: Locale,
	digest = false
) {
	const lines = items.map((n) => ({
		text: notificationText(n.kind, n.params, locale),
		link: absolute(n.link)
	}));
	const subject = digest
		? m.desk_mail_digest_subject({ count: String(items.length) }, { locale })
		: `Avance: ${lines[0].text}`.slice(0, 200);
	const footer = m.desk_mail_footer({}, { locale });
	const text = [
		...lines.map((l) => (l.link ? `${l.text}\n${l.link}` : l.text)),
		'',
		'--',
		footer
	].join('\n\n');
	const html =
		`<!doctype html><html lang="${locale}"><body>` +
		lines
			.map(
				(l) =>
					`<p>${escapeHtml(l.text)}</p>` +
					(l.link ? `<p><a href="${escapeHtml(l.link)}">${escapeHtml(l.link)}</a></p>` : '')
			)
			.join('') +
		`<hr><p><small>${escapeHtml(footer)}</small></p></body></html>`;
	return { subject, text, html };
}

function localeOf(raw: string | null): Locale {
	return raw === 'es' || raw === 'fr' ? raw : 'en';
}

export interface NotifyInput {
	userIds: string[];
	kind: NotificationKind;
	params: NotificationParams;
	link: string | null;
	/** Who caused it: never notified of their own doing. */
	exceptUserId?: string | null;
}

/** Tells people; any failure is logged, never thrown. */
export function notify(db: Db, input: NotifyInput): void {
	try {
		const ids = [...new Set(input.userIds)].filter((id) => id && id !== input.exceptUserId);
		if (ids.length === 0) return;
		const people = db
			.select({ id: user.id, email: user.email, locale: user.locale, active: user.active })
			.from(user)
			.where(inArray(user.id, ids))
			.all()
			.filter((p) => p.active);
		let queued = false;
		db.transaction((tx) => {
			for (const p of people) {
				const delivery = deliveryOf(db, p.id, input.kind);
				tx.insert(notification)
					.values({
						userId: p.id,
						kind: input.kind,
						params: input.params,
						link: input.link,
						digestPending: delivery === 'digest' && mailEnabled()
					})
					.run();
				if (delivery === 'immediate' && mailEnabled()) {
					enqueueMail(tx, { to: p.email, ...composeMail([input], localeOf(p.locale)) });
					queued = true;
				}
			}
		});
		if (queued) kickMail(db);
	} catch (e) {
		console.error('[avance] a notification could not be recorded', e);
	}
}

/** A round was opened: every coordinator is told. */
export function announceRound(db: Db, round: RoundRecord): void {
	notify(db, {
		userIds: recipientsOf(db, 'coordinator'),
		kind: 'round_opened',
		params: { title: round.name, dueOn: round.dueOn },
		link: `/rounds/${round.id}`
	});
}

export interface NotificationView {
	id: number;
	kind: NotificationKind;
	message: string;
	link: string | null;
	read: boolean;
	createdAt: string;
}

export function listNotifications(
	db: Db,
	actor: Actor | null,
	locale: Locale,
	opts: { unread?: boolean; limit?: number } = {}
): NotificationView[] {
	const who = requireActor(actor);
	return db
		.select()
		.from(notification)
		.where(
			and(eq(notification.userId, who.id), opts.unread ? isNull(notification.readAt) : undefined)
		)
		.orderBy(desc(notification.id))
		.limit(opts.limit ?? 100)
		.all()
		.map((n) => ({
			id: n.id,
			kind: n.kind as NotificationKind,
			message: notificationText(n.kind, n.params, locale),
			link: n.link,
			read: !!n.readAt,
			createdAt: n.createdAt.toISOString()
		}));
}

export function unreadCount(db: Db, actor: Actor | null | undefined): number {
	if (!actor) return 0;
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(notification)
			.where(and(eq(notification.userId, actor.id), isNull(notification.readAt)))
			.get()?.n ?? 0
	);
}

/** Marks the reader's notifications read (these ids, or all); answers how many changed. */
export function markRead(db: Db, actor: Actor | null, ids?: number[]): number {
	const who = requireActor(actor);
	return db
		.update(notification)
		.set({ readAt: new Date() })
		.where(
			and(
				eq(notification.userId, who.id),
				isNull(notification.readAt),
				ids ? inArray(notification.id, ids.length ? ids : [-1]) : undefined
			)
		)
		.run().changes;
}
