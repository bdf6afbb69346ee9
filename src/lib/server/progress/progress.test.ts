import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import type { Actor } from '../auth/authz';
import { runImport } from '../import/pipeline';
import {
	actionStatusHistory,
	articleIndicatorVerdicts,
	countryIndicatorSummaries,
	countryVerdict,
	disaggregateRanking,
	indicatorAlerts,
	alertsPreview,
	indicatorChartData,
	indicatorVerdicts,
	isStale,
	memberArticleMatrix,
	articleObjectives
} from '.';
import { upsertObservations } from '../observations';
import { observationInputSchema } from '$lib/schemas/observations';
import {
	action,
	actionArticle,
	actionUpdate,
	article,
	framework,
	observation as observationTable
} from '../db/schema';
import { getArticle } from '../declaration/articles';
import { sharedFile } from '../../../../tests/helpers/shared-data';

const RPW = sharedFile('worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv');

// USA>MEX quarters copied by hand from the RPW file (line "United States of America,USA,…,Mexico,MEX").
const Q2015 = [4.62526321411133, 5.30299997329712, 5.58750009536743, 4.75181818008423];
const Q2020 = [4.0353569984436, 4.21964263916016, 4.18037033081055];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const MEMBERS = ['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA'];

let t: TestDb;
let admin: Actor;
let viewer: Actor;

describe('the 10.c.1 verdict for Mexico from the real RPW file', () => {
	beforeAll(async () => {
		t = freshDb();
		admin = person(t.db, 'admin');
		viewer = person(t.db, 'viewer');
		runImport(t.db, admin, { text: readFileSync(RPW, 'utf8'), fileName: 'rpw.csv' });
		return () => t.close();
	});

	it('cagr-ratio: every component checked by hand', () => {
		const v = countryVerdict(t.db, viewer, '10.c.1', 'MEX', 'cagr-ratio');
		const y0 = mean(Q2015); // 5.0669
		const yt = mean(Q2020); // 4.1451
		const cagrO = Math.pow(yt / y0, 1 / (2020 - 2015)) - 1;
		const cagrR = Math.pow(3 / y0, 1 / (2030 - 2015)) - 1;
		expect(v).toMatchObject({
			indicator: '10.c.1',
			country: 'MEX',
			method: 'cagr-ratio',
			status: 'on_track',
			series: 'mean_of_disaggregates',
			reason: null,
			unit: 'percent'
		});
		expect(v.components.baseYear).toBe(2015);
		expect(v.components.latestYear).toBe(2020);
		expect(v.components.targetYear).toBe(2030);
		expect(v.components.targetValue).toBe(3);
		expect(v.components.baseValue).toBeCloseTo(y0, 12);
		expect(v.components.latestValue).toBeCloseTo(yt, 12);
		expect(v.components.cagrObserved).toBeCloseTo(cagrO, 12);
		expect(v.components.cagrRequired).toBeCloseTo(cagrR, 12);
		expect(v.components.ratio).toBeCloseTo(cagrO / cagrR, 12);
		// the numbers of DESIGN §6's example answer, rounded as there
		expect(v.components.baseValue!.toFixed(2)).toBe('5.07');
		expect(v.components.latestValue!.toFixed(2)).toBe('4.15');
		expect(v.components.cagrObserved!.toFixed(4)).toBe('-0.0394');
		expect(v.components.cagrRequired!.toFixed(4)).toBe('-0.0343');
		expect(v.components.ratio!.toFixed(3)).toBe('1.146');
		expect(v.components.projectedValue).toBeNull();
		expect(v.components.q).toBeNull();
		expect(v.components.thresholds.map((b) => b.label)).toEqual([
			'R ≥ 0.95',
			'0.6 ≤ R < 0.95',
			'0 ≤ R < 0.6',
			'R < 0'
		]);
		expect(v.formula.join('\n')).toContain('R = CAGR_o / CAGR_r');
		// one corridor, below the 5% ceiling; the worst is its latest quarter
		expect(v.ceiling).toEqual({
			value: 5,
			key: 'corridor',
			status: 'clear',
			count: 1,
			share: 0,
			above: [],
			worst: { disaggregation: { corridor: 'USA>MEX' }, period: '2020-Q3', value: Q2020[2] }
		});
	});

	it('progress-chart: projection and Q by hand', () => {
		const v = countryVerdict(t.db, viewer, '10.c.1', 'MEX', 'progress-chart');
		const y0 = mean(Q2015);
		const yt = mean(Q2020);
		const cagrO = Math.pow(yt / y0, 1 / 5) - 1;
		const projected = yt * Math.pow(1 + cagrO, 2030 - 2020);
		const q = (projected - y0) / (3 - y0);
		expect(v.components.projectedValue).toBeCloseTo(projected, 12);
		expect(v.components.q).toBeCloseTo(q, 12);
		expect(v.components.ratio).toBeNull();
		expect(v.status).toBe(
			q >= 0.95 ? 'on_track' : q >= 0.1 ? 'fair_progress' : 'stagnation_or_regression'
		);
	});

	it('Nicaragua: CRI>NIC above the 5% ceiling is listed, with its share and the worst corridor', () => {
		const v = countryVerdict(t.db, viewer, '10.c.1', 'NIC', 'cagr-ratio');
		const ranking = disaggregateRanking(t.db, viewer, '10.c.1', { country: 'NIC' });
		expect(ranking.map((r) => r.label).sort()).toEqual(['CRI>NIC', 'USA>NIC']);
		const above = ranking.filter((r) => r.aboveCeiling);
		expect(v.ceiling!.above.map((a) => a.disaggregation.corridor)).toEqual(
			above.map((r) => r.label)
		);
		expect(v.ceiling!.share).toBe(above.length / ranking.length);
		expect(v.ceiling!.worst!.value).toBe(ranking[0].value);
	});

	it('"All member states" ranks member corridors only; every corridor on request', () => {
		const members = disaggregateRanking(t.db, viewer, '10.c.1');
		// the receiving member states' corridors (USA→8 members, CRI>NIC, USA>…), none like ZAF>CHN
		expect(members.length).toBeGreaterThan(5);
		expect(members.length).toBeLessThan(20);
		expect(members.every((r) => r.country !== null && MEMBERS.includes(r.country))).toBe(true);
		expect(members.map((r) => r.label)).toContain('CRI>NIC');
		expect(members.map((r) => r.label)).not.toContain('ZAF>CHN');
	});

	it('the ranking across all corridors is worst first and flags those above 5%', () => {
		const all = disaggregateRanking(t.db, viewer, '10.c.1', { allCountries: true });
		expect(all.length).toBeGreaterThan(100);
		for (let i = 1; i < all.length; i++)
			expect(all[i - 1].value).toBeGreaterThanOrEqual(all[i].value);
		expect(all.every((r) => r.aboveCeiling === r.value > 5)).toBe(true);
		const mex = all.find((r) => r.label === 'USA>MEX')!;
		expect(mex).toMatchObject({
			country: 'MEX',
			period: '2020-Q3',
			value: Q2020[2],
			aboveCeiling: false
		});
	});

	it('chart data: per corridor for a country; per member state (mean of corridors) otherwise', () => {
		const mex = indicatorChartData(t.db, viewer, '10.c.1', { country: 'MEX' });
		expect(mex.series.map((s) => [s.key, s.label, s.kind])).toEqual([
			['corridor=USA>MEX', 'USA>MEX', 'disaggregate']
		]);
		expect(mex.series[0].points).toHaveLength(35);
		expect(mex.series[0].points[0]).toEqual({
			period: '2011-Q1',
			value: 5.00611114501953,
			status: 'final'
		});
		const all = indicatorChartData(t.db, viewer, '10.c.1');
		expect(all.meanOfDisaggregates).toContain('MEX');
		const mexMean = all.series.find((s) => s.key === 'MEX')!;
		expect(mexMean.points.find((p) => p.period === '2015')!.value).toBeCloseTo(mean(Q2015), 12);
		expect(all.series.every((s) => s.key === '' || /^[A-Z]{3}$/.test(s.key))).toBe(true);
	});

	it('verdicts of every country; validatedOnly and signed-out reads', () => {
		const all = indicatorVerdicts(t.db, viewer, '10.c.1', 'cagr-ratio');
		expect(all.length).toBeGreaterThan(50);
		expect(all.find((v) => v.country === 'MEX')!.status).toBe('on_track');
		expect(() => countryVerdict(t.db, null, '10.c.1', 'MEX')).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(
			countryVerdict(t.db, null, '10.c.1', 'MEX', 'cagr-ratio', { validatedOnly: true }).status
		).toBe('on_track');
	});
});

describe('summaries', () => {
	let s: TestDb;
	afterEach(() => s?.close());

	it('article verdicts, country summaries and the off-track/stale list', async () => {
		s = freshDb();
		const a = person(s.db, 'admin');
		const parse = (o: Record<string, unknown>) => observationInputSchema.parse(o);
		upsertObservations(s.db, a, '10.7.3', [
			parse({ country: 'MEX', period: '2015', value: 100 }),
			parse({ country: 'MEX', period: '2019', value: 200 }),
			parse({ country: 'GTM', period: '2024', value: 10 }),
			parse({ country: 'GTM', period: '2025', value: 9 })
		]);
		// The article summary (GET /articles/{n}) carries the indicator verdicts; without an actor
		// (shared pages) it reads validated values only.
		const coord = person(s.db, 'coordinator', ['HND']);
		upsertObservations(s.db, coord, '10.7.3', [
			parse({ country: 'HND', period: '2016', value: 5 }),
			parse({ country: 'HND', period: '2018', value: 4 })
		]);
		const working = getArticle(s.db, 1, 'en', a).progress.indicatorStatuses!;
		expect(working[0].verdicts.map((v) => v.country)).toEqual(['GTM', 'HND', 'MEX']);
		const shared = getArticle(s.db, 1).progress.indicatorStatuses!;
		expect(shared[0].verdicts.map((v) => v.country)).toEqual(['GTM', 'MEX']);
		s.db.delete(observationTable).where(eq(observationTable.countryIso3, 'HND')).run();

		const groups = articleIndicatorVerdicts(s.db, a, 1, 'cagr-ratio', { asOfYear: 2026 });
		expect(groups.map((g) => g.code)).toEqual(['10.7.3']);
		expect(groups[0].verdicts.map((v) => [v.country, v.status, v.stale])).toEqual([
			['GTM', 'on_track', false],
			['MEX', 'deterioration', true]
		]);
		expect(groups[0].byStatus).toEqual({ on_track: 1, deterioration: 1 });
		const alerts = indicatorAlerts(s.db, a, 'cagr-ratio', { asOfYear: 2026 });
		expect(alerts.map((x) => [x.code, x.country, x.offTrack, x.stale])).toEqual([
			['10.7.3', 'MEX', true, true]
		]);
		// The overview's preview: off-track ones first, then stale only; the total of all.
		const alert = (code: string, offTrack: boolean) =>
			({ ...alerts[0], code, offTrack, stale: !offTrack }) as (typeof alerts)[number];
		const preview = alertsPreview(
			[alert('1', false), alert('2', true), alert('3', false), alert('4', true)],
			3
		);
		expect(preview.total).toBe(4);
		expect(preview.items.map((x) => x.code)).toEqual(['2', '4', '1']);
		expect(alertsPreview([], 3)).toEqual({ items: [], total: 0 });
		const mex = countryIndicatorSummaries(s.db, a, 'MEX');
		expect(mex).toMatchObject([{ code: '10.7.3', latestPeriod: '2019', latestValue: 200 }]);
		expect(isStale(2024, 2026)).toBe(true);
		expect(isStale(2025, 2026)).toBe(false);
	});

	it('keeps verdicts computed per indicator until one of its observations changes', async () => {
		s = freshDb();
		const a = person(s.db, 'admin');
		const parse = (o: Record<string, unknown>) => observationInputSchema.parse(o);
		const revision = (code: string) =>
			s.db.$client
				.prepare(
					'select r.revision from observation_revision r join indicator i on i.id = r.indicator_id where i.code = ?'
				)
				.pluck()
				.get(code) as number;
		const mexStatus = () =>
			articleIndicatorVerdicts(s.db, a, 1, 'cagr-ratio', { asOfYear: 2026 })[0].verdicts.find(
				(v) => v.country === 'MEX'
			)?.status;
		upsertObservations(s.db, a, '10.7.3', [
			parse({ country: 'MEX', period: '2015', value: 100 }),
			parse({ country: 'MEX', period: '2019', value: 200 })
		]);
		const r0 = revision('10.7.3');
		const other = revision('10.c.1');
		expect(mexStatus()).toBe('deterioration');
		// Any update or delete, even in plain SQL, moves the revision of that indicator only (by
		// trigger), and the verdict is computed again; inserts are counted by their writers.
		s.db.$client.exec("update observation set value = 50 where period = '2019'");
		expect(revision('10.7.3')).toBe(r0 + 1);
		expect(revision('10.c.1')).toBe(other);
		expect(mexStatus()).toBe('on_track');
		s.db.$client.exec("delete from observation where period = '2019'");
		expect(revision('10.7.3')).toBe(r0 + 2);
		expect(mexStatus()).toBe('insufficient_data');
		upsertObservations(s.db, a, '10.7.3', [parse({ country: 'MEX', period: '2020', value: 300 })]);
		expect(revision('10.7.3')).toBe(r0 + 3);
		expect(mexStatus()).toBe('deterioration');
	});

	it('the member-state × article matrix and the actions-by-status history', async () => {
		s = freshDb();
		const a = person(s.db, 'admin');
		const fw = s.db.select().from(framework).get()!;
		const art2 = s.db.select().from(article).where(eq(article.number, 2)).get()!;
		const mk = (country: string | null, status: 'planned' | 'completed' | 'in_progress') =>
			s.db
				.insert(action)
				.values({
					frameworkId: fw.id,
					countryIso3: country,
					title: `A ${country} ${status}`,
					status
				})
				.returning()
				.get();
		const x = mk('MEX', 'completed');
		const y = mk('MEX', 'in_progress');
		const z = mk(null, 'planned');
		for (const id of [x.id, y.id, z.id])
			s.db.insert(actionArticle).values({ actionId: id, articleId: art2.id }).run();
		s.db
			.insert(actionUpdate)
			.values([
				{ actionId: x.id, date: '2025-01-10', status: 'planned' },
				{ actionId: x.id, date: '2025-03-05', status: 'in_progress' },
				{ actionId: x.id, date: '2025-05-20', status: 'completed' },
				{ actionId: y.id, date: '2025-02-01', status: 'in_progress' },
				{ actionId: z.id, date: '2025-04-01', note: 'registered' }
			])
			.run();
		const matrix = memberArticleMatrix(s.db, a);
		// Shared pages count validated actions only (none of these is validated).
		expect(
			memberArticleMatrix(s.db, null, { validatedOnly: true }).rows.find((r) => r.iso3 === 'MEX')!
				.cells[2].total
		).toBe(0);
		expect(matrix.kind).toBe('article');
		expect(matrix.columns).toHaveLength(18);
		expect(matrix.rows).toHaveLength(12);
		const mexRow = matrix.rows.find((r) => r.iso3 === 'MEX')!;
		expect(mexRow.cells[2]).toMatchObject({ total: 2, completed: 1, share: 0.5 });
		expect(mexRow.cells[3]).toMatchObject({ total: 0, share: null });
		expect(matrix.rows[11]).toMatchObject({ iso3: null });
		expect(matrix.rows[11].cells[2].byStatus.planned).toBe(1);

		// The same matrix by GCM objective: each action counts once in each objective its
		// articles name, even when two of its articles name the same objective.
		const objectivesOf = articleObjectives(s.db);
		const of2 = objectivesOf.get(2)!;
		expect(of2.length).toBeGreaterThan(0);
		const sharing = [...objectivesOf].find(([n, os]) => n !== 2 && os.includes(of2[0]));
		if (sharing) {
			const other = s.db.select().from(article).where(eq(article.number, sharing[0])).get()!;
			s.db.insert(actionArticle).values({ actionId: x.id, articleId: other.id }).run();
		}
		const byObjective = memberArticleMatrix(s.db, a, { kind: 'objective' });
		expect(byObjective.kind).toBe('objective');
		expect(byObjective.columns).toEqual(
			[...new Set([...objectivesOf.values()].flat())].sort((p, q) => p - q)
		);
		const mexByObjective = byObjective.rows.find((r) => r.iso3 === 'MEX')!;
		for (const o of of2)
			expect(mexByObjective.cells[o]).toMatchObject({ total: 2, completed: 1, share: 0.5 });
		const untouched = byObjective.columns.find(
			(o) => !of2.includes(o) && !(sharing?.[1] ?? []).includes(o)
		);
		if (untouched !== undefined) expect(mexByObjective.cells[untouched].total).toBe(0);

		const h = actionStatusHistory(s.db, a, { articleNumber: 2, until: '2025-06' });
		expect(h.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
		expect(h.byStatus.planned).toEqual([1, 1, 0, 1, 1, 1]);
		expect(h.byStatus.in_progress).toEqual([0, 1, 2, 2, 1, 1]);
		expect(h.byStatus.completed).toEqual([0, 0, 0, 0, 1, 1]);
		expect(h.total).toEqual([1, 2, 2, 3, 3, 3]);
		expect(h.shareCompleted[5]).toBeCloseTo(1 / 3, 12);
		expect(h.shareCompleted[0]).toBe(0);
		expect(actionStatusHistory(s.db, a, { articleNumber: 5 }).months).toEqual([]);
	});
});
