// Issue 19 §3: the country page's per-article rows (the country's own actions, in the version
// the reader may see) and its indicators' charts (the headline first, at most
// COUNTRY_CHART_SERIES series, with target and ceiling).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import type { Actor } from '../auth/authz';
import { createAction } from '../actions';
import { upsertObservations } from '../observations';
import { actionCreateSchema } from '$lib/schemas/actions';
import { observationInputSchema } from '$lib/schemas/observations';
import {
	COUNTRY_CHART_SERIES,
	COUNTRY_CHARTS_PAGE_SIZE,
	countryArticleCells,
	countryIndicatorCharts,
	countryIndicatorChartsPage,
	indicatorChartData,
	latestPeriods
} from '.';

let t: TestDb;
let admin: Actor;
let coordGtm: Actor;
const obs = (o: Record<string, unknown>) => observationInputSchema.parse(o);
const act = (o: Record<string, unknown>) =>
	actionCreateSchema.parse({
		leadAgency: 'Ministry',
		...(o.status === 'completed' ? { percentComplete: 100, completedOn: '2024-05-01' } : {}),
		...o
	});

beforeAll(() => {
	t = freshDb();
	admin = person(t.db, 'admin');
	coordGtm = person(t.db, 'coordinator', ['GTM']);
	createAction(
		t.db,
		admin,
		act({ title: 'A', country: 'MEX', articles: [2, 7], status: 'completed' })
	);
	createAction(
		t.db,
		admin,
		act({ title: 'B', country: 'MEX', articles: [2], status: 'in_progress' })
	);
	createAction(
		t.db,
		admin,
		act({ title: 'C', country: 'GTM', articles: [2], status: 'completed' })
	);
	// A Guatemalan draft: its coordinator sees it, the admin (validated versions) does too as a
	// draft of a country it oversees; an anonymous reader of validated data does not.
	createAction(
		t.db,
		coordGtm,
		act({ title: 'D', country: 'GTM', articles: [5], status: 'planned' })
	);
	upsertObservations(t.db, admin, '10.c.1', [
		obs({ country: 'MEX', period: '2016', value: 5 }),
		obs({ country: 'MEX', period: '2022', value: 4 }),
		...Array.from({ length: 8 }, (_, i) =>
			obs({
				country: 'MEX',
				period: '2022',
				disaggregation: { corridor: `C${i}>MEX` },
				value: 2 + i
			})
		)
	]);
});
afterAll(() => t.close());

describe('country page: per-article rows', () => {
	it("counts only the country's actions, every article present", () => {
		const cells = countryArticleCells(t.db, admin, 'MEX');
		expect(Object.keys(cells)).toHaveLength(18);
		expect(cells[2]).toMatchObject({ total: 2, completed: 1, share: 0.5 });
		expect(cells[7]).toMatchObject({ total: 1, completed: 1, share: 1 });
		expect(cells[5]).toMatchObject({ total: 0, share: null });
	});

	it('a draft counts for its coordinator, not for a reader of validated data', () => {
		expect(countryArticleCells(t.db, coordGtm, 'GTM')[5].total).toBe(1);
		expect(countryArticleCells(t.db, null, 'GTM', { validatedOnly: true })[5].total).toBe(0);
		expect(countryArticleCells(t.db, null, 'GTM', { validatedOnly: true })[2].total).toBe(1);
	});
});

describe('country page: indicator charts', () => {
	it('the headline first, at most COUNTRY_CHART_SERIES series, target and ceiling', () => {
		const charts = countryIndicatorCharts(t.db, admin, 'MEX', [
			{ code: '10.c.1', name: 'Remittance costs' },
			{ code: '10.7.2', name: 'Policies' }
		]);
		expect(charts.map((c) => c.code)).toEqual(['10.c.1']);
		const [c] = charts;
		expect(c.series[0].kind).toBe('headline');
		expect(c.series).toHaveLength(COUNTRY_CHART_SERIES);
		expect(c.totalSeries).toBe(9);
		// 10.c.1 should fall: the corridors kept are the furthest from it (the costliest, so
		// those past the ceiling always show).
		expect(c.series.slice(1).map((s) => s.points.at(-1)!.value)).toEqual([9, 8, 7, 6]);
		expect(c.target?.value).toBe(3);
		expect(c.ceiling).toBe(5);
		expect(c.name).toBe('Remittance costs');
	});
});

describe('country page: charts paged (issue 20: the page stays light at any scale)', () => {
	const many = Array.from({ length: COUNTRY_CHARTS_PAGE_SIZE + 3 }, (_, i) => ({
		code: i === COUNTRY_CHARTS_PAGE_SIZE + 1 ? '10.c.1' : '10.7.2',
		name: `n${i}`
	}));
	it('draws only the asked page, clamped to the pages there are', () => {
		const first = countryIndicatorChartsPage(t.db, admin, 'MEX', many, 1);
		expect(first).toMatchObject({ page: 1, pages: 2, total: many.length });
		expect(first.items).toHaveLength(0); // 10.7.2 has no values for Mexico
		const second = countryIndicatorChartsPage(t.db, admin, 'MEX', many, 2);
		expect(second.items.map((c) => c.code)).toEqual(['10.c.1']);
		expect(countryIndicatorChartsPage(t.db, admin, 'MEX', many, 99).page).toBe(2);
		expect(countryIndicatorChartsPage(t.db, admin, 'MEX', many, Number('x')).page).toBe(1);
	});
});

describe('country page: each chart draws its latest periods (issue 20: light at any scale)', () => {
	const pt = (period: string, value: number) => ({ period, value, status: 'final' }) as never;
	const series = [
		{
			key: '',
			label: 'All',
			kind: 'headline',
			points: ['2019', '2020-Q1', '2021', '2022'].map((p, i) => pt(p, i))
		},
		{ key: 'a', label: 'A', kind: 'disaggregate', points: [pt('2018', 1), pt('2019', 2)] },
		{ key: 'b', label: 'B', kind: 'disaggregate', points: [pt('2022', 3)] }
	] as Parameters<typeof latestPeriods>[0];

	it('keeps the latest periods of all the series, in period order, and says from when', () => {
		const w = latestPeriods(series, 3);
		expect(w).toMatchObject({
			periods: 5,
			shownPeriods: 3,
			shownFrom: '2020-Q1',
			shownTo: '2022',
			page: 1,
			pages: 2
		});
		expect(w.series.map((s) => s.key)).toEqual(['', 'b']); // A has nothing that recent
		expect(w.series[0].points.map((p) => p.period)).toEqual(['2020-Q1', '2021', '2022']);
		expect(series[0].points).toHaveLength(4); // the series given are not changed
	});

	it('pages back in time: page 2 the periods before, the last page what is left', () => {
		expect(latestPeriods(series, 2, 2)).toMatchObject({
			shownFrom: '2019',
			shownTo: '2020-Q1',
			shownPeriods: 2,
			page: 2,
			pages: 3
		});
		const last = latestPeriods(series, 2, 3);
		expect(last).toMatchObject({ shownFrom: '2018', shownTo: '2018', shownPeriods: 1 });
		expect(last.series.map((s) => s.key)).toEqual(['a']);
		expect(latestPeriods(series, 2, 99).page).toBe(3); // clamped
		expect(latestPeriods(series, 2, Number('x')).page).toBe(1);
	});

	it('a short series is drawn whole', () => {
		expect(latestPeriods(series, 5)).toMatchObject({ periods: 5, shownFrom: null });
		expect(latestPeriods(series, 5).series).toBe(series);
		expect(
			countryIndicatorCharts(t.db, admin, 'MEX', [{ code: '10.c.1', name: 'R' }])[0]
		).toMatchObject({
			shownFrom: null
		});
	});
});

describe('series kept per revision of the observations', () => {
	it('a write of the indicator’s values shows at once; a caller cannot change what is kept', () => {
		const read = () =>
			indicatorChartData(t.db, admin, '10.c.1', { country: 'MEX' }).series.find(
				(s) => s.kind === 'headline'
			)!;
		const before = read();
		before.points.splice(0);
		expect(read().points.map((p) => p.value)).toEqual([5, 4]);
		upsertObservations(t.db, admin, '10.c.1', [
			obs({ country: 'MEX', period: '2023', value: 3.5 })
		]);
		expect(read().points.map((p) => p.value)).toEqual([5, 4, 3.5]);
	});
});
