// Share links: read-only access to one scope (the declaration, an article, a country or an
// indicator) for anyone holding the link. The token (256 random bits) is shown once; only
// its SHA-256 hash is stored. Unknown, revoked, expired and out-of-scope all look the same.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { article, country, indicator, shareLink, user } from '../db/schema';
import { assert, canSeeShareLinks, isAdmin, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { invalid, notFound } from '../http/errors';
import { FRAMEWORK_SLUG } from '../seed/seed';
import { editionSlugById } from '../editions/editions';
import { editionForLink } from './edition-links';
import type { ShareLinkCreate } from '$lib/schemas/share-links';

export type ShareScopeType = 'framework' | 'article' | 'country' | 'indicator';

export interface ShareScope {
	type: ShareScopeType;
	target: string;
}

export interface ResolvedShareLink {
	id: number;
	scope: ShareScope;
	label: string;
	locale: 'en' | 'es' | 'fr';
	asOf: string | null;
	/** The slug of the edition the link shows (issue 18), else null: the live validated data. */
	edition: string | null;
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Checks that the target of a scope exists; returns its canonical form. */
function normaliseTarget(db: Db, scope: ShareScope): string {
	const t = scope.target.trim();
	switch (scope.type) {
		case 'framework':
			if (t !== FRAMEWORK_SLUG)
				throw invalid('Unknown framework.', [
					{ path: 'scopeTarget', message: `Use ${FRAMEWORK_SLUG}.` }
				]);
			return t;
		case 'article': {
			const n = Number(t);
			const found =
				Number.isInteger(n) &&
				db.select({ id: article.id }).from(article).where(eq(article.number, n)).get();
			if (!found)
				throw invalid('Unknown article.', [
					{ path: 'scopeTarget', message: 'Choose an article from 1 to 18.' }
				]);
			return String(n);
		}
		case 'country': {
			const iso3 = t.toUpperCase();
			if (!db.select({ iso3: country.iso3 }).from(country).where(eq(country.iso3, iso3)).get()) {
				throw invalid('Unknown country.', [
					{ path: 'scopeTarget', message: 'Use an ISO3 country code.' }
				]);
			}
			return iso3;
		}
		case 'indicator':
			if (!db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, t)).get()) {
				throw invalid('Unknown indicator.', [
					{ path: 'scopeTarget', message: 'Choose an indicator code.' }
				]);
			}
			return t;
	}
}

export interface CreatedShareLink {
	id: number;
	token: string;
	path: string;
	scope: ShareScope;
	label: string;
	locale: string;
	expiresAt: string | null;
	asOf: string | null;
	edition: string | null;
}

export function createShareLink(
	db: Db,
	actor: Actor | null,
	input: ShareLinkCreate
): CreatedShareLink {
	const scope: ShareScope = { type: input.scopeType, target: input.scopeTarget };
	assert.share(actor, scope.type === 'country' ? scope.target.toUpperCase() : null);
	// A link to an edition checks its target against the edition, not the live data.
	const ed = input.edition ? editionForLink(db, input.edition, scope, input.asOf) : null;
	scope.target = ed ? ed.target : normaliseTarget(db, scope);
	const today = new Date().toISOString().slice(0, 10);
	if (input.expiresOn && input.expiresOn <= today) {
		throw invalid('The expiry date must be in the future.', [
			{ path: 'expiresOn', message: 'Choose a date after today.' }
		]);
	}
	if (input.asOf && input.asOf > today) {
		throw invalid('The as-of date cannot be in the future.', [
			{ path: 'asOf', message: 'Choose today or an earlier date.' }
		]);
	}
	const token = newToken();
	const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59.999Z`) : null;
	return db.transaction((tx) => {
		const row = tx
			.insert(shareLink)
			.values({
				tokenHash: hashToken(token),
				scopeType: scope.type,
				scopeTarget: scope.target,
				label: input.label,
				locale: input.locale,
				expiresAt,
				asOf: input.asOf ?? null,
				editionId: ed?.id ?? null,
				createdBy: actor!.id
			})
			.returning()
			.get();
		const { tokenHash: _omit, ...after } = row;
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'share_link',
			entityId: row.id,
			operation: 'create',
			after
		});
		return {
			id: row.id,
			token,
			path: sharePath(token, scope, input.locale),
			scope,
			label: row.label,
			locale: row.locale,
			expiresAt: expiresAt?.toISOString() ?? null,
			asOf: row.asOf,
			edition: ed?.slug ?? null
		};
	});
}

/** The path a link opens on: the scope's own page, in the link's language (`?lang=` always, so an English link stays English for a Spanish-speaking reader). */
export function sharePath(token: string, scope: ShareScope, locale: string): string {
	const base = `/s/${token}`;
	const page =
		scope.type === 'framework'
			? ''
			: scope.type === 'article'
				? `/articles/${scope.target}`
				: scope.type === 'country'
					? `/countries/${scope.target}`
					: `/indicators/${encodeURIComponent(scope.target)}`;
	return `${base}${page}?lang=${locale}`;
}

export interface ShareLinkItem {
	id: number;
	scope: ShareScope;
	label: string;
	locale: string;
	expiresAt: string | null;
	asOf: string | null;
	edition: string | null;
	revoked: boolean;
	revokedAt: string | null;
	viewCount: number;
	lastViewedAt: string | null;
	createdAt: string;
	createdBy: string | null;
	state: 'active' | 'expired' | 'revoked';
}

/** Admins see every link; coordinators the links of their countries. */
export function listShareLinks(db: Db, actor: Actor | null): ShareLinkItem[] {
	const a = assert.signedIn(actor);
	if (!canSeeShareLinks(a)) assert.share(a, null);
	flushViews(db);
	const base = db
		.select({ link: shareLink, creator: user.name })
		.from(shareLink)
		.leftJoin(user, eq(user.id, shareLink.createdBy));
	const rows = isAdmin(a)
		? base.orderBy(desc(shareLink.createdAt)).all()
		: base
				.where(
					and(
						eq(shareLink.scopeType, 'country'),
						inArray(shareLink.scopeTarget, a.countries.length ? a.countries : ['-'])
					)
				)
				.orderBy(desc(shareLink.createdAt))
				.all();
	const now = Date.now();
	return rows.map(({ link, creator }) => ({
		id: link.id,
		scope: { type: link.scopeType, target: link.scopeTarget },
		label: link.label,
		locale: link.locale,
		expiresAt: link.expiresAt?.toISOString() ?? null,
		asOf: link.asOf,
		edition: link.editionId === null ? null : editionSlugById(db, link.editionId),
		revoked: !!link.revokedAt,
		revokedAt: link.revokedAt?.toISOString() ?? null,
		viewCount: link.viewCount,
		lastViewedAt: link.lastViewedAt?.toISOString() ?? null,
		createdAt: link.createdAt.toISOString(),
		createdBy: creator,
		state: link.revokedAt
			? 'revoked'
			: link.expiresAt && link.expiresAt.getTime() < now
				? 'expired'
				: 'active'
	}));
}

export function revokeShareLink(db: Db, actor: Actor | null, id: number): void {
	const link = db.select().from(shareLink).where(eq(shareLink.id, id)).get();
	if (!link) {
		assert.signedIn(actor);
		throw notFound('No share link with this id.');
	}
	assert.share(actor, link.scopeType === 'country' ? link.scopeTarget : null);
	if (link.revokedAt) return;
	db.transaction((tx) => {
		const revokedAt = new Date();
		tx.update(shareLink).set({ revokedAt }).where(eq(shareLink.id, id)).run();
		const { tokenHash: _omit, ...before } = link;
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'share_link',
			entityId: id,
			operation: 'revoke',
			before,
			after: { ...before, revokedAt }
		});
	});
}

// Every shared request looks its link up: the statement is built and prepared once per
// database (building it each time was two thirds of the shared fast path's time).
const linkStatements = new WeakMap<Db, ReturnType<typeof prepareLinkByHash>>();
const prepareLinkByHash = (db: Db) =>
	db
		.select()
		.from(shareLink)
		.where(eq(shareLink.tokenHash, sql.placeholder('hash')))
		.prepare();
function linkByHash(db: Db) {
	let stmt = linkStatements.get(db);
	if (!stmt) linkStatements.set(db, (stmt = prepareLinkByHash(db)));
	return stmt;
}

/**
 * The link behind a token, or null when it is unknown, revoked or expired. The stored
 * hash is compared in constant time.
 */
export function resolveShareToken(
	db: Db,
	token: string,
	now = Date.now()
): ResolvedShareLink | null {
	if (!TOKEN_SHAPE.test(token)) return null;
	const hash = hashToken(token);
	const link = linkByHash(db).get({ hash });
	if (!link) return null;
	const a = Buffer.from(link.tokenHash, 'hex');
	const b = Buffer.from(hash, 'hex');
	if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
	if (link.revokedAt) return null;
	if (link.expiresAt && link.expiresAt.getTime() <= now) return null;
	return {
		id: link.id,
		scope: { type: link.scopeType, target: link.scopeTarget },
		label: link.label,
		locale: link.locale,
		asOf: link.asOf,
		edition: link.editionId === null ? null : editionSlugById(db, link.editionId)
	};
}

// View counts are gathered in memory and written in one statement every few seconds, so
// that reading a shared page never waits on a write.
const pendingViews = new Map<number, { n: number; last: number }>();
let flushTimer: NodeJS.Timeout | undefined;

export function recordView(db: Db, id: number): void {
	const p = pendingViews.get(id) ?? { n: 0, last: 0 };
	p.n++;
	p.last = Date.now();
	pendingViews.set(id, p);
	flushTimer ??= setTimeout(() => {
		flushTimer = undefined;
		// A closed database (a test's, or at shutdown) has nothing left to count into.
		if (db.$client.open) flushViews(db);
		else pendingViews.clear();
	}, 2000);
	flushTimer.unref?.();
}

export function flushViews(db: Db): void {
	if (pendingViews.size === 0) return;
	const entries = [...pendingViews.entries()];
	pendingViews.clear();
	// Not a change of the data any cached page shows (the share-links page reads the counts
	// afresh): no trigger of migration 0006 watches the counts, so the data version stays.
	db.transaction((tx) => {
		for (const [id, { n, last }] of entries) {
			tx.update(shareLink)
				.set({ viewCount: sql`${shareLink.viewCount} + ${n}`, lastViewedAt: new Date(last) })
				.where(eq(shareLink.id, id))
				.run();
		}
	});
}

/** Whether a page of the shared site is inside the link's scope. */
export function inScope(
	scope: ShareScope,
	page:
		| { type: 'overview' }
		| { type: 'article'; number: number; articleIndicators?: string[] }
		| { type: 'country'; iso3: string }
		| { type: 'indicator'; code: string; articles?: number[] }
): boolean {
	switch (scope.type) {
		case 'framework':
			return true;
		case 'article':
			if (page.type === 'article') return String(page.number) === scope.target;
			// An article link also opens the indicators of that article.
			if (page.type === 'indicator')
				return (page.articles ?? []).map(String).includes(scope.target);
			return false;
		case 'country':
			return page.type === 'country' && page.iso3 === scope.target;
		case 'indicator':
			return page.type === 'indicator' && page.code === scope.target;
	}
}

export { shareTargets, type ShareTargetOption } from './share-targets';
