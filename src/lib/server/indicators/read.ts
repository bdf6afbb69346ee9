// Reading the catalogue: every indicator, or one with its linked actions, as records carrying
// their articles, SDG/GCM references, translations (with the English fallback) and counts of
// observations. The catalogue itself is public to every reader, shared pages included.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { parseRanking } from '../import/ranking';
import type { Db } from '../db';
import {
	article,
	indicator,
	indicatorArticle,
	indicatorReference,
	indicatorTranslation,
	observation,
	reference,
	type Locale
} from '../db/schema';
import type { Actor } from '../auth/authz';
import { compareCodes, effectiveAggregation, indicatorByCode } from './rows';
import { listIndicatorActions } from './linked-actions';
import type { IndicatorDetail, IndicatorRecord, IndicatorRow, ReadOptions } from './types';

function links(db: Db, ids: number[]) {
	const articles = new Map<number, number[]>();
	const sdg = new Map<number, string[]>();
	const gcm = new Map<number, number[]>();
	const translations = new Map<number, IndicatorRecord['translations']>();
	if (ids.length === 0) return { articles, sdg, gcm, translations };
	for (const r of db
		.select({ id: indicatorArticle.indicatorId, n: article.number })
		.from(indicatorArticle)
		.innerJoin(article, eq(article.id, indicatorArticle.articleId))
		.where(inArray(indicatorArticle.indicatorId, ids))
		.orderBy(asc(article.number))
		.all()) {
		articles.set(r.id, [...(articles.get(r.id) ?? []), r.n]);
	}
	for (const r of db
		.select({ id: indicatorReference.indicatorId, kind: reference.kind, code: reference.code })
		.from(indicatorReference)
		.innerJoin(reference, eq(reference.id, indicatorReference.referenceId))
		.where(inArray(indicatorReference.indicatorId, ids))
		.orderBy(asc(reference.sortKey))
		.all()) {
		if (r.kind === 'gcm_objective') gcm.set(r.id, [...(gcm.get(r.id) ?? []), Number(r.code)]);
		else sdg.set(r.id, [...(sdg.get(r.id) ?? []), r.code]);
	}
	for (const r of db
		.select()
		.from(indicatorTranslation)
		.where(inArray(indicatorTranslation.indicatorId, ids))
		.all()) {
		if (r.locale === 'en') continue;
		const t = translations.get(r.indicatorId) ?? {};
		t[r.locale] = { name: r.name, description: r.description };
		translations.set(r.indicatorId, t);
	}
	return { articles, sdg, gcm, translations };
}

function counts(db: Db, ids: number[]) {
	const out = new Map<number, { n: number; latestYear: number | null }>();
	if (ids.length === 0) return out;
	for (const r of db
		.select({
			id: observation.indicatorId,
			n: sql<number>`count(*)`,
			latest: sql<number | null>`max(${observation.year})`
		})
		.from(observation)
		.where(inArray(observation.indicatorId, ids))
		.groupBy(observation.indicatorId)
		.all()) {
		out.set(r.id, { n: r.n, latestYear: r.latest });
	}
	return out;
}

function toRecords(db: Db, rows: IndicatorRow[], locale: Locale): IndicatorRecord[] {
	const ids = rows.map((r) => r.id);
	const l = links(db, ids);
	const c = counts(db, ids);
	return rows.map((r) => {
		const tr = l.translations.get(r.id) ?? {};
		const local = locale === 'en' ? null : tr[locale];
		return {
			id: r.id,
			code: r.code,
			name: local?.name || r.name,
			nameTranslated: locale === 'en' || !!local?.name,
			description: local?.description || r.description,
			unit: r.unit,
			direction: r.direction,
			baselineYear: r.baselineYear,
			baselineValue: r.baselineValue,
			targetYear: r.targetYear,
			targetValue: r.targetValue,
			ceiling: r.ceiling,
			ceilingKey: r.ceilingKey,
			aggregation: effectiveAggregation(r),
			aggregationSetting: r.aggregation,
			kind: r.kind,
			threshold: r.threshold,
			defaultMethod: r.defaultMethod,
			scaleMin: r.scaleMin,
			scaleMax: r.scaleMax,
			articles: l.articles.get(r.id) ?? [],
			sdg: l.sdg.get(r.id) ?? [],
			gcm: l.gcm.get(r.id) ?? [],
			custodian: r.custodian,
			source: r.source,
			methodNotes: r.methodNotes,
			sourceRanking: parseRanking(r.sourceRanking),
			regional: r.regional,
			outlierMads: r.outlierMads,
			outlierJumpPercent: r.outlierJumpPercent,
			translations: tr,
			version: r.version,
			updatedAt: r.updatedAt.toISOString(),
			observationCount: c.get(r.id)?.n ?? 0,
			latestYear: c.get(r.id)?.latestYear ?? null
		};
	});
}

export function listIndicators(
	db: Db,
	actor: Actor | null,
	opts: ReadOptions = {}
): IndicatorRecord[] {
	void actor; // the catalogue itself is public to every reader, shared pages included
	const rows = db.select().from(indicator).all();
	return toRecords(db, rows, opts.locale ?? 'en').sort((a, b) => compareCodes(a.code, b.code));
}

export function getIndicator(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ReadOptions = {}
): IndicatorDetail {
	const row = indicatorByCode(db, code);
	const [record] = toRecords(db, [row], opts.locale ?? 'en');
	return { ...record, actions: listIndicatorActions(db, actor, row.code, opts) };
}
