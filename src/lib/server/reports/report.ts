// The printable progress report of a share link's scope (/s/{token}/report): one section per
// article in scope with its text, its published actions by status, its indicators (chart and
// verdict) and its evidence links. Validated data only (DESIGN §5), frozen at the link's as-of
// day when it has one.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { ACTION_STATUSES, article, framework, type ActionStatus } from '../db/schema';
import type { ResolvedShareLink } from '../sharing/share-links';
import { getArticleText } from '../declaration/articles';
import { countryName } from '../declaration/countries';
import { FRAMEWORK_SLUG } from '../seed/seed';
import { publishedEvidence, type PublishedEvidence } from '../visibility/published';
import { readOptions } from '../sharing/shared-pages';
import {
	countryVerdict,
	drawnSeries,
	indicatorChartData,
	indicatorVerdicts,
	memberScopes,
	type ChartSeries,
	type Verdict
} from '../progress';
import { scopeContent, type OpenLocale } from '../open-data/open-data';
import type { IndicatorRecord } from '../indicators/catalogue';

/** Most lines drawn in one country's chart (its headline and the worst disaggregates). */
const MAX_COUNTRY_SERIES = 8;

export interface ReportAction {
	id: number;
	title: string;
	country: string | null;
	countryName: string | null;
	status: ActionStatus;
	percentComplete: number;
	dueDate: string | null;
	overdue: boolean;
	leadAgency: string;
}

export interface ReportIndicator {
	code: string;
	name: string;
	nameTranslated: boolean;
	unit: string;
	direction: 'increase' | 'decrease';
	target: { value: number; year: number } | null;
	ceiling: number | null;
	/** The article whose section shows this indicator in full (the first one it appears in). */
	shownIn: number;
	/** Only where shownIn is this section. */
	detail: {
		series: ChartSeries[];
		/** Series that are annual means of disaggregates (no headline value), by key. */
		meanOfDisaggregates: string[];
		totalSeries: number;
		verdicts: (Verdict & { name: string | null })[];
	} | null;
}

export interface ReportSection {
	number: number;
	title: string;
	titleTranslated: boolean;
	text: string;
	textTranslated: boolean;
	byStatus: Record<ActionStatus, number>;
	total: number;
	overdue: number;
	actions: ReportAction[];
	indicators: ReportIndicator[];
	evidence: PublishedEvidence[];
}

export interface Report {
	scope: { type: ResolvedShareLink['scope']['type']; target: string };
	/** Words for the cover: the article title, country name or indicator name. */
	scopeName: string | null;
	country: string | null;
	sections: ReportSection[];
	/** Indicator codes of the scope with their names (open-data links). */
	indicators: { code: string; name: string }[];
}

function articleIds(db: Db, numbers: number[]): Map<number, number> {
	if (numbers.length === 0) return new Map();
	const rows = db
		.select({ id: article.id, n: article.number })
		.from(article)
		.innerJoin(framework, eq(framework.id, article.frameworkId))
		.where(and(eq(framework.slug, FRAMEWORK_SLUG), inArray(article.number, numbers)))
		.all();
	return new Map(rows.map((r) => [r.n, r.id]));
}

function indicatorDetail(
	db: Db,
	ind: IndicatorRecord,
	country: string | null,
	opts: ReturnType<typeof readOptions>
): ReportIndicator['detail'] {
	const locale = opts.locale;
	if (country) {
		const verdict = countryVerdict(db, null, ind.code, country, null, opts);
		const chart = indicatorChartData(db, null, ind.code, { ...opts, country });
		if (chart.series.length === 0) return null;
		const series = drawnSeries(chart.series, ind.direction, MAX_COUNTRY_SERIES);
		return {
			series,
			meanOfDisaggregates: [],
			totalSeries: chart.series.length,
			verdicts: [{ ...verdict, name: countryName(country, locale) }]
		};
	}
	const scopes = memberScopes(db);
	const chart = indicatorChartData(db, null, ind.code, opts);
	const verdicts = indicatorVerdicts(db, null, ind.code, null, {
		...opts,
		countries: scopes
	})
		.map((v) => ({ ...v, name: v.country ? countryName(v.country, locale) : null }))
		.sort((a, b) =>
			a.country === null ? 1 : b.country === null ? -1 : a.name!.localeCompare(b.name!, locale)
		);
	return {
		series: chart.series,
		meanOfDisaggregates: chart.meanOfDisaggregates,
		totalSeries: chart.series.length,
		verdicts
	};
}

export function scopeReport(db: Db, link: ResolvedShareLink, locale: OpenLocale): Report {
	const opts = readOptions(link, locale);
	const content = scopeContent(db, link, locale);
	const ids = articleIds(db, content.articles);
	const indicatorsById = new Map(content.indicators.map((i) => [i.code, i]));
	const shownIn = new Map<string, number>();
	const details = new Map<string, ReportIndicator['detail']>();

	const sections = content.articles.map((n): ReportSection => {
		const a = getArticleText(db, n, locale);
		const actions = content.actions.filter((x) => x.articles.includes(n));
		const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<
			ActionStatus,
			number
		>;
		for (const x of actions) byStatus[x.status]++;
		const indicators: ReportIndicator[] = [];
		for (const { code } of a.indicators) {
			const ind = indicatorsById.get(code);
			if (!ind) continue;
			if (!shownIn.has(code)) {
				const detail = indicatorDetail(db, ind, content.country, opts);
				// A country report leaves out the indicators that country has no value of.
				if (content.country && !detail) continue;
				shownIn.set(code, n);
				details.set(code, detail);
			}
			const first = shownIn.get(code)!;
			indicators.push({
				code: ind.code,
				name: ind.name,
				nameTranslated: ind.nameTranslated,
				unit: ind.unit,
				direction: ind.direction,
				target:
					ind.targetValue !== null
						? { value: ind.targetValue, year: ind.targetYear ?? 2030 }
						: null,
				ceiling: ind.ceiling,
				shownIn: first,
				detail: first === n ? details.get(code)! : null
			});
		}
		const evidence = publishedEvidence(db, {
			actions: actions.map((x) => x.id),
			articles: ids.has(n) ? [ids.get(n)!] : [],
			indicators: indicators
				.filter((i) => i.shownIn === n)
				.map((i) => indicatorsById.get(i.code)!.id)
		});
		return {
			number: n,
			title: a.title,
			titleTranslated: a.titleTranslated,
			text: a.text,
			textTranslated: a.textTranslated,
			byStatus,
			total: actions.length,
			overdue: actions.filter((x) => x.overdue).length,
			actions: actions.map((x) => ({
				id: x.id,
				title: x.title,
				country: x.country,
				countryName: x.countryName,
				status: x.status,
				percentComplete: x.percentComplete,
				dueDate: x.dueDate,
				overdue: x.overdue,
				leadAgency: x.leadAgency ?? ''
			})),
			indicators,
			evidence
		};
	});

	const { type, target } = link.scope;
	let scopeName: string | null = null;
	if (type === 'article') scopeName = sections[0]?.title ?? null;
	else if (type === 'country') scopeName = countryName(target, locale);
	else if (type === 'indicator') scopeName = content.indicators[0]?.name ?? null;
	return {
		scope: { type, target },
		scopeName,
		country: content.country,
		sections,
		indicators: content.indicators
			.filter((i) => type !== 'country' || shownIn.has(i.code))
			.map((i) => ({ code: i.code, name: i.name }))
	};
}
