import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { indicator } from '../db/schema';
import { getIndicator, updateIndicator } from '../indicators/catalogue';
import { indicatorUpdateSchema } from '$lib/schemas/indicators';
import { runImport } from './pipeline';
import { keepReason, parseRanking, rankOf } from './ranking';
import { revertImportRun } from './runs';

const NATIONAL = readFileSync(
	resolve(process.cwd(), 'tests/fixtures/mexico-opensdg__indicator_8-8-1.csv'),
	'utf8'
);
const DDF_881 =
	'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv';
const UN = readFileSync(`${SHARED_DATA}/${DDF_881}`, 'utf8');
const RANKING = ['INEGI', 'UN SDG Global Database'];

describe('ranking rules', () => {
	it('ranks by the first name a source text holds; unranked ranks last', () => {
		expect(parseRanking('["INEGI","UN"]')).toEqual(['INEGI', 'UN']);
		expect(parseRanking('nonsense')).toEqual([]);
		expect(rankOf(RANKING, 'Import of INEGI-8-8-1.csv')).toEqual({ rank: 0, name: 'INEGI' });
		expect(rankOf(RANKING, 'Someone')).toBeNull();
		const un = 'UN SDG Global Database (SL_EMP_FTLINJUR)';
		expect(keepReason('prefer-ranked', RANKING, 'INEGI', un)).toBe('kept the value from INEGI');
		expect(keepReason('prefer-ranked', RANKING, un, 'INEGI')).toBeNull();
		expect(keepReason('prefer-ranked', RANKING, null, un)).toBeNull();
		expect(keepReason('prefer-ranked', RANKING, 'INEGI', 'Other')).toBe(
			'kept the value from INEGI'
		);
		expect(keepReason('replace', RANKING, 'INEGI', un)).toBeNull();
		expect(keepReason('keep', [], null, un)).toBe('kept the stored value (existing=keep)');
	});
});

describe("a UN file does not replace a national office's values", () => {
	let t: TestDb;
	beforeEach(() => {
		t = freshDb();
		t.db
			.update(indicator)
			.set({ sourceRanking: JSON.stringify(RANKING) })
			.where(eq(indicator.code, '8.8.1'))
			.run();
	});
	afterEach(() => t.close());

	const mex2015 = () =>
		t.db.$client
			.prepare(
				"select o.value, o.source from observation o join indicator i on i.id = o.indicator_id where i.code = '8.8.1' and o.country_iso3 = 'MEX' and o.period = '2015' and o.disagg_key = ''"
			)
			.get() as { value: number; source: string };

	it('prefer-ranked (the default) keeps INEGI and says why, in the preview too; replace replaces; undo restores', () => {
		const admin = person(t.db, 'admin');
		runImport(t.db, admin, {
			text: NATIONAL,
			fileName: 'INEGI_indicator_8-8-1.csv',
			country: 'MEX'
		});
		expect(mex2015().value).toBeCloseTo(2.4645, 4);

		const preview = runImport(t.db, admin, { text: UN, fileName: DDF_881, dryRun: true });
		const kept = preview.skipped.filter((s) => s.reason === 'kept the value from INEGI');
		// 2008–2017: headline, men and women
		expect(kept).toHaveLength(30);
		expect(preview.changes.filter((c) => c.country === 'MEX')).toEqual([]);

		const report = runImport(t.db, admin, { text: UN, fileName: DDF_881 });
		expect(report.committed).toBe(true);
		expect(report.skipped.filter((s) => s.reason === 'kept the value from INEGI')).toHaveLength(30);
		expect(mex2015()).toMatchObject({ source: 'Import of INEGI_indicator_8-8-1.csv' });
		expect(mex2015().value).toBeCloseTo(2.4645, 4);

		const keep = runImport(t.db, admin, {
			text: UN,
			fileName: DDF_881,
			existing: 'keep',
			dryRun: true
		});
		expect(keep.rowsUpdated).toBe(0);

		const replaced = runImport(t.db, admin, { text: UN, fileName: DDF_881, existing: 'replace' });
		expect(replaced.rowsUpdated).toBe(30);
		expect(mex2015().value).toBe(8.23);
		revertImportRun(t.db, admin, replaced.importRunId!);
		expect(mex2015().value).toBeCloseTo(2.4645, 4);
	});
});

describe('an admin ranks the sources of an indicator', () => {
	it('PATCH sourceRanking stores the order, and the indicator shows it', () => {
		const t = freshDb();
		try {
			const admin = person(t.db, 'admin');
			const before = getIndicator(t.db, admin, '8.8.1');
			expect(before.sourceRanking).toEqual([]);
			const input = indicatorUpdateSchema.parse({
				version: before.version,
				sourceRanking: RANKING
			});
			const after = updateIndicator(t.db, admin, '8.8.1', input);
			expect(after.sourceRanking).toEqual(RANKING);
		} finally {
			t.close();
		}
	});
});
