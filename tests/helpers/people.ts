// People for the indicator/import service tests: real user rows (foreign keys hold), no
// password hashing (fast), returned as the Actor the services expect.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/server/db';
import { user, userCountry, type Role } from '../../src/lib/server/db/schema';
import type { Actor } from '../../src/lib/server/auth/authz';

export function person(db: Db, role: Role, countries: string[] = []): Actor {
	const id = randomUUID();
	const name = `${role}${countries.length ? ' ' + countries.join('/') : ''}`;
	const email = `${id}@example.org`;
	db.insert(user).values({ id, name, email, role, emailVerified: true }).run();
	for (const iso3 of countries)
		db.insert(userCountry).values({ userId: id, countryIso3: iso3 }).run();
	return { id, name, email, role, countries };
}
