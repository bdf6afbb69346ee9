// Import profiles drafted on the page (issue 15 §4), on a real SQLite file: an unsaved mapping
// tried on the IOM incident records gives Guatemala 46, 15, 23 (2014–2016) and writes nothing;
// bad mappings get errors naming the column and line; a draft the file refuses as a whole is
// not saved; a good one is saved (and a new version of it) through the profiles service.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';
import { profileSpecSchema } from '$lib/schemas/import-profiles';
import { AppError } from '../http/errors';
import type { Actor } from '../auth/authz';
import type { ImportReport } from './pipeline';
import { previewProfileDraft, saveProfileDraft } from './profile-draft';

const IOM = 'iom-mmp-kaggle__global-missing-migrants.csv';
const file = () => ({ text: readFileSync(`${SHARED_DATA}/${IOM}`, 'utf8'), fileName: IOM });
const spec = (over: Record<string, unknown> = {}) =>
	profileSpecSchema.parse({
		name: 'IOM deaths by country of origin',
		indicator: '10.7.3',
		period: { column: 'Incident year', pattern: '{yyyy}' },
		geography: { column: 'Country of Origin', kind: 'name' },
		value: { column: 'Total Number of Dead and Missing' },
		aggregate: 'sum',
		...over
	});

let t: TestDb;
let admin: Actor;
beforeEach(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
});
afterEach(() => t.close());

const count = (table: string) =>
	(t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

function refusal(fn: () => unknown): AppError {
	try {
		fn();
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('previewing an unsaved profile', () => {
	it('gives the series (Guatemala 46, 15, 23) and the dry run, and writes nothing', () => {
		const before = {
			obs: count('observation'),
			profiles: count('import_profile'),
			audit: count('audit_entry')
		};
		const p = previewProfileDraft(t.db, admin, file(), spec(), { locale: 'es' });
		expect(p.report).toMatchObject({ dryRun: true, format: 'profile', committed: false });
		expect(p.report.errors).toEqual([]);
		expect(p.report.rowsRead).toBe(2191);
		const gtm = p.series.filter((r) => r.country === 'GTM');
		expect(gtm.map((r) => [r.period, r.value])).toEqual([
			['2014', 46],
			['2015', 15],
			['2016', 23]
		]);
		expect(gtm[0].countryName).toBe('Guatemala');
		expect(gtm.reduce((a, r) => a + r.records, 0)).toBe(35);
		// Member states first.
		const firstOther = p.series.findIndex((r) => !r.member);
		expect(p.series.slice(firstOther).every((r) => !r.member)).toBe(true);
		expect(p.seriesTotal).toBeGreaterThanOrEqual(p.series.length);
		expect(p.periods).toBe(3);
		expect(
			p.report.skipped.some((s) => s.reason === "unknown geography 'Unknown' in Country of Origin")
		).toBe(true);
		expect({
			obs: count('observation'),
			profiles: count('import_profile'),
			audit: count('audit_entry')
		}).toEqual(before);
	});

	it('a missing column, a pattern matching no period, an aggregation of text: named', () => {
		const missing = previewProfileDraft(t.db, admin, file(), spec({ value: { column: 'Deaths' } }));
		expect(missing.series).toEqual([]);
		expect(missing.report.errors[0]).toMatchObject({ line: 1, column: 'Deaths' });

		const pattern = previewProfileDraft(
			t.db,
			admin,
			file(),
			spec({ period: { column: 'Reported Month', pattern: '{yyyy}' } })
		);
		expect(pattern.report.errors[0]).toEqual({
			line: 1,
			column: 'Reported Month',
			message: "No cell of Reported Month matches the period pattern '{yyyy}'."
		});

		const text = previewProfileDraft(
			t.db,
			admin,
			file(),
			spec({ value: { column: 'Cause of Death' } })
		);
		expect(text.report.errors[0]).toEqual({
			line: 2,
			column: 'Cause of Death',
			message: "'Mixed or unknown' is not a number, so it cannot be aggregated (sum)."
		});
	});

	it('refuses a viewer (403) and an indicator the catalogue lacks (422)', () => {
		const viewer = person(t.db, 'viewer');
		expect(refusal(() => previewProfileDraft(t.db, viewer, file(), spec())).status).toBe(403);
		const e = refusal(() =>
			previewProfileDraft(t.db, admin, file(), spec({ indicator: '99.9.9' }))
		);
		expect(e.status).toBe(422);
	});

	it('a coordinator may preview (their countries only would import)', () => {
		const coordinator = person(t.db, 'coordinator', ['GTM']);
		const p = previewProfileDraft(t.db, coordinator, file(), spec());
		expect(p.series.some((r) => r.country === 'GTM')).toBe(true);
		expect(p.report.errors.length).toBeGreaterThan(0);
	});
});

describe('saving a draft', () => {
	it('a mapping the file refuses as a whole is not saved (422 with the report)', () => {
		const before = count('import_profile');
		const e = refusal(() =>
			saveProfileDraft(t.db, admin, spec({ value: { column: 'Deaths' } }), { file: file() })
		);
		expect(e.status).toBe(422);
		expect(e.issues[0]).toMatchObject({ path: 'Deaths' });
		expect((e.details as ImportReport).errors[0]).toMatchObject({ line: 1, column: 'Deaths' });
		expect(count('import_profile')).toBe(before);
	});

	it('a good mapping is saved, then saved again as a new version', () => {
		const saved = saveProfileDraft(t.db, admin, spec(), { file: file() });
		expect(saved).toMatchObject({ name: 'IOM deaths by country of origin', version: 1 });
		const again = saveProfileDraft(
			t.db,
			admin,
			{ ...spec({ name: 'IOM by origin' }), version: 1 },
			{ id: saved.id, file: null }
		);
		expect(again).toMatchObject({ id: saved.id, name: 'IOM by origin', version: 2 });
		const stale = refusal(() =>
			saveProfileDraft(t.db, admin, { ...spec(), version: 1 }, { id: saved.id })
		);
		expect(stale.status).toBe(409);
		expect(count('import_profile')).toBe(1);
	});
});
