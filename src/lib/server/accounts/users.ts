// Accounts: created by admins (or by the first-run set-up), with a role and countries.
// Password hashing is better-auth's own; sessions belong to better-auth.
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { generateRandomString } from 'better-auth/crypto';
import { and, count, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { account, country, user, userCountry, session, type Role } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { AppError, conflict, invalid, notFound } from '../http/errors';
import { StartupError } from '../db';
import { assert, requireActor, type Actor } from '../auth/authz';
import { assertStrongPassword } from './password-strength';
import { hasCountries } from '$lib/domain';

export interface NewUser {
	email: string;
	name: string;
	password: string;
	role: Role;
	countries?: string[];
	active?: boolean;
}

export function userCount(db: Db): number {
	return db.select({ n: count() }).from(user).get()?.n ?? 0;
}

export function countriesOf(db: Db, userId: string): string[] {
	return db
		.select({ iso3: userCountry.countryIso3 })
		.from(userCountry)
		.where(eq(userCountry.userId, userId))
		.all()
		.map((r) => r.iso3);
}

export async function createUserRecord(db: Db, actorId: string | null, input: NewUser) {
	const email = input.email.trim().toLowerCase();
	await assertStrongPassword(input.password, [email, input.name]);
	const hash = await hashPassword(input.password);
	const id = generateRandomString(32, 'a-z', 'A-Z', '0-9');
	return db.transaction((tx) => {
		if (tx.select({ id: user.id }).from(user).where(eq(user.email, email)).get()) {
			throw conflict(`A user with the email ${email} already exists.`);
		}
		const created = tx
			.insert(user)
			.values({
				id,
				email,
				name: input.name.trim(),
				emailVerified: true,
				role: input.role,
				active: input.active ?? true
			})
			.returning()
			.get();
		tx.insert(account)
			.values({
				id: generateRandomString(32, 'a-z', 'A-Z', '0-9'),
				accountId: id,
				providerId: 'credential',
				userId: id,
				password: hash
			})
			.run();
		const countries = hasCountries(input.role) ? [...new Set(input.countries ?? [])] : [];
		for (const iso3 of countries)
			tx.insert(userCountry).values({ userId: id, countryIso3: iso3 }).run();
		const after = {
			id,
			email,
			name: created.name,
			role: created.role,
			active: created.active,
			countries
		};
		recordAudit(tx, {
			userId: actorId ?? id,
			entity: 'user',
			entityId: id,
			operation: 'create',
			after
		});
		return after;
	});
}

/** The first admin, from AVANCE_ADMIN_EMAIL / AVANCE_ADMIN_PASSWORD, when there is no user yet. */
export async function ensureAdminFromEnv(db: Db): Promise<void> {
	const email = process.env.AVANCE_ADMIN_EMAIL?.trim();
	const password = process.env.AVANCE_ADMIN_PASSWORD;
	if (!email || !password || userCount(db) > 0) return;
	try {
		await createUserRecord(db, null, {
			email,
			password,
			name: process.env.AVANCE_ADMIN_NAME?.trim() || 'Administrator',
			role: 'admin'
		});
	} catch (e) {
		if (e instanceof AppError && e.status === 422) {
			throw new StartupError(`AVANCE_ADMIN_PASSWORD is refused: ${e.message}`);
		}
		throw e;
	}
	console.log(`[avance] first admin created: ${email}`);
}

export function loadActor(db: Db, userId: string): Actor | null {
	const u = db.select().from(user).where(eq(user.id, userId)).get();
	if (!u || !u.active) return null;
	return { id: u.id, name: u.name, email: u.email, role: u.role, countries: countriesOf(db, u.id) };
}

export function endSessionsOf(db: Pick<Db, 'delete'>, userId: string): void {
	db.delete(session).where(eq(session.userId, userId)).run();
}

// ---- Account management (admins) and a user's own password --------------------------

export interface UserRecord {
	id: string;
	name: string;
	email: string;
	role: Role;
	active: boolean;
	countries: string[];
	version: number;
	createdAt: string;
	updatedAt: string;
}

function toUserRecords(db: Db, rows: (typeof user.$inferSelect)[]): UserRecord[] {
	const ids = rows.map((r) => r.id);
	const links = ids.length
		? db.select().from(userCountry).where(inArray(userCountry.userId, ids)).all()
		: [];
	return rows.map((u) => ({
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		active: u.active,
		countries: links
			.filter((l) => l.userId === u.id)
			.map((l) => l.countryIso3)
			.sort(),
		version: u.version,
		createdAt: u.createdAt.toISOString(),
		updatedAt: u.updatedAt.toISOString()
	}));
}

function auditUser(u: UserRecord) {
	return {
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		active: u.active,
		countries: u.countries,
		version: u.version
	};
}

export function listUsers(
	db: Db,
	actor: Actor | null,
	filters: { role?: Role; active?: boolean; q?: string } = {}
): UserRecord[] {
	assert.manageUsers(actor);
	const where: SQL[] = [];
	if (filters.role) where.push(eq(user.role, filters.role));
	if (filters.active !== undefined) where.push(eq(user.active, filters.active));
	if (filters.q) {
		const p = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		where.push(
			or(sql`${user.name} like ${p} escape '\\'`, sql`${user.email} like ${p} escape '\\'`)!
		);
	}
	const rows = db
		.select()
		.from(user)
		.where(where.length ? and(...where) : undefined)
		.orderBy(sql`${user.name} collate nocase`, user.id)
		.all();
	return toUserRecords(db, rows);
}

export function getUser(db: Db, actor: Actor | null, id: string): UserRecord {
	assert.manageUsers(actor);
	const row = db.select().from(user).where(eq(user.id, id)).get();
	if (!row) throw notFound(`There is no user ${id}.`);
	return toUserRecords(db, [row])[0];
}

function checkMemberCountries(db: Db, countries: string[]): void {
	if (countries.length === 0) return;
	const members = new Set(
		db
			.select({ iso3: country.iso3 })
			.from(country)
			.where(and(eq(country.member, true), inArray(country.iso3, countries)))
			.all()
			.map((c) => c.iso3)
	);
	const bad = countries.filter((c) => !members.has(c));
	if (bad.length) {
		throw invalid('Some fields are not valid.', [
			{ path: 'countries', message: `Not a member state of the RCM: ${bad.join(', ')}.` }
		]);
	}
}

/** An admin creates an account (password hashed by better-auth's own function). */
export async function createUser(
	db: Db,
	actor: Actor | null,
	input: NewUser & { active?: boolean }
): Promise<UserRecord> {
	assert.manageUsers(actor);
	const countries = hasCountries(input.role) ? [...new Set(input.countries ?? [])] : [];
	if (hasCountries(input.role) && countries.length === 0) {
		throw invalid('Some fields are not valid.', [
			{ path: 'countries', message: 'A coordinator or focal point needs at least one country.' }
		]);
	}
	checkMemberCountries(db, countries);
	const created = await createUserRecord(db, actor!.id, { ...input, countries });
	return getUser(db, actor, created.id);
}

export interface UserPatch {
	version: number;
	email?: string;
	name?: string;
	password?: string;
	role?: Role;
	countries?: string[];
	active?: boolean;
}

/**
 * An admin edits an account. Deactivating it (or setting a new password) ends its
 * sessions at once; an admin cannot deactivate or demote their own account.
 */
export async function updateUser(
	db: Db,
	actor: Actor | null,
	id: string,
	patch: UserPatch
): Promise<UserRecord> {
	const before = getUser(db, actor, id);
	const who = actor!;
	if (patch.version !== before.version) {
		throw conflict(
			`This account was changed by someone else after you opened it (you had version ${patch.version}, it is now version ${before.version}). Nothing was saved.`,
			{ yourVersion: patch.version, currentVersion: before.version, current: before }
		);
	}
	if (who.id === id && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
		throw invalid('You cannot deactivate or demote your own account.', [
			{
				path: patch.active === false ? 'active' : 'role',
				message: 'You cannot deactivate or demote your own account.'
			}
		]);
	}
	const role = patch.role ?? before.role;
	const countries = hasCountries(role)
		? [...new Set(patch.countries ?? before.countries)].sort()
		: [];
	if (hasCountries(role) && countries.length === 0) {
		throw invalid('Some fields are not valid.', [
			{ path: 'countries', message: 'A coordinator or focal point needs at least one country.' }
		]);
	}
	checkMemberCountries(db, countries);
	const email = patch.email?.trim().toLowerCase();
	if (email && email !== before.email) {
		const taken = db.select({ id: user.id }).from(user).where(eq(user.email, email)).get();
		if (taken) throw conflict(`A user with the email ${email} already exists.`);
	}
	if (patch.password) {
		await assertStrongPassword(patch.password, [email ?? before.email, patch.name ?? before.name]);
	}
	const hash = patch.password ? await hashPassword(patch.password) : null;
	db.transaction((tx) => {
		const res = tx
			.update(user)
			.set({
				name: patch.name?.trim() ?? before.name,
				email: email ?? before.email,
				role,
				active: patch.active ?? before.active,
				version: sql`${user.version} + 1`
			})
			.where(and(eq(user.id, id), eq(user.version, patch.version)))
			.run();
		if (res.changes !== 1)
			throw conflict('This account was changed by someone else. Nothing was saved.');
		if (JSON.stringify(countries) !== JSON.stringify(before.countries)) {
			tx.delete(userCountry).where(eq(userCountry.userId, id)).run();
			for (const iso3 of countries)
				tx.insert(userCountry).values({ userId: id, countryIso3: iso3 }).run();
		}
		if (hash) {
			tx.update(account)
				.set({ password: hash })
				.where(and(eq(account.userId, id), eq(account.providerId, 'credential')))
				.run();
		}
		const deactivated = before.active && patch.active === false;
		if (deactivated || hash) endSessionsOf(tx, id);
		const after = toUserRecords(tx as unknown as Db, [
			tx.select().from(user).where(eq(user.id, id)).get()!
		])[0];
		recordAudit(tx, {
			userId: who.id,
			entity: 'user',
			entityId: id,
			operation: 'update',
			before: auditUser(before),
			after: { ...auditUser(after), ...(hash ? { passwordChanged: true } : {}) },
			note: deactivated ? 'deactivated: sessions ended' : hash ? 'password reset by an admin' : null
		});
	});
	return getUser(db, actor, id);
}

/**
 * A user changes their own password: the current one must be right; the user's other
 * sessions end (the current one, if given, stays signed in).
 */
export async function changeOwnPassword(
	db: Db,
	actor: Actor | null,
	input: { currentPassword: string; newPassword: string },
	keepSessionId?: string | null
): Promise<void> {
	const who = requireActor(actor);
	const acc = db
		.select()
		.from(account)
		.where(and(eq(account.userId, who.id), eq(account.providerId, 'credential')))
		.get();
	const ok = acc?.password
		? await verifyPassword({ hash: acc.password, password: input.currentPassword })
		: false;
	if (!ok) {
		throw invalid('The current password is not right.', [
			{ path: 'currentPassword', message: 'The current password is not right.' }
		]);
	}
	await assertStrongPassword(input.newPassword, [who.email, who.name], 'newPassword');
	const hash = await hashPassword(input.newPassword);
	db.transaction((tx) => {
		tx.update(account).set({ password: hash }).where(eq(account.id, acc!.id)).run();
		tx.delete(session)
			.where(
				and(eq(session.userId, who.id), keepSessionId ? ne(session.id, keepSessionId) : undefined)
			)
			.run();
		recordAudit(tx, {
			userId: who.id,
			entity: 'user',
			entityId: who.id,
			operation: 'update',
			after: { id: who.id, passwordChanged: true },
			note: 'changed own password'
		});
	});
}
