// The country page's indicator charts (issue 19 §3): for each indicator with values for the
// country, its series — the headline and the disaggregates furthest from the target, at most
// COUNTRY_CHART_SERIES — over its latest CHART_PERIODS periods (the whole series is
// on the indicator's page, paged, and in its CSV), with the target and ceiling the chart draws.
import type { Db } from '../db';
import type { Actor } from '../auth/authz';
import { indicatorByCode } from '../indicators/catalogue';
import {
	CHART_PERIODS,
	drawnSeries,
	indicatorChartData,
	latestPeriods,
	type PeriodWindow
} from './charts';
import type { ProgressReadOptions } from './series';

export const COUNTRY_CHART_SERIES = 5;
/** Charts per page of the country page (`?charts=2`…): the page stays light at any scale. */
export const COUNTRY_CHARTS_PAGE_SIZE = 12;

/** A chart of the country page: its series over the latest periods (a PeriodWindow). */
export interface CountryIndicatorChart extends PeriodWindow {
	code: string;
	name: string;
	unit: string;
	source: string;
	target: { value: number; year: number } | null;
	ceiling: number | null;
	totalSeries: number;
}

/** The charts of `indicators` (code and name in the page language) for one country. */
export function countryIndicatorCharts(
	db: Db,
	actor: Actor | null,
	iso3: string,
	indicators: { code: string; name: string }[],
	opts: ProgressReadOptions = {}
): CountryIndicatorChart[] {
	return indicators.flatMap(({ code, name }) => {
		const ind = indicatorByCode(db, code);
		const chart = indicatorChartData(db, actor, code, { ...opts, country: iso3 });
		if (chart.series.length === 0) return [];
		return [
			{
				code,
				name,
				unit: ind.unit,
				source: ind.source,
				target:
					ind.targetValue !== null
						? { value: ind.targetValue, year: ind.targetYear ?? 2030 }
						: null,
				ceiling: ind.ceiling,
				...latestPeriods(
					drawnSeries(chart.series, ind.direction, COUNTRY_CHART_SERIES),
					CHART_PERIODS
				),
				totalSeries: chart.series.length
			}
		];
	});
}

/** One page of a country's charts: the page's indicators only are read and drawn. */
export function countryIndicatorChartsPage(
	db: Db,
	actor: Actor | null,
	iso3: string,
	indicators: { code: string; name: string }[],
	askedPage: number,
	opts: ProgressReadOptions = {}
): {
	items: CountryIndicatorChart[];
	page: number;
	pages: number;
	pageSize: number;
	total: number;
} {
	const pages = Math.max(1, Math.ceil(indicators.length / COUNTRY_CHARTS_PAGE_SIZE));
	const page = Math.min(Math.max(1, Math.floor(askedPage) || 1), pages);
	const slice = indicators.slice(
		(page - 1) * COUNTRY_CHARTS_PAGE_SIZE,
		page * COUNTRY_CHARTS_PAGE_SIZE
	);
	return {
		items: countryIndicatorCharts(db, actor, iso3, slice, opts),
		page,
		pages,
		pageSize: COUNTRY_CHARTS_PAGE_SIZE,
		total: indicators.length
	};
}
