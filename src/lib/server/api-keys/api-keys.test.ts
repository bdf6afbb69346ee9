import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import { apiKey, auditEntry, user, userCountry } from '../db/schema';
import { createAction } from '../actions';
import type { Actor } from '../auth/authz';
import { authenticateApiKey, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from '.';
import { withApiKey } from './context';
import { takeRequest } from './rate-limit';

let t: TestDb;
let admin: Actor, mex: Actor, gtm: Actor;

beforeAll(async () => {
	t = freshDb();
	admin = await makeActor(t.db, 'admin');
	mex = await makeActor(t.db, 'coordinator', ['MEX']);
	gtm = await makeActor(t.db, 'coordinator', ['GTM']);
});
afterAll(() => t.close());

describe('API keys', () => {
	it('answers the key once and stores only its hash', () => {
		const created = createApiKey(t.db, mex, { name: 'INEGI loader', expiresOn: null });
		expect(created.key).toMatch(/^avk_[A-Za-z0-9_-]{40}$/);
		expect(created.prefix).toBe(created.key.slice(0, 12));
		const row = t.db.select().from(apiKey).where(eq(apiKey.id, created.id)).get()!;
		expect(row.keyHash).toBe(hashApiKey(created.key));
		const everything = JSON.stringify([row, t.db.select().from(auditEntry).all()]);
		expect(everything).not.toContain(created.key);
		const listed = listApiKeys(t.db, mex);
		expect(listed.map((k) => k.id)).toContain(created.id);
		expect(JSON.stringify(listed)).not.toContain(created.key);
	});

	it('acts as its user with their current role and countries', () => {
		const { key } = createApiKey(t.db, mex, { name: 'role test' });
		expect(authenticateApiKey(t.db, key)?.actor.countries).toEqual(['MEX']);
		t.db.insert(userCountry).values({ userId: mex.id, countryIso3: 'GTM' }).run();
		expect(authenticateApiKey(t.db, key)?.actor.countries.sort()).toEqual(['GTM', 'MEX']);
		t.db.update(user).set({ role: 'viewer' }).where(eq(user.id, mex.id)).run();
		expect(authenticateApiKey(t.db, key)?.actor.role).toBe('viewer');
		t.db.update(user).set({ role: 'coordinator' }).where(eq(user.id, mex.id)).run();
		t.db.delete(userCountry).where(eq(userCountry.countryIso3, 'GTM')).run();
	});

	it('stops at once when revoked, expired or its user deactivated', () => {
		const a = createApiKey(t.db, gtm, { name: 'a' });
		expect(authenticateApiKey(t.db, a.key)).not.toBeNull();
		revokeApiKey(t.db, gtm, a.id);
		expect(authenticateApiKey(t.db, a.key)).toBeNull();
		expect(listApiKeys(t.db, gtm).map((k) => k.id)).not.toContain(a.id);

		const b = createApiKey(t.db, gtm, { name: 'b' });
		t.db.update(apiKey).set({ expiresOn: '2020-01-01' }).where(eq(apiKey.id, b.id)).run();
		expect(authenticateApiKey(t.db, b.key)).toBeNull();
		expect(() => createApiKey(t.db, gtm, { name: 'old', expiresOn: '2020-01-01' })).toThrow(
			expect.objectContaining({ status: 422 })
		);

		const c = createApiKey(t.db, gtm, { name: 'c' });
		t.db.update(user).set({ active: false }).where(eq(user.id, gtm.id)).run();
		expect(authenticateApiKey(t.db, c.key)).toBeNull();
		t.db.update(user).set({ active: true }).where(eq(user.id, gtm.id)).run();
		expect(authenticateApiKey(t.db, c.key)).not.toBeNull();
		expect(authenticateApiKey(t.db, c.key + 'x')).toBeNull();
		expect(authenticateApiKey(t.db, 'avk_' + 'A'.repeat(40))).toBeNull();
	});

	it('lets only the owner or an admin see and revoke a key', () => {
		const k = createApiKey(t.db, mex, { name: 'mine' });
		expect(() => revokeApiKey(t.db, gtm, k.id)).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => listApiKeys(t.db, gtm, mex.id)).toThrow(expect.objectContaining({ status: 403 }));
		expect(listApiKeys(t.db, admin, mex.id).map((x) => x.id)).toContain(k.id);
		revokeApiKey(t.db, admin, k.id);
		expect(authenticateApiKey(t.db, k.key)).toBeNull();
	});

	it('names the key in audit entries of changes made through it', () => {
		const k = createApiKey(t.db, mex, { name: 'audited' });
		const action = withApiKey(k.id, () =>
			createAction(t.db, mex, {
				title: 'Through a key',
				description: '',
				country: 'MEX',
				articles: [2],
				leadAgency: '',
				status: 'planned',
				percentComplete: 0,
				indicators: []
			})
		);
		const entry = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.entityId, String(action.id)))
			.all()
			.find((e) => e.entity === 'action')!;
		expect(entry.apiKeyId).toBe(k.id);
		expect(entry.userId).toBe(mex.id);
	});

	it('has its own rate limit per key', () => {
		const now = 1_000_000;
		for (let i = 0; i < 600; i++) expect(takeRequest(-1, now)).toBe(0);
		expect(takeRequest(-1, now + 1000)).toBe(59);
		expect(takeRequest(-2, now + 1000)).toBe(0);
		expect(takeRequest(-1, now + 60_000)).toBe(0);
	});
});
