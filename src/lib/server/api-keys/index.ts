// API keys: a person creates keys for their scripts; a request with `Authorization: Bearer
// <key>` then acts as that person with their role and countries as they are now. A key is
// shown once; only its SHA-256 hash is stored. Revoking a key, its expiry or deactivating its
// user stops it at once (the lookup runs on every request). Why not better-auth's api-key
// plugin: see README ("API keys").
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { apiKey, user } from '../db/schema';
import { assert, isAdmin, requireActor, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { invalid, notFound } from '../http/errors';
import { loadActor } from '../accounts/users';
import type { ApiKeyCreate } from '$lib/schemas/api-keys';

/** Keys look like `avk_` + 40 base62-ish characters; the first 12 characters are the prefix. */
export const KEY_PREFIX = 'avk_';
const KEY_SHAPE = /^avk_[A-Za-z0-9_-]{40}$/;
const PREFIX_LENGTH = 12;

export interface ApiKeyItem {
	id: number;
	name: string;
	prefix: string;
	userId: string;
	expiresOn: string | null;
	lastUsedAt: string | null;
	createdAt: string;
}

export interface CreatedApiKey {
	id: number;
	name: string;
	/** The key itself: answered once, never stored. */
	key: string;
	prefix: string;
	expiresOn: string | null;
	createdAt: string;
}

export function hashApiKey(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('hex');
}

const today = () => new Date().toISOString().slice(0, 10);

export function createApiKey(db: Db, actor: Actor | null, input: ApiKeyCreate): CreatedApiKey {
	const me = requireActor(actor);
	const expiresOn = input.expiresOn ?? null;
	if (expiresOn && expiresOn < today()) {
		throw invalid('`expiresOn` is in the past.', [
			{ path: 'expiresOn', message: `\`expiresOn\` must be today (${today()}) or later.` }
		]);
	}
	const key = KEY_PREFIX + randomBytes(30).toString('base64url');
	const prefix = key.slice(0, PREFIX_LENGTH);
	return db.transaction((tx) => {
		const row = tx
			.insert(apiKey)
			.values({ userId: me.id, name: input.name, prefix, keyHash: hashApiKey(key), expiresOn })
			.returning()
			.get();
		const after = { id: row.id, name: row.name, prefix, userId: me.id, expiresOn };
		recordAudit(tx, {
			userId: me.id,
			entity: 'api_key',
			entityId: row.id,
			operation: 'create',
			after
		});
		return {
			id: row.id,
			name: row.name,
			key,
			prefix,
			expiresOn,
			createdAt: row.createdAt.toISOString()
		};
	});
}

function toItem(r: typeof apiKey.$inferSelect): ApiKeyItem {
	return {
		id: r.id,
		name: r.name,
		prefix: r.prefix,
		userId: r.userId,
		expiresOn: r.expiresOn,
		lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
		createdAt: r.createdAt.toISOString()
	};
}

/** One's own keys that are not revoked (admins: anyone's with `userId`), newest first. */
export function listApiKeys(db: Db, actor: Actor | null, userId?: string): ApiKeyItem[] {
	const me = requireActor(actor);
	const owner = userId ?? me.id;
	if (owner !== me.id) {
		assert.admin(me);
		if (!db.select({ id: user.id }).from(user).where(eq(user.id, owner)).get()) {
			throw notFound('No user with this id.');
		}
	}
	return db
		.select()
		.from(apiKey)
		.where(and(eq(apiKey.userId, owner), isNull(apiKey.revokedAt)))
		.orderBy(desc(apiKey.id))
		.all()
		.map(toItem);
}

/** Revokes a key of one's own (admins: anyone's). Unknown or someone else's: 404. */
export function revokeApiKey(db: Db, actor: Actor | null, id: number): void {
	const me = requireActor(actor);
	db.transaction((tx) => {
		const row = tx
			.select()
			.from(apiKey)
			.where(and(eq(apiKey.id, id), isNull(apiKey.revokedAt)))
			.get();
		if (!row || (row.userId !== me.id && !isAdmin(me))) throw notFound('No API key with this id.');
		tx.update(apiKey).set({ revokedAt: new Date() }).where(eq(apiKey.id, id)).run();
		recordAudit(tx, {
			userId: me.id,
			entity: 'api_key',
			entityId: id,
			operation: 'revoke',
			before: { id, name: row.name, prefix: row.prefix, userId: row.userId }
		});
	});
}

export interface ApiKeyIdentity {
	keyId: number;
	actor: Actor;
}

/** When each key's last use was written, so that it is written at most once a minute. */
const lastWritten = new Map<number, number>();

/**
 * The person a key acts for, as they are now: null when the key is unknown, revoked or expired,
 * or its user is deactivated. Records the key's last use (at most once a minute).
 */
export function authenticateApiKey(db: Db, key: string): ApiKeyIdentity | null {
	if (!KEY_SHAPE.test(key)) return null;
	const row = db
		.select({
			id: apiKey.id,
			userId: apiKey.userId,
			expiresOn: apiKey.expiresOn,
			revokedAt: apiKey.revokedAt
		})
		.from(apiKey)
		.where(eq(apiKey.keyHash, hashApiKey(key)))
		.get();
	if (!row || row.revokedAt || (row.expiresOn && row.expiresOn < today())) return null;
	const actor = loadActor(db, row.userId);
	if (!actor) return null;
	const now = Date.now();
	if (now - (lastWritten.get(row.id) ?? 0) > 60_000) {
		if (lastWritten.size > 10_000) lastWritten.clear();
		lastWritten.set(row.id, now);
		// No trigger of migration 0006 watches API keys: the data version stays.
		db.update(apiKey)
			.set({ lastUsedAt: new Date(now) })
			.where(eq(apiKey.id, row.id))
			.run();
	}
	return { keyId: row.id, actor };
}

/** The key of an `Authorization: Bearer …` header, or null when there is none. */
export function bearerKey(headers: Headers): string | null {
	const h = headers.get('authorization');
	if (!h) return null;
	const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
	return m ? m[1] : '';
}
