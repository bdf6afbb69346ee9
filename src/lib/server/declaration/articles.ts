// Articles of a framework with their references and their implementation picture.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	ACTION_STATUSES,
	article,
	articleReference,
	articleTranslation,
	framework,
	indicator,
	indicatorArticle,
	indicatorTranslation,
	reference,
	referenceTranslation,
	type ActionStatus,
	type Locale
} from '../db/schema';
import { FRAMEWORK_SLUG } from '../seed/seed';
import { notFound } from '../http/errors';
import type { Actor } from '../auth/authz';
import {
	countActions,
	visibleActions,
	type Reader,
	type VisibleAction
} from '../visibility/visibility';
import { articleIndicatorVerdicts, type IndicatorVerdictGroup } from '../progress';

export interface Localized {
	text: string;
	/** false when the text shown is the English fallback for a missing translation. */
	translated: boolean;
}

export interface ArticleProgress {
	actionsByStatus: Record<ActionStatus, number>;
	actionsTotal: number;
	shareCompleted: number | null;
	overdue: number;
	indicatorCount: number;
	/**
	 * Verdicts of the article's indicators for the member states and the region (DESIGN §6
	 * "Articles"; each indicator's default method), filled by getArticle.
	 */
	indicatorStatuses?: IndicatorVerdictGroup[];
}

export interface ReferenceItem {
	kind: 'sdg_target' | 'sdg_indicator' | 'gcm_objective';
	code: string;
	title: string;
	shortTitle: string | null;
	translated: boolean;
}

export interface ArticleSummary {
	number: number;
	title: string;
	titleTranslated: boolean;
	themes: string[];
	progress: ArticleProgress;
}

export interface ArticleDetail extends ArticleSummary {
	text: string;
	textTranslated: boolean;
	references: { sdg: ReferenceItem[]; gcm: ReferenceItem[] };
	indicators: { code: string; name: string; translated: boolean }[];
}

export function getFramework(db: Db, slug = FRAMEWORK_SLUG) {
	const fw = db.select().from(framework).where(eq(framework.slug, slug)).get();
	if (!fw) throw notFound(`No framework ${slug}.`);
	return fw;
}

function emptyByStatus(): Record<ActionStatus, number> {
	return Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
}

/**
 * Actions by status, overdue and indicator counts per article number, as the reader sees
 * them (visibility.ts: working versions of the countries whose drafts they read, validated
 * versions of the others; null: validated only).
 */
export function articleProgress(
	db: Db,
	frameworkId: number,
	reader: Reader,
	today = isoToday()
): Map<number, ArticleProgress> {
	const result = new Map<number, ArticleProgress>();
	const articles = db
		.select({ id: article.id, number: article.number })
		.from(article)
		.where(eq(article.frameworkId, frameworkId))
		.all();
	for (const a of articles) {
		result.set(a.number, {
			actionsByStatus: emptyByStatus(),
			actionsTotal: 0,
			shareCompleted: null,
			overdue: 0,
			indicatorCount: 0
		});
	}
	const byArticle = new Map<number, VisibleAction[]>();
	for (const a of visibleActions(db, reader, { frameworkId })) {
		for (const n of new Set(a.articles)) {
			const rows = byArticle.get(n);
			if (rows) rows.push(a);
			else byArticle.set(n, [a]);
		}
	}
	for (const [n, rows] of byArticle) {
		const p = result.get(n);
		if (!p) continue;
		const c = countActions(rows, today);
		p.actionsByStatus = c.byStatus;
		p.actionsTotal = c.total;
		p.overdue = c.overdue;
	}
	for (const p of result.values()) {
		p.shareCompleted = p.actionsTotal ? p.actionsByStatus.completed / p.actionsTotal : null;
	}
	const ind = db
		.select({ number: article.number, n: sql<number>`count(*)` })
		.from(indicatorArticle)
		.innerJoin(article, eq(article.id, indicatorArticle.articleId))
		.where(eq(article.frameworkId, frameworkId))
		.groupBy(article.number)
		.all();
	for (const r of ind) {
		const p = result.get(r.number);
		if (p) p.indicatorCount = r.n;
	}
	return result;
}

export function isoToday(): string {
	return new Date().toISOString().slice(0, 10);
}

function translationsOf(db: Db, locale: Locale, articleIds: number[]) {
	if (locale === 'en' || articleIds.length === 0)
		return new Map<number, { title: string | null; text: string | null }>();
	const rows = db
		.select()
		.from(articleTranslation)
		.where(
			and(eq(articleTranslation.locale, locale), inArray(articleTranslation.articleId, articleIds))
		)
		.all();
	return new Map(rows.map((r) => [r.articleId, { title: r.title, text: r.text }]));
}

/** The articles with their progress as `reader` sees it (null: validated data only). */
export function listArticles(
	db: Db,
	locale: Locale = 'en',
	reader: Reader = null
): ArticleSummary[] {
	const fw = getFramework(db);
	const rows = db
		.select()
		.from(article)
		.where(eq(article.frameworkId, fw.id))
		.orderBy(asc(article.number))
		.all();
	const tr = translationsOf(
		db,
		locale,
		rows.map((r) => r.id)
	);
	const progress = articleProgress(db, fw.id, reader);
	return rows.map((r) => {
		const t = tr.get(r.id);
		return {
			number: r.number,
			title: t?.title || r.title,
			titleTranslated: locale === 'en' || !!t?.title,
			themes: r.themes,
			progress: progress.get(r.number)!
		};
	});
}

/**
 * One article. `actor` decides which indicator values its verdicts read: the working data the
 * actor may see, or (no actor: shared pages, reports) validated data only.
 */
export function getArticle(
	db: Db,
	number: number,
	locale: Locale = 'en',
	actor: Actor | null = null
): ArticleDetail {
	const fw = getFramework(db);
	const a = getArticleText(db, number, locale);
	return {
		number: a.number,
		title: a.title,
		titleTranslated: a.titleTranslated,
		themes: a.themes,
		text: a.text,
		textTranslated: a.textTranslated,
		progress: {
			...articleProgress(db, fw.id, actor).get(number)!,
			indicatorStatuses: articleIndicatorVerdicts(db, actor, number, null, {
				locale,
				validatedOnly: !actor
			})
		},
		references: a.references,
		indicators: a.indicators
	};
}

/** One article without its progress (no verdicts computed): its text, references, indicators. */
export function getArticleText(
	db: Db,
	number: number,
	locale: Locale = 'en'
): Omit<ArticleDetail, 'progress'> {
	const fw = getFramework(db);
	const row = db
		.select()
		.from(article)
		.where(and(eq(article.frameworkId, fw.id), eq(article.number, number)))
		.get();
	if (!row) throw notFound(`There is no article ${number}; the declaration has articles 1 to 18.`);
	const t = translationsOf(db, locale, [row.id]).get(row.id);
	const refs = db
		.select({
			kind: reference.kind,
			code: reference.code,
			title: reference.title,
			shortTitle: reference.shortTitle,
			trTitle: referenceTranslation.title,
			trShort: referenceTranslation.shortTitle,
			sortKey: reference.sortKey
		})
		.from(articleReference)
		.innerJoin(reference, eq(reference.id, articleReference.referenceId))
		.leftJoin(
			referenceTranslation,
			and(
				eq(referenceTranslation.referenceId, reference.id),
				eq(referenceTranslation.locale, locale)
			)
		)
		.where(eq(articleReference.articleId, row.id))
		.orderBy(asc(reference.sortKey))
		.all()
		.map((r): ReferenceItem => ({
			kind: r.kind,
			code: r.code,
			title: (locale !== 'en' && r.trTitle) || r.title,
			shortTitle: (locale !== 'en' && r.trShort) || r.shortTitle,
			translated: locale === 'en' || !!r.trTitle
		}));
	const indicators = db
		.select({ code: indicator.code, name: indicator.name, trName: indicatorTranslation.name })
		.from(indicatorArticle)
		.innerJoin(indicator, eq(indicator.id, indicatorArticle.indicatorId))
		.leftJoin(
			indicatorTranslation,
			and(
				eq(indicatorTranslation.indicatorId, indicator.id),
				eq(indicatorTranslation.locale, locale)
			)
		)
		.where(eq(indicatorArticle.articleId, row.id))
		.orderBy(asc(indicator.code))
		.all()
		.map((i) => ({
			code: i.code,
			name: (locale !== 'en' && i.trName) || i.name,
			translated: locale === 'en' || !!i.trName
		}));
	return {
		number: row.number,
		title: t?.title || row.title,
		titleTranslated: locale === 'en' || !!t?.title,
		themes: row.themes,
		text: t?.text || row.text,
		textTranslated: locale === 'en' || !!t?.text,
		references: {
			sdg: refs.filter((r) => r.kind !== 'gcm_objective'),
			gcm: refs
				.filter((r) => r.kind === 'gcm_objective')
				.sort((a, b) => Number(a.code) - Number(b.code))
		},
		indicators
	};
}
