// Read models of the shared pages, built from validated data only (published.ts and the
// validatedOnly reads of progress.ts). One function per page, so the routes stay thin.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { article, framework, indicator } from '../db/schema';
import { getArticleText, listArticles } from '../declaration/articles';
import { countryName, listCountries, getCountry } from '../declaration/countries';
import {
	countPublishedEvidence,
	emptyActionCounts,
	publishedActionCounts,
	publishedActionCountsByArticle,
	publishedActions,
	publishedEvidence,
	type EvidenceTargets,
	type PublishedAction,
	type PublishedEvidence,
	type PublishedQuery
} from '../visibility/published';
import {
	ownAndRegional,
	actionStatusHistory,
	articleIndicatorVerdicts,
	countryIndicatorSummaries,
	disaggregateRanking,
	indicatorAlerts,
	indicatorChartData,
	indicatorVerdicts,
	memberScopes,
	methodFor
} from '../progress';
import { getIndicator } from '../indicators/catalogue';
import { FRAMEWORK_SLUG } from '../seed/seed';
import type { ResolvedShareLink } from './share-links';
import { readOptions } from './shared-pages';
import type { Locale } from '../db/schema';
import type { Method } from '$lib/progress';

/** Actions per page of the shared article and country pages. */
export const SHARED_ACTIONS_PAGE_SIZE = 25;
/** Evidence links per page of the shared article and country pages. */
export const SHARED_EVIDENCE_PAGE_SIZE = 20;

/** One page of a list the shared pages show, with where it sits in the whole list. */
export interface ListPage<T> {
	items: T[];
	/** How many there are in all. */
	total: number;
	/** The page shown (1-based; an out-of-range request gives the first or the last page). */
	page: number;
	/** How many pages there are (at least 1). */
	pages: number;
	pageSize: number;
}

/** The page numbers asked for in the query (`?actions=2&evidence=3`); null: the first. */
export interface SharedListPages {
	actions?: number | null;
	evidence?: number | null;
}

/**
 * The page to show of `total` rows, `size` per page: the one asked for, the first when it is
 * missing or not a page number (0, negative, not a number), the last when it is past the end.
 */
export function pageWindow(requested: number | null | undefined, total: number, size: number) {
	const pages = Math.max(1, Math.ceil(total / size));
	const page =
		typeof requested === 'number' && requested >= 1 ? Math.min(Math.floor(requested), pages) : 1;
	return { page, pages, pageSize: size, limit: size, offset: (page - 1) * size };
}

/** An action as the shared pages' action tables show it (and nothing more). */
export type SharedActionRow = Pick<
	PublishedAction,
	| 'id'
	| 'title'
	| 'leadAgency'
	| 'language'
	| 'countryName'
	| 'status'
	| 'overdue'
	| 'percentComplete'
	| 'dueDate'
> & { articles?: number[] };

/** An evidence link as the shared pages list it. */
export type SharedEvidenceRow = Pick<
	PublishedEvidence,
	'id' | 'url' | 'title' | 'kind' | 'publishedOn'
>;

function actionRow(a: PublishedAction, withArticles = false): SharedActionRow {
	return {
		id: a.id,
		title: a.title,
		leadAgency: a.leadAgency,
		language: a.language,
		countryName: a.countryName,
		status: a.status,
		overdue: a.overdue,
		percentComplete: a.percentComplete,
		dueDate: a.dueDate,
		...(withArticles ? { articles: a.articles } : {})
	};
}

/** One page of the published actions of a query, most recently validated first. */
function actionsPage(
	db: Db,
	q: PublishedQuery,
	total: number,
	requested: number | null | undefined,
	withArticles = false
): ListPage<SharedActionRow> {
	const w = pageWindow(requested, total, SHARED_ACTIONS_PAGE_SIZE);
	const items =
		total === 0 ? [] : publishedActions(db, q, w).map((a) => actionRow(a, withArticles));
	return { items, total, page: w.page, pages: w.pages, pageSize: w.pageSize };
}

/** One page of the evidence of some targets, newest first. */
function evidencePage(
	db: Db,
	targets: EvidenceTargets,
	requested: number | null | undefined
): ListPage<SharedEvidenceRow> {
	const total = countPublishedEvidence(db, targets);
	const w = pageWindow(requested, total, SHARED_EVIDENCE_PAGE_SIZE);
	const items =
		total === 0
			? []
			: publishedEvidence(db, targets, w).map((e) => ({
					id: e.id,
					url: e.url,
					title: e.title,
					kind: e.kind,
					publishedOn: e.publishedOn
				}));
	return { items, total, page: w.page, pages: w.pages, pageSize: w.pageSize };
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

export function sharedOverview(
	db: Db,
	link: ResolvedShareLink,
	locale: Locale,
	method: Method | null
) {
	const opts = readOptions(link, locale);
	const q = { asOf: link.asOf, locale };
	const perArticle = publishedActionCountsByArticle(db, q);
	const articles = listArticles(db, locale).map((a) => ({
		number: a.number,
		title: a.title,
		titleTranslated: a.titleTranslated,
		counts: perArticle.get(a.number) ?? emptyActionCounts()
	}));
	return {
		articles,
		totals: publishedActionCounts(db, q),
		members: listCountries(db, { member: true, locale }),
		alerts: indicatorAlerts(db, null, method, opts)
	};
}

/**
 * The shared article page: the article, the counts of its published actions, one page of
 * them and one page of its evidence (only those pages are read), its indicators' verdicts
 * and the monthly status history.
 */
export function sharedArticle(
	db: Db,
	link: ResolvedShareLink,
	n: number,
	locale: Locale,
	method: Method | null,
	pages: SharedListPages = {}
) {
	const opts = readOptions(link, locale);
	const detail = getArticleText(db, n, locale);
	const q: PublishedQuery = { article: n, asOf: link.asOf, locale };
	const counts = publishedActionCounts(db, q);
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
		actions: actionsPage(db, q, counts.total, pages.actions),
		counts,
		indicators: articleIndicatorVerdicts(db, null, n, method, opts),
		history: actionStatusHistory(db, null, {
			...opts,
			articleNumber: n,
			until: link.asOf?.slice(0, 7)
		}),
		evidence: evidencePage(db, { publishedActionsOf: q, articles: id ? [id] : [] }, pages.evidence)
	};
}

/**
 * The shared country page: the counts of its published actions (in all and per article), one
 * page of them (with the articles each serves) and one page of their evidence, and the
 * country's indicator summaries.
 */
export function sharedCountry(
	db: Db,
	link: ResolvedShareLink,
	iso3: string,
	locale: Locale,
	method: Method | null,
	pages: SharedListPages = {}
) {
	const opts = readOptions(link, locale);
	const c = getCountry(db, iso3, locale);
	const q: PublishedQuery = { country: c.iso3, asOf: link.asOf, locale };
	const counts = publishedActionCounts(db, q);
	const perArticle = publishedActionCountsByArticle(db, q);
	return {
		country: c,
		counts,
		byArticle: listArticles(db, locale)
			.filter((a) => perArticle.has(a.number))
			.map((a) => {
				const k = perArticle.get(a.number)!;
				return { number: a.number, title: a.title, total: k.total, completed: k.completed };
			}),
		actions: actionsPage(db, q, counts.total, pages.actions, true),
		indicators: countryIndicatorSummaries(db, null, c.iso3, method, opts),
		evidence: evidencePage(db, { publishedActionsOf: q }, pages.evidence)
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
	method: Method | null,
	country: string | null
) {
	const opts = readOptions(link, locale);
	const ind = getIndicator(db, null, code, { locale, validatedOnly: true });
	const defaultMethod = methodFor(db, ind);
	const scopes = new Set(memberScopes(db));
	const verdicts = indicatorVerdicts(db, null, ind.code, method ?? defaultMethod, opts)
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
		method: method ?? defaultMethod,
		defaultMethod,
		verdicts,
		selected,
		verdict: selected ? (verdicts.find((v) => v.country === selected) ?? null) : null,
		series: chart.series.slice(0, 12),
		ranking:
			ind.ceiling !== null
				? disaggregateRanking(db, null, ind.code, { ...opts, country: selected })
				: [],
		actions: ownAndRegional(ind.actions, selected)
	};
}
