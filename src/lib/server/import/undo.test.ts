// Issue 12, items 2–4: a re-import no longer overwrites a national office's values without a
// trace. A national template file for 10.7.3 (the UK's 2014–2019 deaths), then the UN's 10.7.3
// file from shared/data over it: the preview lists each old → new value, the history keeps
// both, and undoing the UN import restores the national values and removes what it created.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { cast } from '../../../../tests/helpers/cast';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { runImport } from './pipeline';
import { getImportRun, listImportRuns, revertImportRun } from './runs';
import { listObservations, observationHistory, upsertObservations } from '../observations';
import { queryAudit } from '../audit/audit';
import { AppError } from '../http/errors';

const UN_FILE = 'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';
const NATIONAL = [17, 31, 22, 8, 11, 50];
const UN = [3, 5, 2, 1, 1, 41];
const national = [
	'indicator,country,period,disaggregation,value,status,source,note',
	...NATIONAL.map((v, i) => `10.7.3,GBR,${2014 + i},,${v},final,Office for National Statistics,`)
].join('\n');

let t: TestDb;
let who: ReturnType<typeof cast>;
beforeEach(() => {
	t = freshDb();
	who = cast(t.db);
});
afterEach(() => t.close());

const gbr = () =>
	listObservations(t.db, who.admin, '10.7.3', { country: 'GBR' }).map((o) => [o.period, o.value]);

function caught(fn: () => unknown): AppError {
	try {
		fn();
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected an error');
}

describe('the UN 10.7.3 file over a national import', () => {
	it('previews each old → new value, keeps both in the history, and can be undone', () => {
		const first = runImport(t.db, who.admin, { text: national, fileName: 'ons-10-7-3.csv' });
		expect(first).toMatchObject({ rowsImported: 6, committed: true });
		const text = readFileSync(`${SHARED_DATA}/${UN_FILE}`, 'utf8');

		const preview = runImport(t.db, who.admin, {
			text,
			fileName: UN_FILE,
			indicator: '10.7.3',
			dryRun: true
		});
		expect(preview.rowsUpdated).toBe(6);
		const valueChanges = preview.changes.filter((c) => c.field === 'value');
		expect(valueChanges.map((c) => [c.country, c.period, c.before, c.after])).toEqual(
			NATIONAL.map((v, i) => ['GBR', String(2014 + i), v, UN[i]])
		);
		expect(valueChanges[0]).toMatchObject({ disaggregation: {}, line: expect.any(Number) });
		expect(valueChanges[0].observationId).toBeGreaterThan(0);
		expect(preview.changes.filter((c) => c.field === 'source')[0]).toMatchObject({
			before: 'Office for National Statistics',
			after: 'UN SDG Global Database (SM_DTH_MIGR)'
		});

		const run = runImport(t.db, who.admin, { text, fileName: UN_FILE, indicator: '10.7.3' });
		expect(run.rowsUpdated).toBe(6);
		expect(gbr().map((r) => r[1])).toEqual(UN);
		// the run and its changes, as the API gives them
		const detail = getImportRun(t.db, who.admin, run.importRunId!);
		expect(detail.changes).toEqual(run.changes);
		expect(listImportRuns(t.db, who.admin)[0]).toMatchObject({
			id: run.importRunId,
			rowsUpdated: 6,
			revertedAt: null
		});

		// the history keeps both versions, newest first
		const id = valueChanges[0].observationId;
		const history = observationHistory(t.db, who.admin, '10.7.3', id).items;
		expect(history.map((h) => [h.value, h.origin, h.importRunId])).toEqual([
			[3, 'import', run.importRunId],
			[17, 'import', first.importRunId]
		]);
		expect(history[0].changedBy).toEqual({ id: who.admin.id, name: 'Ana Admin' });
		// and the audit log answers for the value
		const audit = queryAudit(t.db, { entity: 'observation', id: String(id) }).items;
		expect(audit.map((a) => a.operation)).toEqual(['update', 'create']);
		expect(audit[0]).toMatchObject({ before: { value: 17 }, after: { value: 3 } });

		// undo: the national values are back, the rows the UN file created are gone
		const undo = revertImportRun(t.db, who.admin, run.importRunId!);
		expect(undo).toEqual({ restored: 6, removed: run.rowsImported });
		expect(gbr().map((r) => r[1])).toEqual(NATIONAL);
		expect(listObservations(t.db, who.admin, '10.7.3')).toHaveLength(6);
		expect(listObservations(t.db, who.admin, '10.7.3', { country: 'GBR' })[0]).toMatchObject({
			source: 'Office for National Statistics',
			reviewState: 'validated',
			importRunId: first.importRunId
		});
		const after = observationHistory(t.db, who.admin, '10.7.3', id).items;
		expect(after.map((h) => [h.value, h.revert])).toEqual([
			[17, true],
			[3, false],
			[17, false]
		]);
		expect(
			queryAudit(t.db, { entity: 'import_run', id: String(run.importRunId) }).items[0]
		).toMatchObject({ operation: 'revert', after: { restored: 6, removed: run.rowsImported } });
		// once only
		expect(caught(() => revertImportRun(t.db, who.admin, run.importRunId!)).status).toBe(409);
	});

	it('refuses to undo (409, listing the rows) when a later change touched a value', () => {
		runImport(t.db, who.admin, { text: national, fileName: 'ons.csv' });
		const text = readFileSync(`${SHARED_DATA}/${UN_FILE}`, 'utf8');
		const run = runImport(t.db, who.admin, { text, fileName: UN_FILE, indicator: '10.7.3' });
		upsertObservations(t.db, who.admin, '10.7.3', [
			{
				country: 'GBR',
				period: '2019',
				disaggregation: {},
				value: 44,
				status: 'final',
				source: 'corrected',
				note: null
			}
		]);
		const before = gbr();
		const e = caught(() => revertImportRun(t.db, who.admin, run.importRunId!));
		expect(e.status).toBe(409);
		expect(e.details).toMatchObject({
			rows: [{ country: 'GBR', period: '2019', origin: 'api', changedBy: 'Ana Admin' }]
		});
		expect(gbr()).toEqual(before);
	});

	it('admins only; coordinators see their own runs', () => {
		const mine = runImport(t.db, who.mex, {
			text: 'indicator,country,period,disaggregation,value,status,source,note\n10.7.3,MEX,2020,,12,final,,',
			fileName: 'mex.csv'
		});
		expect(caught(() => revertImportRun(t.db, who.mex, mine.importRunId!)).status).toBe(403);
		expect(caught(() => revertImportRun(t.db, null, mine.importRunId!)).status).toBe(401);
		expect(getImportRun(t.db, who.mex, mine.importRunId!).id).toBe(mine.importRunId);
		expect(caught(() => getImportRun(t.db, who.gtm, mine.importRunId!)).status).toBe(404);
	});

	it('counts a row whose only change is its source or note as annotated, not updated', () => {
		runImport(t.db, who.admin, { text: national });
		const annotated = national.replace(/Office for National Statistics/g, 'ONS');
		const report = runImport(t.db, who.admin, { text: annotated, dryRun: true });
		expect(report).toMatchObject({ rowsUpdated: 0, rowsAnnotated: 6, rowsUnchanged: 0 });
		expect(report.changes.every((c) => c.field === 'source')).toBe(true);
	});
});

describe('value history', () => {
	it("shows other countries' readers only the validated versions", () => {
		const [o] = upsertObservations(t.db, who.mex, '10.7.3', [
			{
				country: 'MEX',
				period: '2020',
				disaggregation: {},
				value: 12,
				status: 'final',
				source: null,
				note: null
			}
		]).items;
		// a draft nobody else may read
		expect(caught(() => observationHistory(t.db, who.gtm, '10.7.3', o.id)).status).toBe(404);
		upsertObservations(t.db, who.admin, '10.7.3', [
			{
				country: 'MEX',
				period: '2020',
				disaggregation: {},
				value: 13,
				status: 'final',
				source: null,
				note: null
			}
		]);
		upsertObservations(t.db, who.mex, '10.7.3', [
			{
				country: 'MEX',
				period: '2020',
				disaggregation: {},
				value: 14,
				status: 'final',
				source: null,
				note: 'draft note'
			}
		]);
		const own = observationHistory(t.db, who.mex, '10.7.3', o.id).items;
		expect(own.map((h) => [h.value, h.reviewState, h.origin])).toEqual([
			[14, 'submitted', 'api'],
			[13, 'validated', 'api'],
			[12, 'draft', 'api']
		]);
		const other = observationHistory(t.db, who.gtm, '10.7.3', o.id).items;
		expect(other.map((h) => [h.value, h.reviewState])).toEqual([[13, 'validated']]);
		expect(caught(() => observationHistory(t.db, null, '10.7.3', o.id)).status).toBe(401);
	});
});
