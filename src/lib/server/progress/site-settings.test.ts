// The site's default progress method: admins change it (audited), others may not; the change
// moves the data version in the same transaction (trigger 0014), so no cached verdict outlives it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { makeActor } from '../../../../tests/helpers/actors';
import { auditEntry } from '../db/schema';
import { dataVersion } from '../cache';
import { AppError } from '../http/errors';
import { siteSettings, updateSiteSettings } from './site-settings';
import { methodFor, siteDefaultMethod } from './verdicts';

let t: TestDb;
beforeEach(() => (t = freshDb()));
afterEach(() => t.close());

describe('site settings', () => {
	it('defaults to cagr-ratio; an admin changes it, audited, and the data version moves', async () => {
		const admin = await makeActor(t.db, 'admin');
		expect(siteSettings(t.db, admin)).toEqual({ defaultMethod: 'cagr-ratio' });
		const before = dataVersion(t.db);
		expect(updateSiteSettings(t.db, admin, { defaultMethod: 'eurostat' })).toEqual({
			defaultMethod: 'eurostat'
		});
		expect(siteDefaultMethod(t.db)).toBe('eurostat');
		expect(methodFor(t.db, { defaultMethod: null })).toBe('eurostat');
		expect(methodFor(t.db, { defaultMethod: 'sdsn-trend' })).toBe('sdsn-trend');
		expect(Number(dataVersion(t.db))).toBeGreaterThan(Number(before));
		const audit = t.db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.entity, 'settings'), eq(auditEntry.entityId, 'site')))
			.all();
		expect(audit).toHaveLength(1);
		expect(audit[0].before).toEqual({ defaultMethod: 'cagr-ratio' });
		expect(audit[0].after).toEqual({ defaultMethod: 'eurostat' });
		// Saving the same value again is no change: no audit entry.
		updateSiteSettings(t.db, admin, { defaultMethod: 'eurostat' });
		expect(
			t.db.select().from(auditEntry).where(eq(auditEntry.entity, 'settings')).all()
		).toHaveLength(1);
	});

	it('a coordinator may read but not change it; the refused write changes nothing', async () => {
		const coordinator = await makeActor(t.db, 'coordinator', ['MEX']);
		expect(siteSettings(t.db, coordinator).defaultMethod).toBe('cagr-ratio');
		const before = snapshot(t.db);
		const err = (() => {
			try {
				updateSiteSettings(t.db, coordinator, { defaultMethod: 'eurostat' });
			} catch (e) {
				return e;
			}
		})();
		expect(err).toBeInstanceOf(AppError);
		expect((err as AppError).status).toBe(403);
		expect(snapshot(t.db)).toEqual(before);
		expect(() => siteSettings(t.db, null)).toThrow(AppError);
	});
});
