// Comment threads on observation groups (issue 17 §3): an indicator's values of a country.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { auditEntry } from '../db/schema';
import { listNotifications } from './notify';
import { listComments, observationGroupTarget, postComment, threadFor } from './comments';

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
});
afterEach(() => t.close());

describe('comments on observation groups', () => {
	it('threads an indicator’s values of a country, apart from other countries and actions', () => {
		const mex = observationGroupTarget(t.db, '10.c.1', 'MEX');
		expect(mex).toMatchObject({ type: 'observation_group', key: '10.c.1|MEX', country: 'MEX' });
		expect(mex.link).toBe('/indicators/10.c.1?country=MEX#comments');
		const c = postComment(t.db, who.mex, mex, 'The 2024 value comes from @Ana’s survey.');
		expect(c.author).toEqual({ id: who.mex.id, name: who.mex.name });
		expect(listComments(t.db, who.admin, mex).map((x) => x.body)).toEqual([c.body]);
		// Another country's group, and the regional one, are other threads.
		expect(listComments(t.db, who.admin, observationGroupTarget(t.db, '10.c.1', 'GTM'))).toEqual(
			[]
		);
		expect(listComments(t.db, who.admin, observationGroupTarget(t.db, '10.c.1', null))).toEqual([]);
		// The mention tells the admin, with a link to the thread.
		const [n] = listNotifications(t.db, who.admin, 'fr');
		expect(n).toMatchObject({ kind: 'mentioned', link: mex.link });
		expect(n.message).toContain('10.c.1');
		// In the audit trail.
		const audit = t.db
			.select()
			.from(auditEntry)
			.where(
				and(eq(auditEntry.entity, 'observation_comment'), eq(auditEntry.entityId, String(c.id)))
			)
			.all();
		expect(audit).toHaveLength(1);
	});

	it('keeps the thread to the country’s coordinators and the secretariat', () => {
		const mex = observationGroupTarget(t.db, '10.c.1', 'MEX');
		postComment(t.db, who.admin, mex, 'Please check the source.');
		expect(() => listComments(t.db, who.gtm, mex)).toThrow();
		expect(() => postComment(t.db, who.gtm, mex, 'hello')).toThrow();
		expect(() => postComment(t.db, who.viewer, mex, 'hello')).toThrow();
		expect(threadFor(t.db, who.gtm, mex)).toBeNull();
		expect(threadFor(t.db, null, mex)).toBeNull();
		expect(threadFor(t.db, who.mex, mex)).toMatchObject({ canPost: true, items: [{}] });
		// The regional values: coordinators and the secretariat; a viewer reads, never posts.
		const region = observationGroupTarget(t.db, '10.c.1', null);
		expect(threadFor(t.db, who.mex, region)?.canPost).toBe(true);
		expect(threadFor(t.db, who.admin, region)?.canPost).toBe(true);
		expect(threadFor(t.db, who.viewer, region)?.canPost).toBe(false);
	});

	it('answers 404 for an unknown indicator or country', () => {
		expect(() => observationGroupTarget(t.db, 'no.such', 'MEX')).toThrow(/no indicator/);
		expect(() => observationGroupTarget(t.db, '10.c.1', 'ZZZ')).toThrow(/no country/);
	});
});
