// Comment threads (issue 17 §3) on actions and on observation groups (an indicator's values
// of a country), between coordinators and the secretariat: audited, with @mentions that notify
// the person named. Internal: shared pages never read this table.
import { isRegionCode } from '../declaration/regions';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { country, deskComment, user } from '../db/schema';
import { assert, canComment, canReadDrafts, requireActor, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { notFound } from '../http/errors';
import { actionRow } from '../actions';
import { indicatorByCode } from '../indicators/catalogue';
import { notify } from './notify';

export interface CommentItem {
	id: number;
	body: string;
	author: { id: string; name: string } | null;
	createdAt: string;
}

export interface CommentTarget {
	type: 'action' | 'observation_group';
	key: string;
	country: string | null;
	title: string;
	link: string;
}

export function actionTarget(db: Db, id: number): CommentTarget {
	const row = actionRow(db, id);
	if (row.deletedAt) throw notFound(`There is no action ${id}.`);
	return {
		type: 'action',
		key: String(id),
		country: row.countryIso3,
		title: row.title,
		link: `/actions/${id}`
	};
}

/**
 * An observation group: an indicator's values of one country (`iso3`), or the regional values
 * (null). Key `CODE|ISO3` (`CODE|` for the region); an unknown indicator or country is 404.
 */
export function observationGroupTarget(db: Db, code: string, iso3: string | null): CommentTarget {
	const ind = indicatorByCode(db, code);
	// An M49 region's series (`013`) is regional: read and written as the RCM's are.
	const region = iso3 !== null && isRegionCode(iso3);
	if (
		iso3 &&
		!region &&
		!db.select({ iso3: country.iso3 }).from(country).where(eq(country.iso3, iso3)).get()
	)
		throw notFound(`There is no country ${iso3}.`);
	return {
		type: 'observation_group',
		key: `${ind.code}|${iso3 ?? ''}`,
		country: region ? null : iso3,
		title: `${ind.code} ${ind.name}${iso3 ? ` (${iso3})` : ''}`,
		link: `/indicators/${encodeURIComponent(ind.code)}?country=${iso3 ?? 'REGION'}#comments`
	};
}

export function listComments(db: Db, actor: Actor | null, target: CommentTarget): CommentItem[] {
	const who = requireActor(actor);
	// Someone who may not read the record's working data is told it does not exist.
	if (!canReadDrafts(who, target.country)) throw notFound();
	return db
		.select({ c: deskComment, name: user.name })
		.from(deskComment)
		.leftJoin(user, eq(user.id, deskComment.authorId))
		.where(and(eq(deskComment.targetType, target.type), eq(deskComment.targetKey, target.key)))
		.orderBy(asc(deskComment.id))
		.all()
		.map(({ c, name }) => ({
			id: c.id,
			body: c.body,
			author: c.authorId ? { id: c.authorId, name: name ?? '' } : null,
			createdAt: c.createdAt.toISOString()
		}));
}

/** A page's thread: the comments and whether the reader may add one; null when not theirs to read. */
export function threadFor(
	db: Db,
	actor: Actor | null | undefined,
	target: CommentTarget
): { items: CommentItem[]; canPost: boolean } | null {
	if (!actor || !canReadDrafts(actor, target.country)) return null;
	return { items: listComments(db, actor, target), canPost: canComment(actor, target.country) };
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The people an @mention names: by name without spaces, first name or e-mail's local part. */
export function mentionedUsers(db: Db, body: string): string[] {
	const tokens = [...body.matchAll(/@([\p{L}\p{N}._-]{2,60})/gu)].map((m) => squash(m[1]));
	if (tokens.length === 0) return [];
	const people = db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.where(eq(user.active, true))
		.all();
	return people
		.filter((p) => {
			const names = [
				squash(p.name),
				squash(p.name.split(/\s+/)[0] ?? ''),
				squash(p.email.split('@')[0])
			];
			return tokens.some((t) => names.includes(t));
		})
		.map((p) => p.id);
}

export function postComment(
	db: Db,
	actor: Actor | null,
	target: CommentTarget,
	body: string
): CommentItem {
	const who = requireActor(actor);
	if (!canReadDrafts(who, target.country)) throw notFound();
	assert.comment(who, target.country);
	const mentions = mentionedUsers(db, body).filter((id) => id !== who.id);
	const row = db.transaction((tx) => {
		const c = tx
			.insert(deskComment)
			.values({
				targetType: target.type,
				targetKey: target.key,
				countryIso3: target.country,
				body,
				mentions,
				authorId: who.id
			})
			.returning()
			.get();
		recordAudit(tx, {
			userId: who.id,
			entity: target.type === 'action' ? 'action_comment' : 'observation_comment',
			entityId: c.id,
			operation: 'create',
			after: { target: target.key, body, mentions }
		});
		return c;
	});
	notify(db, {
		userIds: mentions,
		kind: 'mentioned',
		params: { who: who.name, title: target.title, body: body.slice(0, 300) },
		link: target.link,
		exceptUserId: who.id
	});
	return {
		id: row.id,
		body: row.body,
		author: { id: who.id, name: who.name },
		createdAt: row.createdAt.toISOString()
	};
}
