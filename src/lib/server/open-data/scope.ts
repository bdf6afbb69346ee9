// What a share link's scope holds (DESIGN §5: validated data only): its published actions, its
// indicators and its articles (also used by the printable report), and which indicator a link
// may show by code. Nothing here reads drafts, review comments or people.
import type { Db } from '../db';
import { inScope, type ResolvedShareLink } from '../sharing/share-links';
import { publishedActions, type PublishedAction } from '../visibility/published';
import { listIndicators, type IndicatorRecord } from '../indicators/catalogue';
import { listArticles } from '../declaration/articles';

export type OpenLocale = 'en' | 'es' | 'fr';

/** What a link's scope holds: its published actions, its indicators and its articles. */
export interface ScopeContent {
	/** The one country of a country link (observations are limited to it), else null. */
	country: string | null;
	actions: PublishedAction[];
	indicators: IndicatorRecord[];
	/** Article numbers in scope, ascending. */
	articles: number[];
}

/**
 * - framework: every published action, every indicator, all articles;
 * - article n: the actions of article n, the indicators of article n, article n;
 * - country: that country's actions, every indicator (observations of that country only),
 *   the articles that country's actions serve;
 * - indicator: the actions linked to it, that indicator, its articles.
 */
export function scopeContent(db: Db, link: ResolvedShareLink, locale: OpenLocale): ScopeContent {
	const asOf = link.asOf;
	const indicators = listIndicators(db, null, { locale });
	const { type, target } = link.scope;
	switch (type) {
		case 'framework':
			return {
				country: null,
				actions: publishedActions(db, { asOf, locale }),
				indicators,
				articles: listArticles(db, locale).map((a) => a.number)
			};
		case 'article': {
			const n = Number(target);
			return {
				country: null,
				actions: publishedActions(db, { article: n, asOf, locale }),
				indicators: indicators.filter((i) => i.articles.includes(n)),
				articles: [n]
			};
		}
		case 'country': {
			const actions = publishedActions(db, { country: target, asOf, locale });
			return {
				country: target,
				actions,
				indicators,
				articles: [...new Set(actions.flatMap((a) => a.articles))].sort((a, b) => a - b)
			};
		}
		case 'indicator': {
			const ind = indicators.filter((i) => i.code === target);
			return {
				country: null,
				actions: publishedActions(db, { asOf, locale }).filter((a) =>
					a.indicators.includes(target)
				),
				indicators: ind,
				articles: ind[0]?.articles ?? []
			};
		}
	}
}

/**
 * An indicator a link may show, by code (any letter case), or null (unknown or out of scope).
 * Framework links: every indicator; article links: the indicators of their article; indicator
 * links: their own; country links: every indicator, for that country's values (`forCountry`,
 * only where the caller shows a country's values: open data, not the indicator pages).
 */
export function scopedIndicator(
	db: Db,
	link: ResolvedShareLink,
	code: string,
	locale: OpenLocale,
	opts: { forCountry?: boolean } = {}
): IndicatorRecord | null {
	const wanted = code.trim().toLowerCase();
	const ind = listIndicators(db, null, { locale }).find((i) => i.code.toLowerCase() === wanted);
	if (!ind) return null;
	if (link.scope.type === 'country') return opts.forCountry ? ind : null;
	return inScope(link.scope, { type: 'indicator', code: ind.code, articles: ind.articles })
		? ind
		: null;
}
