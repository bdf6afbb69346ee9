import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import {
	createShareLink,
	hashToken,
	inScope,
	listShareLinks,
	resolveShareToken,
	revokeShareLink,
	recordView,
	flushViews
} from './share-links';
import { auditEntry, shareLink } from '../db/schema';
import type { Actor } from '../auth/authz';

let t: TestDb;
let admin: Actor, mex: Actor, gtm: Actor, viewer: Actor;

beforeAll(async () => {
	t = freshDb();
	admin = await makeActor(t.db, 'admin');
	mex = await makeActor(t.db, 'coordinator', ['MEX']);
	gtm = await makeActor(t.db, 'coordinator', ['GTM']);
	viewer = await makeActor(t.db, 'viewer');
});
afterAll(() => t.close());

const article2 = {
	scopeType: 'article' as const,
	scopeTarget: '2',
	label: 'Minister',
	locale: 'en' as const
};

describe('share links', () => {
	it('stores only a hash of a 256-bit token and answers the token once', () => {
		const created = createShareLink(t.db, admin, article2);
		expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(created.path).toBe(`/s/${created.token}/articles/2?lang=en`);
		const row = t.db.select().from(shareLink).where(eq(shareLink.id, created.id)).get()!;
		expect(row.tokenHash).toBe(hashToken(created.token));
		expect(JSON.stringify(row)).not.toContain(created.token);
		const audit = t.db.select().from(auditEntry).where(eq(auditEntry.entity, 'share_link')).all();
		expect(JSON.stringify(audit)).not.toContain(created.token);
		expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
		// Two links never share a token.
		expect(createShareLink(t.db, admin, article2).token).not.toBe(created.token);
	});

	it('enforces who may share what (DESIGN §3)', () => {
		expect(() => createShareLink(t.db, null, article2)).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(() => createShareLink(t.db, viewer, article2)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		// Coordinators: only links of their own countries.
		expect(() => createShareLink(t.db, mex, article2)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() =>
			createShareLink(t.db, mex, { ...article2, scopeType: 'country', scopeTarget: 'GTM' })
		).toThrow(expect.objectContaining({ status: 403 }));
		const own = createShareLink(t.db, mex, {
			...article2,
			scopeType: 'country',
			scopeTarget: 'mex'
		});
		expect(own.scope).toEqual({ type: 'country', target: 'MEX' });
		expect(() => revokeShareLink(t.db, gtm, own.id)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(listShareLinks(t.db, gtm)).toEqual([]);
		expect(listShareLinks(t.db, mex).map((l) => l.id)).toEqual([own.id]);
		expect(listShareLinks(t.db, admin).length).toBeGreaterThanOrEqual(3);
		expect(() => listShareLinks(t.db, viewer)).toThrow(expect.objectContaining({ status: 403 }));
	});

	it('refuses unknown targets and dates that make no sense, writing nothing', () => {
		const before = t.db.select().from(shareLink).all().length;
		for (const bad of [
			{ ...article2, scopeTarget: '19' },
			{ ...article2, scopeType: 'country' as const, scopeTarget: 'ZZZ' },
			{ ...article2, scopeType: 'indicator' as const, scopeTarget: '99.9.9' },
			{ ...article2, expiresOn: '2001-01-01' },
			{ ...article2, asOf: '2999-01-01' }
		]) {
			expect(() => createShareLink(t.db, admin, bad)).toThrow(
				expect.objectContaining({ status: 422 })
			);
		}
		expect(t.db.select().from(shareLink).all().length).toBe(before);
	});

	it('resolves a valid token, and nothing for unknown, revoked or expired ones', () => {
		const link = createShareLink(t.db, admin, { ...article2, expiresOn: '2999-12-31' });
		expect(resolveShareToken(t.db, link.token)).toMatchObject({
			id: link.id,
			scope: { type: 'article', target: '2' }
		});
		expect(resolveShareToken(t.db, 'x'.repeat(43))).toBeNull();
		expect(resolveShareToken(t.db, "' or 1=1 --")).toBeNull();
		expect(resolveShareToken(t.db, link.token, Date.parse('3000-01-01'))).toBeNull();
		revokeShareLink(t.db, admin, link.id);
		expect(resolveShareToken(t.db, link.token)).toBeNull();
		expect(listShareLinks(t.db, admin).find((l) => l.id === link.id)?.state).toBe('revoked');
	});

	it('counts views', () => {
		const link = createShareLink(t.db, admin, article2);
		recordView(t.db, link.id);
		recordView(t.db, link.id);
		flushViews(t.db);
		const item = listShareLinks(t.db, admin).find((l) => l.id === link.id)!;
		expect(item.viewCount).toBe(2);
		expect(item.lastViewedAt).not.toBeNull();
	});

	it('keeps each link to its scope', () => {
		const art = { type: 'article' as const, target: '2' };
		expect(inScope(art, { type: 'article', number: 2 })).toBe(true);
		expect(inScope(art, { type: 'article', number: 3 })).toBe(false);
		expect(inScope(art, { type: 'overview' })).toBe(false);
		expect(inScope(art, { type: 'country', iso3: 'MEX' })).toBe(false);
		expect(inScope(art, { type: 'indicator', code: '10.c.1', articles: [2, 14] })).toBe(true);
		expect(inScope(art, { type: 'indicator', code: '10.7.3', articles: [1, 4] })).toBe(false);
		const cty = { type: 'country' as const, target: 'MEX' };
		expect(inScope(cty, { type: 'country', iso3: 'MEX' })).toBe(true);
		expect(inScope(cty, { type: 'country', iso3: 'GTM' })).toBe(false);
		expect(inScope({ type: 'framework', target: 'rcm-gcm' }, { type: 'article', number: 9 })).toBe(
			true
		);
		const ind = { type: 'indicator' as const, target: '10.c.1' };
		expect(inScope(ind, { type: 'indicator', code: '10.c.1' })).toBe(true);
		expect(inScope(ind, { type: 'article', number: 2 })).toBe(false);
	});
});
