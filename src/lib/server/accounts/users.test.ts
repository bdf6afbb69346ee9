import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { createUserRecord, ensureAdminFromEnv, loadActor, userCount } from './users';
import { account, auditEntry, user } from '../db/schema';

let t: TestDb;
beforeEach(() => {
	t = freshDb();
});
afterEach(() => {
	t.close();
	delete process.env.AVANCE_ADMIN_EMAIL;
	delete process.env.AVANCE_ADMIN_PASSWORD;
});

describe('accounts', () => {
	it('creates the first admin from AVANCE_ADMIN_EMAIL/PASSWORD only while there is no user', async () => {
		await ensureAdminFromEnv(t.db);
		expect(userCount(t.db)).toBe(0);
		process.env.AVANCE_ADMIN_EMAIL = 'Admin@Example.org';
		process.env.AVANCE_ADMIN_PASSWORD = 'a-strong-password';
		await ensureAdminFromEnv(t.db);
		await ensureAdminFromEnv(t.db);
		const users = t.db.select().from(user).all();
		expect(users).toHaveLength(1);
		expect(users[0]).toMatchObject({ email: 'admin@example.org', role: 'admin', active: true });
		const acc = t.db.select().from(account).where(eq(account.userId, users[0].id)).get()!;
		expect(acc.providerId).toBe('credential');
		expect(acc.password).not.toContain('a-strong-password');
		expect(await verifyPassword({ hash: acc.password!, password: 'a-strong-password' })).toBe(true);
		expect(t.db.select().from(auditEntry).where(eq(auditEntry.entity, 'user')).all()).toHaveLength(
			1
		);
	});

	it('gives coordinators their countries, refuses a duplicate email, hides inactive users', async () => {
		const c = await createUserRecord(t.db, null, {
			email: 'coord@example.org',
			name: 'Coordinator',
			password: 'password-123456',
			role: 'coordinator',
			countries: ['MEX', 'GTM']
		});
		expect(loadActor(t.db, c.id)).toMatchObject({
			role: 'coordinator',
			countries: ['GTM', 'MEX'].sort()
		});
		await expect(
			createUserRecord(t.db, null, {
				email: 'COORD@example.org',
				name: 'x',
				password: 'password-123456',
				role: 'viewer'
			})
		).rejects.toMatchObject({ status: 409 });
		t.db.update(user).set({ active: false }).where(eq(user.id, c.id)).run();
		expect(loadActor(t.db, c.id)).toBeNull();
	});
});
