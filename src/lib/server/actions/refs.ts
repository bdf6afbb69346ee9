// The references an action's write names (its country, articles and indicators): checked to exist
// (a 422 naming each unknown one) and resolved to ids, and the link rows replaced inside the
// write's transaction. Used by the one write path (write.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { actionArticle, actionIndicator, article, country, indicator } from '../db/schema';
import { invalid, type FieldIssue } from '../http/errors';
import { getFramework } from '../declaration/articles';
import type { Tx } from './records';

/** The ids of an action's articles and indicators, when the write names them. */
export interface Resolved {
	articleIds?: number[];
	indicatorIds?: number[];
}

/** Resolves the references of an action's write; throws a 422 naming each unknown one. */
export function resolveRefs(
	db: Db,
	input: { country?: string | null; articles?: number[]; indicators?: string[] }
): Resolved {
	const issues: FieldIssue[] = [];
	const out: Resolved = {};
	if (input.country) {
		const c = db.select().from(country).where(eq(country.iso3, input.country)).get();
		if (!c || !c.member) {
			issues.push({
				path: 'country',
				message: `${input.country} is not a member state of the RCM; use a member's code or null for a regional action.`
			});
		}
	}
	if (input.articles) {
		const fw = getFramework(db);
		const wanted = [...new Set(input.articles)];
		const rows = wanted.length
			? db
					.select({ id: article.id, number: article.number })
					.from(article)
					.where(and(eq(article.frameworkId, fw.id), inArray(article.number, wanted)))
					.all()
			: [];
		const missing = wanted.filter((n) => !rows.some((r) => r.number === n));
		if (missing.length) {
			issues.push({
				path: 'articles',
				message: `No article ${missing.join(', ')}; the declaration has articles 1 to 18.`
			});
		}
		out.articleIds = rows.map((r) => r.id);
	}
	if (input.indicators) {
		const wanted = [...new Set(input.indicators)];
		const rows = wanted.length
			? db
					.select({ id: indicator.id, code: indicator.code })
					.from(indicator)
					.where(inArray(indicator.code, wanted))
					.all()
			: [];
		const missing = wanted.filter((c) => !rows.some((r) => r.code === c));
		if (missing.length) {
			issues.push({ path: 'indicators', message: `Unknown indicator ${missing.join(', ')}.` });
		}
		out.indicatorIds = rows.map((r) => r.id);
	}
	if (issues.length) throw invalid('Some fields are not valid.', issues);
	return out;
}

/** Replaces the article and indicator links the write names (others are left as they are). */
export function replaceLinks(tx: Tx, id: number, refs: Resolved): void {
	if (refs.articleIds) {
		tx.delete(actionArticle).where(eq(actionArticle.actionId, id)).run();
		for (const articleId of refs.articleIds)
			tx.insert(actionArticle).values({ actionId: id, articleId }).run();
	}
	if (refs.indicatorIds) {
		tx.delete(actionIndicator).where(eq(actionIndicator.actionId, id)).run();
		for (const indicatorId of refs.indicatorIds)
			tx.insert(actionIndicator).values({ actionId: id, indicatorId }).run();
	}
}
