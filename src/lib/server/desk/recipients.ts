// Who is told (issue 17 §5, §6): the active accounts of a role — a country's coordinators or
// focal points, or every admin or coordinator — for notifications and reminders. The one
// recipient lookup; notify.ts, reminders.ts and review/national.ts ask it.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user, userCountry, type Role } from '../db/schema';

/**
 * The ids of the active accounts with this role: of one country when `iso3` is given (none for
 * a regional record, `null`), or all of them when it is left out.
 */
export function recipientsOf(db: Pick<Db, 'select'>, role: Role, iso3?: string | null): string[] {
	if (iso3 === null) return [];
	const active = and(eq(user.role, role), eq(user.active, true));
	if (iso3 === undefined)
		return db
			.select({ id: user.id })
			.from(user)
			.where(active)
			.all()
			.map((r) => r.id);
	return db
		.select({ id: user.id })
		.from(userCountry)
		.innerJoin(user, eq(user.id, userCountry.userId))
		.where(and(eq(userCountry.countryIso3, iso3), active))
		.all()
		.map((r) => r.id);
}
