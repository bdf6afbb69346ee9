// Accounts: created by admins (or by the first-run set-up), with a role and countries.
// Password hashing is better-auth's own; sessions belong to better-auth.
import { hashPassword } from 'better-auth/crypto';
import { generateRandomString } from 'better-auth/crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from './db';
import { account, user, userCountry, session, type Role } from './db/schema';
import { recordAudit } from './audit';
import { conflict } from './errors';
import type { Actor } from './authz';

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
		const countries = input.role === 'coordinator' ? [...new Set(input.countries ?? [])] : [];
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
	await createUserRecord(db, null, {
		email,
		password,
		name: process.env.AVANCE_ADMIN_NAME?.trim() || 'Administrator',
		role: 'admin'
	});
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
