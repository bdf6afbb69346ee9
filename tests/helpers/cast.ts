// The cast of the permission table for service tests: real user rows (foreign keys hold), no password
// hashing (fast). Accounts that sign in for real are created with createUserRecord.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/server/db';
import { user, userCountry, type Role } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/auth/authz';

export function insertActor(db: Db, role: Role, countries: string[] = [], name?: string): Actor {
	const id = randomUUID();
	const label = name ?? `${role}${countries.length ? ' ' + countries.join('/') : ''}`;
	const email = `${id}@example.org`;
	db.insert(user).values({ id, name: label, email, role, emailVerified: true }).run();
	for (const iso3 of countries)
		db.insert(userCountry).values({ userId: id, countryIso3: iso3 }).run();
	return { id, name: label, email, role, countries };
}

/** The cast of the permission table (DESIGN §3). */
export function cast(db: Db) {
	return {
		admin: insertActor(db, 'admin', [], 'Ana Admin'),
		mex: insertActor(db, 'coordinator', ['MEX'], 'Marta Mexico'),
		gtm: insertActor(db, 'coordinator', ['GTM'], 'Gabriel Guatemala'),
		viewer: insertActor(db, 'viewer', [], 'Vera Viewer')
	};
}
