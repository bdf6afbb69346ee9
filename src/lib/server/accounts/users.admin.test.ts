import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { verifyPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { changeOwnPassword, createUser, getUser, listUsers, loadActor, updateUser } from './users';
import { account, auditEntry, session } from '../db/schema';
import { userCreateSchema, userPatchSchema, passwordChangeSchema } from '$lib/schemas/users';

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
});
afterEach(() => t.close());

const newCoordinator = {
	email: 'Lucia@Example.org',
	name: 'Lucía Pérez',
	password: 'a-long-password-1',
	role: 'coordinator' as const,
	countries: ['HND']
};

function addSession(userId: string, id: string) {
	t.db
		.insert(session)
		.values({ id, token: `tok-${id}`, userId, expiresAt: new Date(Date.now() + 864e5) })
		.run();
}

describe('account management', () => {
	it('admins create accounts with a hashed password, countries and an audit entry', async () => {
		const u = await createUser(t.db, who.admin, userCreateSchema.parse(newCoordinator));
		expect(u).toMatchObject({
			email: 'lucia@example.org',
			role: 'coordinator',
			countries: ['HND'],
			active: true,
			version: 1
		});
		const acc = t.db.select().from(account).where(eq(account.userId, u.id)).get()!;
		expect(await verifyPassword({ hash: acc.password!, password: 'a-long-password-1' })).toBe(true);
		expect(listUsers(t.db, who.admin).map((x) => x.email)).toContain('lucia@example.org');
		const entry = t.db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.entity, 'user'), eq(auditEntry.entityId, u.id)))
			.get()!;
		expect(entry).toMatchObject({ operation: 'create', userId: who.admin.id });
		expect(JSON.stringify(entry.after)).not.toContain('a-long-password-1');
	});

	it('refuses non-admins (403) and anonymous (401)', async () => {
		for (const actor of [who.mex, who.viewer]) {
			await expect(
				createUser(t.db, actor, userCreateSchema.parse(newCoordinator))
			).rejects.toMatchObject({
				status: 403
			});
			expect(() => listUsers(t.db, actor)).toThrow(expect.objectContaining({ status: 403 }));
			await expect(
				updateUser(t.db, actor, who.gtm.id, { version: 1, active: false })
			).rejects.toMatchObject({ status: 403 });
		}
		expect(() => listUsers(t.db, null)).toThrow(expect.objectContaining({ status: 401 }));
	});

	it('validates role, countries, email and password', async () => {
		const bad = (o: object) => userCreateSchema.safeParse({ ...newCoordinator, ...o }).success;
		expect(bad({ countries: [] })).toBe(false);
		expect(bad({ role: 'owner' })).toBe(false);
		expect(bad({ email: 'nope' })).toBe(false);
		expect(bad({ password: 'short' })).toBe(false);
		expect(bad({ extra: 1 })).toBe(false);
		expect(bad({ role: 'viewer', countries: [] })).toBe(true);
		await expect(
			createUser(t.db, who.admin, { ...newCoordinator, countries: ['HTI'] })
		).rejects.toMatchObject({ status: 422 });
		await createUser(t.db, who.admin, newCoordinator);
		await expect(
			createUser(t.db, who.admin, { ...newCoordinator, email: 'LUCIA@example.org' })
		).rejects.toMatchObject({ status: 409 });
	});

	it('deactivating ends the sessions at once and refuses a stale version', async () => {
		addSession(who.gtm.id, 's1');
		addSession(who.gtm.id, 's2');
		addSession(who.mex.id, 's3');
		const before = snapshot(t.db);
		await expect(
			updateUser(t.db, who.admin, who.gtm.id, { version: 7, active: false })
		).rejects.toMatchObject({ status: 409 });
		expect(snapshot(t.db)).toEqual(before);
		const u = await updateUser(
			t.db,
			who.admin,
			who.gtm.id,
			userPatchSchema.parse({ version: 1, active: false, countries: ['GTM', 'SLV'] })
		);
		expect(u).toMatchObject({ active: false, countries: ['GTM', 'SLV'], version: 2 });
		expect(
			t.db
				.select()
				.from(session)
				.all()
				.map((s) => s.id)
		).toEqual(['s3']);
		expect(loadActor(t.db, who.gtm.id)).toBeNull();
		const entry = t.db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.entity, 'user'), eq(auditEntry.operation, 'update')))
			.get()!;
		expect(entry.before).toMatchObject({ active: true, countries: ['GTM'] });
		expect(entry.after).toMatchObject({ active: false, countries: ['GTM', 'SLV'] });
	});

	it('an admin cannot deactivate or demote themselves; role changes drop countries', async () => {
		await expect(
			updateUser(t.db, who.admin, who.admin.id, { version: 1, active: false })
		).rejects.toMatchObject({ status: 422 });
		await expect(
			updateUser(t.db, who.admin, who.admin.id, { version: 1, role: 'viewer' })
		).rejects.toMatchObject({ status: 422 });
		const u = await updateUser(t.db, who.admin, who.mex.id, { version: 1, role: 'viewer' });
		expect(u).toMatchObject({ role: 'viewer', countries: [] });
		await expect(
			updateUser(t.db, who.admin, who.viewer.id, { version: 1, role: 'coordinator' })
		).rejects.toMatchObject({ status: 422 });
		expect(getUser(t.db, who.admin, who.viewer.id).role).toBe('viewer');
	});
});

describe('changing one’s own password', () => {
	it('needs the current password, then keeps this session and ends the others', async () => {
		const u = await createUser(t.db, who.admin, newCoordinator);
		const me = loadActor(t.db, u.id)!;
		addSession(u.id, 'this');
		addSession(u.id, 'other');
		await expect(
			changeOwnPassword(
				t.db,
				me,
				{ currentPassword: 'wrong-password', newPassword: 'new-password-22' },
				'this'
			)
		).rejects.toMatchObject({ status: 422, issues: [{ path: 'currentPassword' }] });
		await changeOwnPassword(
			t.db,
			me,
			{ currentPassword: 'a-long-password-1', newPassword: 'new-password-22' },
			'this'
		);
		const acc = t.db.select().from(account).where(eq(account.userId, u.id)).get()!;
		expect(await verifyPassword({ hash: acc.password!, password: 'new-password-22' })).toBe(true);
		expect(
			t.db
				.select()
				.from(session)
				.where(eq(session.userId, u.id))
				.all()
				.map((s) => s.id)
		).toEqual(['this']);
		expect(
			passwordChangeSchema.safeParse({
				currentPassword: 'x',
				newPassword: 'new-password-22',
				confirmPassword: 'new-password-23'
			}).success
		).toBe(false);
	});
});
