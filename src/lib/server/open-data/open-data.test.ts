import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { action, observation } from '../db/schema';
import type { Actor } from '../auth/authz';
import { createAction, updateAction } from '../actions';
import { returnAction, submitAction } from '../review/actions';
import { returnObservation, submitObservation, upsertObservations } from '../observations';
import { createShareLink, resolveShareToken, type ResolvedShareLink } from '../sharing/share-links';
import { read as readOpenSdg } from '../import/readers/opensdg';
import {
	datasetCsv,
	openDataset,
	openSdgCsv,
	openSdgFileName,
	openSdgYear,
	scopeContent,
	scopedIndicator,
	scopeFileName,
	validatedObservations
} from './open-data';
import { csvCell, toCsv } from '$lib/csv';
import { actionCreateSchema } from '$lib/schemas/actions';
import { observationInputSchema } from '$lib/schemas/observations';

let t: TestDb;
let admin: Actor;
let coordMex: Actor;
const ids: Record<string, number> = {};

const obs = (o: Record<string, unknown>) => observationInputSchema.parse(o);
const newAction = (o: Record<string, unknown>) => actionCreateSchema.parse(o);

function link(scopeType: 'framework' | 'article' | 'country' | 'indicator', scopeTarget: string) {
	const created = createShareLink(t.db, admin, {
		scopeType,
		scopeTarget,
		label: `${scopeType} ${scopeTarget}`,
		locale: 'en'
	});
	return resolveShareToken(t.db, created.token)!;
}

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	coordMex = person(t.db, 'coordinator', ['MEX']);

	// Admins' actions are validated when created.
	ids.mex2 = createAction(
		t.db,
		admin,
		newAction({
			title: '=HYPERLINK("http://evil.example","Remittance fees, "capped"")',
			description: 'Line one\nline two, with a comma',
			country: 'MEX',
			articles: [2, 14],
			leadAgency: '-Banco de México',
			status: 'in_progress',
			percentComplete: 40,
			indicators: ['10.c.1']
		})
	).id;
	ids.gtm3 = createAction(
		t.db,
		admin,
		newAction({ title: 'Labour pathways GTM', country: 'GTM', articles: [3], status: 'planned' })
	).id;
	ids.regional2 = createAction(
		t.db,
		admin,
		newAction({ title: 'Regional remittance study', country: null, articles: [2] })
	).id;
	// A coordinator's draft, a submitted one and one returned with a comment: never published.
	ids.draft = createAction(
		t.db,
		coordMex,
		newAction({ title: 'SECRET DRAFT action', country: 'MEX', articles: [2] })
	).id;
	ids.submitted = createAction(
		t.db,
		coordMex,
		newAction({ title: 'SECRET SUBMITTED action', country: 'MEX', articles: [2] })
	).id;
	submitAction(t.db, coordMex, ids.submitted);
	ids.returned = createAction(
		t.db,
		coordMex,
		newAction({ title: 'SECRET RETURNED action', country: 'MEX', articles: [2] })
	).id;
	submitAction(t.db, coordMex, ids.returned);
	returnAction(t.db, admin, ids.returned, { comment: 'INTERNAL REVIEW COMMENT' });
	// An edit of a validated action by a coordinator: the shared version stays the old one.
	const mex2 = t.db.select().from(action).where(eq(action.id, ids.mex2)).get()!;
	updateAction(t.db, coordMex, ids.mex2, {
		version: mex2.version,
		title: 'SECRET EDITED title'
	});

	// Observations: the admin's are validated, the coordinator's are drafts.
	upsertObservations(t.db, admin, '10.c.1', [
		obs({ country: 'MEX', period: '2015', value: 6, source: 'World Bank RPW' }),
		obs({ country: 'MEX', period: '2023', value: 5, status: 'provisional' }),
		obs({
			country: 'MEX',
			period: '2020-Q3',
			disaggregation: { corridor: 'USA>MEX' },
			value: 4.18,
			note: 'Survey, "Q3" round'
		}),
		obs({ country: 'GTM', period: '2020-Q3', disaggregation: { corridor: 'USA>GTM' }, value: 3.9 }),
		obs({ country: null, period: '2016/2021', value: -0.5 })
	]);
	upsertObservations(t.db, admin, '10.7.2', [obs({ country: 'GTM', period: '2019', value: 3 })]);
	upsertObservations(t.db, coordMex, '10.c.1', [
		obs({ country: 'MEX', period: '2024', value: 99.5 })
	]);
	// A coordinator's edit of a validated value: shared data keeps the validated 6.
	upsertObservations(t.db, coordMex, '10.c.1', [
		obs({ country: 'MEX', period: '2015', value: 77.7 })
	]);
	const draft2021 = upsertObservations(t.db, coordMex, '10.c.1', [
		obs({ country: 'MEX', period: '2021', value: 88.8 })
	]).items[0];
	submitObservation(t.db, coordMex, '10.c.1', draft2021.id);
	returnObservation(t.db, admin, '10.c.1', draft2021.id, 'INTERNAL OBSERVATION COMMENT');
});
afterAll(() => t.close());

describe('scopeContent', () => {
	it('holds the published actions, indicators and articles of each kind of scope', () => {
		const fw = scopeContent(t.db, link('framework', 'rcm-gcm'), 'en');
		expect(fw.actions.map((a) => a.id).sort()).toEqual([ids.mex2, ids.gtm3, ids.regional2].sort());
		expect(fw.articles).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
		expect(fw.indicators.length).toBeGreaterThanOrEqual(8);

		const art2 = scopeContent(t.db, link('article', '2'), 'en');
		expect(art2.actions.map((a) => a.id).sort()).toEqual([ids.mex2, ids.regional2].sort());
		expect(art2.articles).toEqual([2]);
		expect(art2.indicators.map((i) => i.code).sort()).toEqual(['10.c.1', '17.3.2']);

		const gtm = scopeContent(t.db, link('country', 'GTM'), 'en');
		expect(gtm.country).toBe('GTM');
		expect(gtm.actions.map((a) => a.id)).toEqual([ids.gtm3]);
		expect(gtm.articles).toEqual([3]);

		const ind = scopeContent(t.db, link('indicator', '10.c.1'), 'en');
		expect(ind.actions.map((a) => a.id)).toEqual([ids.mex2]);
		expect(ind.indicators.map((i) => i.code)).toEqual(['10.c.1']);
		expect(ind.articles).toEqual([2, 14]);
	});

	it('shows the last validated version of an edited action', () => {
		const art2 = scopeContent(t.db, link('article', '2'), 'en');
		const mex2 = art2.actions.find((a) => a.id === ids.mex2)!;
		expect(mex2.title).toContain('HYPERLINK');
		expect(JSON.stringify(art2)).not.toContain('SECRET');
	});
});

describe('scopedIndicator', () => {
	it('answers only the indicators a link may show', () => {
		const art2 = link('article', '2');
		expect(scopedIndicator(t.db, art2, '10.C.1', 'en')?.code).toBe('10.c.1');
		expect(scopedIndicator(t.db, art2, '10.7.2', 'en')).toBeNull();
		expect(scopedIndicator(t.db, art2, 'nope', 'en')).toBeNull();
		expect(scopedIndicator(t.db, link('indicator', '10.7.2'), '10.c.1', 'en')).toBeNull();
		expect(scopedIndicator(t.db, link('framework', 'rcm-gcm'), '10.7.2', 'en')?.code).toBe(
			'10.7.2'
		);
		const gtm = link('country', 'GTM');
		expect(scopedIndicator(t.db, gtm, '10.c.1', 'en')).toBeNull();
		expect(scopedIndicator(t.db, gtm, '10.c.1', 'en', { forCountry: true })?.code).toBe('10.c.1');
	});
});

describe('validatedObservations', () => {
	it('gives validated values in their validated version only', () => {
		const rows = validatedObservations(t.db, ['10.c.1']);
		const values = rows.map((r) => r.value);
		expect(values).not.toContain(99.5); // a draft
		expect(values).not.toContain(88.8); // returned
		expect(values).not.toContain(77.7); // a submitted edit
		expect(rows.find((r) => r.country === 'MEX' && r.period === '2015')).toMatchObject({
			value: 6,
			source: 'World Bank RPW',
			status: 'final'
		});
		expect(rows).toHaveLength(5);
		expect(JSON.stringify(rows)).not.toContain('INTERNAL');
	});

	it('limits to one country', () => {
		const rows = validatedObservations(t.db, ['10.c.1', '10.7.2'], { country: 'GTM' });
		expect(rows.map((r) => [r.indicator, r.country])).toEqual([
			['10.7.2', 'GTM'],
			['10.c.1', 'GTM']
		]);
	});

	it('freezes at an as-of day: what was validated after it is left out', () => {
		const past = validatedObservations(t.db, ['10.c.1'], { asOf: '2020-01-01' });
		expect(past).toEqual([]);
		const today = new Date().toISOString().slice(0, 10);
		expect(validatedObservations(t.db, ['10.c.1'], { asOf: today })).toHaveLength(5);
		// A value validated after the day, whatever its period.
		t.db
			.update(observation)
			.set({ validatedAt: new Date('2030-01-01T00:00:00Z') })
			.where(eq(observation.value, 3))
			.run();
		expect(validatedObservations(t.db, ['10.7.2'], { asOf: today })).toEqual([]);
		expect(validatedObservations(t.db, ['10.7.2'])).toHaveLength(1);
	});
});

describe('openDataset', () => {
	it('carries licence, source, generatedAt and dataVersion, and only the scope', () => {
		const l = link('article', '2');
		const now = new Date('2025-05-01T12:00:00Z');
		const ds = openDataset(t.db, l, 'en', now);
		expect(ds.licence).toMatchObject({
			id: 'CC-BY-4.0',
			url: 'https://creativecommons.org/licenses/by/4.0/'
		});
		expect(ds.source).toMatch(/Regional Conference on Migration/);
		expect(ds.generatedAt).toBe('2025-05-01T12:00:00.000Z');
		expect(ds.dataVersion).toMatch(/^\d+$/);
		expect(ds.scope).toEqual({ type: 'article', target: '2', label: 'article 2' });
		expect(ds.actions.map((a) => a.id).sort()).toEqual([ids.mex2, ids.regional2].sort());
		expect(Object.keys(ds.actions[0]).sort()).toEqual(
			[
				'id',
				'title',
				'description',
				'country',
				'countryName',
				'articles',
				'leadAgency',
				'status',
				'percentComplete',
				'startDate',
				'dueDate',
				'completedOn',
				'overdue',
				'indicators',
				'language',
				'validatedAt'
			].sort()
		);
		expect(new Set(ds.observations.map((o) => o.indicator))).toEqual(new Set(['10.c.1']));
	});

	it('never carries drafts, review comments, user names or emails', () => {
		for (const l of [
			link('framework', 'rcm-gcm'),
			link('article', '2'),
			link('country', 'MEX'),
			link('indicator', '10.c.1')
		]) {
			const text =
				JSON.stringify(openDataset(t.db, l, 'en')) + datasetCsv(openDataset(t.db, l, 'en'));
			for (const secret of [
				'SECRET',
				'INTERNAL',
				'99.5',
				'88.8',
				'77.7',
				admin.email,
				coordMex.email,
				admin.name,
				'@example.org',
				admin.id,
				coordMex.id
			]) {
				expect(text, `${l.scope.type}: ${secret}`).not.toContain(secret);
			}
		}
	});

	it('limits a country link to that country (actions, observations, indicators)', () => {
		const ds = openDataset(t.db, link('country', 'GTM'), 'en');
		expect(ds.actions.map((a) => a.country)).toEqual(['GTM']);
		expect(ds.observations.length).toBe(2);
		expect(ds.observations.every((o) => o.country === 'GTM')).toBe(true);
		expect(ds.indicators.map((i) => i.code).sort()).toEqual(['10.7.2', '10.c.1']);
	});
});

describe('CSV', () => {
	it('escapes commas, quotes and newlines and defeats formula injection', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
		expect(csvCell('=1+1')).toBe("'=1+1");
		expect(csvCell('+33 1 23')).toBe("'+33 1 23");
		expect(csvCell('-cmd')).toBe("'-cmd");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
		expect(csvCell(-4.5)).toBe('-4.5');
		expect(csvCell('-4.5')).toBe('-4.5');
		expect(csvCell(null)).toBe('');
		expect(csvCell(true)).toBe('true');
		expect(
			toCsv([
				['a', 'b'],
				[1, 'x']
			])
		).toBe('a,b\r\n1,x\r\n');
	});

	it('data.csv: one long table with a record column; or actions / observations alone', () => {
		const ds = openDataset(t.db, link('article', '2'), 'en');
		const all = datasetCsv(ds);
		const lines = all.split('\r\n');
		expect(all.charCodeAt(0)).not.toBe(0xfeff);
		expect(lines[0].split(',')[0]).toBe('record');
		expect(lines[0]).toContain('action_id');
		expect(lines[0]).toContain('observation_status');
		expect(all).toContain('\'=HYPERLINK(""http://evil.example"",""Remittance fees, ""capped"""")');
		expect(all).toContain("'-Banco de México");
		expect(all).toContain('"Line one\nline two, with a comma"');
		expect(lines.filter((l) => l.startsWith('action,'))).toHaveLength(2);
		expect(lines.filter((l) => l.startsWith('observation,'))).toHaveLength(5);
		// The regional value stays a negative number, not text.
		expect(all).toMatch(/observation,,.*,2016\/2021,,-0\.5,percent,final/);

		const actions = datasetCsv(ds, 'actions').split('\r\n');
		expect(actions[0].startsWith('action_id,title,')).toBe(true);
		expect(actions.filter(Boolean)).toHaveLength(3);
		const values = datasetCsv(ds, 'observations').split('\r\n');
		expect(values[0]).toBe(
			'indicator,country,period,disaggregation,value,unit,observation_status,source,note'
		);
		expect(values).toContain(
			'10.c.1,MEX,2020-Q3,corridor=USA>MEX,4.18,percent,final,,"Survey, ""Q3"" round"'
		);
	});

	it('names files after the scope', () => {
		expect(scopeFileName(link('article', '2'), 'csv')).toBe('avance-article-2.csv');
		expect(scopeFileName(link('framework', 'rcm-gcm'), 'json')).toBe('avance-rcm-gcm.json');
		const frozen: ResolvedShareLink = { ...link('indicator', '10.c.1'), asOf: '2024-12-31' };
		expect(scopeFileName(frozen, 'csv', 'actions')).toBe(
			'avance-indicator-10-c-1-actions-as-of-2024-12-31.csv'
		);
		expect(openSdgFileName('10.c.1')).toBe('indicator_10-c-1.csv');
	});
});

describe('Open SDG CSV', () => {
	it('writes periods as Open SDG platforms do', () => {
		expect(openSdgYear('2023')).toBe('2023');
		expect(openSdgYear('2023-Q1')).toBe('2023/I');
		expect(openSdgYear('2023-Q4')).toBe('2023/IV');
		expect(openSdgYear('2023-05')).toBe('2023-05');
		expect(openSdgYear('2016/2021')).toBe('2016 to 2021');
	});

	it('puts Year first, GeoCode before Value, Value last, and reads back the same values', () => {
		const rows = validatedObservations(t.db, ['10.c.1']);
		const csv = openSdgCsv({ code: '10.c.1', name: 'Remittance costs', unit: 'percent' }, rows);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(
			'Year,Series,Units,corridor,Observation status,COMMENT_OBS,GeoCode,Value'
		);
		expect(lines).toContain('2016 to 2021,Remittance costs,percent,,Normal value,,,-0.5');
		expect(lines).toContain('2023,Remittance costs,percent,,Provisional value,,MEX,5');
		expect(lines).toContain(
			'2020/III,Remittance costs,percent,USA>MEX,Normal value,"Survey, ""Q3"" round",MEX,4.18'
		);
		// Avance's own Open SDG reader reads the file back to the same observations (the regional
		// row needs a country to land on, as with any national platform's file).
		const back = readOpenSdg(csv, { indicator: '10.c.1', country: 'MEX' });
		expect(back.errors).toEqual([]);
		const key = (o: { country: string | null; period: string; value: number; status: string }) =>
			`${o.country}|${o.period}|${o.value}|${o.status}`;
		expect(back.rows.map(key).sort()).toEqual(
			rows.map((r) => key({ ...r, country: r.country ?? 'MEX' })).sort()
		);
		const corridor = back.rows.find((r) => r.period === '2020-Q3' && r.country === 'MEX')!;
		expect(corridor.disaggregation).toEqual({ corridor: 'USA>MEX' });
		expect(corridor.note).toBe('Survey, "Q3" round');
	});

	it('leaves out COMMENT_OBS when no value has a note', () => {
		const rows = validatedObservations(t.db, ['10.c.1'], { country: 'GTM' });
		expect(openSdgCsv({ code: '10.c.1', name: 'X', unit: 'percent' }, rows).split('\r\n')[0]).toBe(
			'Year,Series,Units,corridor,Observation status,GeoCode,Value'
		);
	});
});
