// Read models of the shared pages, built from validated data only (published.ts and the
// validatedOnly reads of progress.ts). One function per page, so the routes stay thin.
import { and, eq } from 'drizzle-orm';
import type { Db } from './db';
import { article, framework, indicator } from './db/schema';
import { getArticle, listArticles } from './articles';
import { countryName, listCountries, getCountry } from './countries';
import { publishedActions, publishedEvidence, type PublishedAction } from './published';
import {
	actionStatusHistory,
	articleIndicatorVerdicts,
	countryIndicatorSummaries,
	disaggregateRanking,
	indicatorAlerts,
	indicatorChartData,
	indicatorVerdicts,
	memberScopes
} from './progress';
import { getIndicator } from './indicators';
import { FRAMEWORK_SLUG } from './seed';
import type { ResolvedShareLink } from './share-links';
import { readOptions } from './shared-pages';
import type { ActionStatus, Locale } from './db/schema';
import type { Method } from '$lib/progress';

const STATUS_ORDER: ActionStatus[] = [
	'planned',
	'in_progress',
	'completed',
	'stalled',
	'cancelled'
];

export function countByStatus(actions: PublishedAction[]) {
	const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<
		ActionStatus,
		number
	>;
	for (const a of actions) byStatus[a.status]++;
	const total = actions.length;
	return {
		byStatus,
		total,
		completed: byStatus.completed,
		overdue: actions.filter((a) => a.overdue).length,
		shareCompleted: total ? byStatus.completed / total : null
	};
}

export function articleId(db: Db, n: number): number | null {
	return (
		db
			.select({ id: article.id })
			.from(article)
			.innerJoin(framework, eq(framework.id, article.frameworkId))
			.where(and(eq(framework.slug, FRAMEWORK_SLUG), eq(article.number, n)))
			.get()?.id ?? null
	);
}

export function sharedOverview(db: Db, link: ResolvedShareLink, locale: Locale, method: Method) {
	const opts = readOptions(link, locale);
	const actions = publishedActions(db, { asOf: link.asOf, locale });
	const articles = listArticles(db, locale).map((a) => {
		const own = actions.filter((x) => x.articles.includes(a.number));
		return {
			number: a.number,
			title: a.title,
			titleTranslated: a.titleTranslated,
			counts: countByStatus(own)
		};
	});
	return {
		articles,
		totals: countByStatus(actions),
		members: listCountries(db, { member: true, locale }),
		alerts: indicatorAlerts(db, null, method, opts)
	};
}

export function sharedArticle(
	db: Db,
	link: ResolvedShareLink,
	n: number,
	locale: Locale,
	method: Method
) {
	const opts = readOptions(link, locale);
	const detail = getArticle(db, n, locale);
	const actions = publishedActions(db, { article: n, asOf: link.asOf, locale });
	const id = articleId(db, n);
	return {
		article: {
			number: detail.number,
			title: detail.title,
			titleTranslated: detail.titleTranslated,
			text: detail.text,
			textTranslated: detail.textTranslated,
			references: detail.references
		},
		actions,
		counts: countByStatus(actions),
		indicators: articleIndicatorVerdicts(db, null, n, method, opts),
		history: actionStatusHistory(db, null, {
			...opts,
			articleNumber: n,
			until: link.asOf?.slice(0, 7)
		}),
		evidence: publishedEvidence(db, { actions: actions.map((a) => a.id), articles: id ? [id] : [] })
	};
}

export function sharedCountry(
	db: Db,
	link: ResolvedShareLink,
	iso3: string,
	locale: Locale,
	method: Method
) {
	const opts = readOptions(link, locale);
	const c = getCountry(db, iso3, locale);
	const actions = publishedActions(db, { country: c.iso3, asOf: link.asOf, locale });
	const titles = new Map(listArticles(db, locale).map((a) => [a.number, a.title]));
	return {
		country: c,
		actions,
		counts: countByStatus(actions),
		articleTitles: Object.fromEntries(titles),
		indicators: countryIndicatorSummaries(db, null, c.iso3, method, opts),
		evidence: publishedEvidence(db, { actions: actions.map((a) => a.id) })
	};
}

/** The article numbers an indicator serves (for the scope of article links). */
export function indicatorArticles(db: Db, code: string): number[] | null {
	const row = db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, code)).get();
	if (!row) return null;
	return db.$client
		.prepare(
			'select a.number from indicator_article ia join article a on a.id = ia.article_id where ia.indicator_id = ? order by a.number'
		)
		.all(row.id)
		.map((r) => (r as { number: number }).number);
}

export function sharedIndicator(
	db: Db,
	link: ResolvedShareLink,
	code: string,
	locale: Locale,
	method: Method,
	country: string | null
) {
	const opts = readOptions(link, locale);
	const ind = getIndicator(db, null, code, { locale, validatedOnly: true });
	const scopes = new Set(memberScopes(db));
	const verdicts = indicatorVerdicts(db, null, ind.code, method, opts)
		.filter((v) => scopes.has(v.country ?? ''))
		.map((v) => ({ ...v, name: v.country ? countryName(v.country, locale) : null }));
	const selected = country && verdicts.some((v) => v.country === country) ? country : null;
	const chart = indicatorChartData(db, null, ind.code, {
		...opts,
		...(selected ? { country: selected } : {})
	});
	return {
		indicator: {
			code: ind.code,
			name: ind.name,
			nameTranslated: ind.nameTranslated,
			description: ind.description,
			unit: ind.unit,
			direction: ind.direction,
			targetValue: ind.targetValue,
			targetYear: ind.targetYear,
			ceiling: ind.ceiling,
			custodian: ind.custodian,
			source: ind.source,
			articles: ind.articles
		},
		method,
		verdicts,
		selected,
		verdict: selected ? (verdicts.find((v) => v.country === selected) ?? null) : null,
		series: chart.series.slice(0, 12),
		ranking:
			ind.ceiling !== null
				? disaggregateRanking(db, null, ind.code, { ...opts, country: selected })
				: [],
		actions: ind.actions
	};
}
