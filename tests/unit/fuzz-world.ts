// The world of the hostile-input tests (fuzz-api*.test.ts and fuzz-forms*.test.ts): one migrated
// database per test file (also the handlers' and form actions' one) holding an action, a
// regional action, an update, an evidence item, an observation and a share link; their ids; a
// guard that the database stays unchanged.
import { beforeAll, afterAll } from 'vitest';
import { freshDb, type TestDb } from '../helpers/db';
import { cast } from '../helpers/cast';
import { setDb } from '../../src/lib/server/db';
import { createAction } from '../../src/lib/server/actions';
import { postUpdate } from '../../src/lib/server/actions/updates';
import { addEvidence } from '../../src/lib/server/evidence';
import { upsertObservations } from '../../src/lib/server/observations';
import { createShareLink } from '../../src/lib/server/sharing/share-links';
import { DbGuard } from './fuzz-helpers';

export let t: TestDb;
export let who: ReturnType<typeof cast>;
export let guard: DbGuard;
export const ids = {
	action: '1',
	regional: '1',
	update: '1',
	evidence: '1',
	observation: '1',
	share: '1',
	user: 'x'
};

/** Seeds the world once for the calling test file and closes it after its last test. */
export function fuzzWorld() {
	beforeAll(() => {
		t = freshDb();
		setDb(t.db);
		who = cast(t.db);
		const base = {
			description: '',
			articles: [2],
			leadAgency: '',
			status: 'planned' as const,
			percentComplete: 0,
			indicators: []
		};
		const a = createAction(t.db, who.admin, { ...base, title: 'Fuzz target', country: 'MEX' });
		const r = createAction(t.db, who.admin, { ...base, title: 'Regional target', country: null });
		const u = postUpdate(t.db, who.admin, a.id, { date: '2025-01-10', note: 'First' });
		const e = addEvidence(t.db, who.admin, {
			url: 'https://example.org/law',
			title: 'A law',
			kind: 'law',
			target: { type: 'action', id: a.id }
		});
		const o = upsertObservations(t.db, who.mex, '10.7.3', [
			{
				country: 'MEX',
				period: '2023',
				disaggregation: {},
				value: 12,
				status: 'final',
				source: null,
				note: null
			}
		]);
		const s = createShareLink(t.db, who.admin, {
			scopeType: 'country',
			scopeTarget: 'MEX',
			label: 'Fuzz',
			locale: 'en'
		});
		Object.assign(ids, {
			action: String(a.id),
			regional: String(r.id),
			update: String(u.id),
			evidence: String(e.id),
			observation: String(o.items[0].id),
			share: String(s.id),
			user: who.mex.id
		});
		guard = new DbGuard(t.db);
	});
	afterAll(() => {
		setDb(undefined);
		t.close();
	});
}
