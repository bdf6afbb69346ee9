// Real users in a test database, returned as the Actor the services expect.
import type { Db } from '../../src/lib/server/db';
import { createUserRecord } from '../../src/lib/server/accounts/users';
import type { Actor } from '../../src/lib/server/auth/authz';

let n = 0;

export async function makeActor(
	db: Db,
	role: Actor['role'],
	countries: string[] = []
): Promise<Actor> {
	n++;
	const email = `${role}${n}-${countries.join('-').toLowerCase() || 'all'}@example.org`;
	const u = await createUserRecord(db, null, {
		email,
		name: `${role} ${n}`,
		password: 'test-password-123',
		role,
		countries
	});
	return { id: u.id, name: u.name, email, role, countries: u.countries };
}
