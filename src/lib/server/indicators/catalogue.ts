// The indicator catalogue (DESIGN §2, issue 4 §1): list, read, create and edit indicators with
// their articles, SDG/GCM references and translations; the actions linked to an indicator (§6).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { parseRanking } from '../import/ranking';
import type { Db } from '../db';
import {
	action,
	actionIndicator,
	article,
	framework,
	indicator,
	indicatorArticle,
	indicatorReference,
	indicatorTranslation,
	observation,
	reference,
	type ActionStatus,
	type Locale,
	type ReviewState
} from '../db/schema';
import { assert, canReadDrafts, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, invalid, notFound, unauthorized } from '../http/errors';
import { FRAMEWORK_SLUG } from '../seed/seed';
import { countryName } from '../declaration/countries';
import type { IndicatorCreateInput, IndicatorUpdateInput } from '$lib/schemas/indicators';
import type { Direction, IndicatorInput } from '$lib/progress';

export type IndicatorRow = typeof indicator.$inferSelect;

export interface IndicatorRecord {
	id: number;
	code: string;
	name: string;
	/** false when the name shown is the English fallback of a missing translation. */
	nameTranslated: boolean;
	description: string;
	unit: string;
	direction: Direction;
	baselineYear: number | null;
	baselineValue: number | null;
	targetYear: number | null;
	targetValue: number | null;
	ceiling: number | null;
	/** The disaggregation key the ceiling applies to (`corridor`); null: every disaggregate. */
	ceilingKey: string | null;
	/** How disaggregates combine without a headline (stored, else by unit). */
	aggregation: 'mean' | 'sum';
	/** The stored aggregation; null when it follows the unit. */
	aggregationSetting: 'mean' | 'sum' | null;
	kind: 'continuous' | 'threshold';
	threshold: number | null;
	/** The indicator's default progress method; null: the site's. */
	defaultMethod: IndicatorRow['defaultMethod'];
	scaleMin: number | null;
	scaleMax: number | null;
	articles: number[];
	sdg: string[];
	gcm: number[];
	custodian: string;
	source: string;
	methodNotes: string;
	/** Sources in order of preference, best first (issue 15). */
	sourceRanking: string[];
	translations: Partial<Record<'es' | 'fr', { name: string | null; description: string | null }>>;
	version: number;
	updatedAt: string;
	/** Observations recorded (all countries, all states). */
	observationCount: number;
	/** Latest year with any observation, or null. */
	latestYear: number | null;
}

export interface LinkedAction {
	id: number;
	title: string;
	country: string | null;
	countryName: string | null;
	status: ActionStatus;
	percentComplete: number;
	reviewState: ReviewState;
}

export interface IndicatorDetail extends IndicatorRecord {
	actions: LinkedAction[];
}

export interface ReadOptions {
	locale?: Locale;
	/** Shared pages: only validated data (linked actions in their validated version). */
	validatedOnly?: boolean;
}

function allowRead(actor: Actor | null, opts: ReadOptions) {
	if (!actor && !opts.validatedOnly) throw unauthorized();
}

/** The row of an indicator by code (case-insensitive for SDG letters), or 404. */
export function indicatorByCode(db: Pick<Db, 'select'>, code: string): IndicatorRow {
	const trimmed = code.trim();
	const row =
		db.select().from(indicator).where(eq(indicator.code, trimmed)).get() ??
		db.select().from(indicator).where(eq(indicator.code, trimmed.toLowerCase())).get() ??
		db
			.select()
			.from(indicator)
			.where(sql`lower(${indicator.code}) = ${trimmed.toLowerCase()}`)
			.get();
	if (!row) throw notFound(`There is no indicator with the code ${trimmed}.`);
	return row;
}

/** What the pure progress functions need to know about an indicator. */
export function progressInput(row: IndicatorRow): IndicatorInput {
	return {
		code: row.code,
		direction: row.direction,
		baselineYear: row.baselineYear,
		baselineValue: row.baselineValue,
		targetYear: row.targetYear,
		targetValue: row.targetValue,
		ceiling: row.ceiling,
		ceilingKey: row.ceilingKey,
		aggregation: effectiveAggregation(row),
		kind: row.kind,
		threshold: row.threshold
	};
}

/** The indicator's aggregation, else by unit: counts sum, rates, scores and percentages average. */
export function effectiveAggregation(row: Pick<IndicatorRow, 'aggregation' | 'unit'>) {
	return row.aggregation ?? (row.unit === 'count' ? 'sum' : 'mean');
}

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
			translations: tr,
			version: r.version,
			updatedAt: r.updatedAt.toISOString(),
			observationCount: c.get(r.id)?.n ?? 0,
			latestYear: c.get(r.id)?.latestYear ?? null
		};
	});
}

/** Natural order of codes: 8.8.1 < 10.7.2 < 10.c.1 < 17.3.2 < RCM-1. */
export function compareCodes(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
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

/**
 * The actions linked to an indicator (table action_indicator), not deleted. Where the reader may
 * not see drafts of the action's country (or with validatedOnly), the validated version is shown,
 * and actions never validated are left out.
 */
export function listIndicatorActions(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ReadOptions = {}
): LinkedAction[] {
	allowRead(actor, opts);
	const row = indicatorByCode(db, code);
	const rows = db
		.select({
			id: action.id,
			title: action.title,
			country: action.countryIso3,
			status: action.status,
			percentComplete: action.percentComplete,
			reviewState: action.reviewState,
			validated: action.validated
		})
		.from(actionIndicator)
		.innerJoin(action, eq(action.id, actionIndicator.actionId))
		.where(and(eq(actionIndicator.indicatorId, row.id), isNull(action.deletedAt)))
		.orderBy(asc(action.countryIso3), asc(action.title))
		.all();
	const out: LinkedAction[] = [];
	const locale = opts.locale ?? 'en';
	for (const r of rows) {
		const working = !opts.validatedOnly && canReadDrafts(actor, r.country);
		let view = { title: r.title, status: r.status, percentComplete: r.percentComplete };
		if (!working) {
			if (r.reviewState === 'validated') {
				// the record itself is the validated version
			} else if (r.validated) {
				const v = r.validated as Partial<typeof view>;
				view = {
					title: typeof v.title === 'string' ? v.title : r.title,
					status: (v.status as ActionStatus) ?? r.status,
					percentComplete:
						typeof v.percentComplete === 'number' ? v.percentComplete : r.percentComplete
				};
			} else continue;
		}
		out.push({
			id: r.id,
			...view,
			country: r.country,
			countryName: r.country ? countryName(r.country, locale) : null,
			reviewState: working ? r.reviewState : 'validated'
		});
	}
	return out;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function articleIdsFor(tx: Tx, numbers: number[]): number[] {
	if (numbers.length === 0) return [];
	const rows = tx
		.select({ id: article.id, n: article.number })
		.from(article)
		.innerJoin(framework, eq(framework.id, article.frameworkId))
		.where(and(eq(framework.slug, FRAMEWORK_SLUG), inArray(article.number, numbers)))
		.all();
	return rows.map((r) => r.id);
}

function referenceIdsFor(tx: Tx, sdg: string[], gcm: number[]): number[] {
	const ids: number[] = [];
	const issues: { path: string; message: string }[] = [];
	sdg.forEach((code, i) => {
		const hit = tx
			.select({ id: reference.id })
			.from(reference)
			.where(
				and(inArray(reference.kind, ['sdg_target', 'sdg_indicator']), eq(reference.code, code))
			)
			.get();
		if (hit) ids.push(hit.id);
		else issues.push({ path: `sdg.${i}`, message: `There is no SDG reference ${code}.` });
	});
	for (const n of gcm) {
		const hit = tx
			.select({ id: reference.id })
			.from(reference)
			.where(and(eq(reference.kind, 'gcm_objective'), eq(reference.code, String(n))))
			.get();
		if (hit) ids.push(hit.id);
	}
	if (issues.length > 0) throw invalid('Some references are not known.', issues);
	return [...new Set(ids)];
}

function writeLinks(
	tx: Tx,
	id: number,
	input: {
		articles?: number[];
		sdg?: string[];
		gcm?: number[];
		translations?: IndicatorCreateInput['translations'];
	},
	current?: { sdg: string[]; gcm: number[] }
) {
	if (input.articles) {
		tx.delete(indicatorArticle).where(eq(indicatorArticle.indicatorId, id)).run();
		for (const articleId of articleIdsFor(tx, [...new Set(input.articles)])) {
			tx.insert(indicatorArticle).values({ indicatorId: id, articleId }).run();
		}
	}
	if (input.sdg || input.gcm) {
		const refs = referenceIdsFor(
			tx,
			input.sdg ?? current?.sdg ?? [],
			input.gcm ?? current?.gcm ?? []
		);
		tx.delete(indicatorReference).where(eq(indicatorReference.indicatorId, id)).run();
		for (const referenceId of refs) {
			tx.insert(indicatorReference).values({ indicatorId: id, referenceId }).run();
		}
	}
	for (const locale of ['es', 'fr'] as const) {
		const t = input.translations?.[locale];
		if (!t) continue;
		tx.insert(indicatorTranslation)
			.values({
				indicatorId: id,
				locale,
				name: t.name || null,
				description: t.description || null
			})
			.onConflictDoUpdate({
				target: [indicatorTranslation.indicatorId, indicatorTranslation.locale],
				set: {
					...(t.name !== undefined ? { name: t.name || null } : {}),
					...(t.description !== undefined ? { description: t.description || null } : {})
				}
			})
			.run();
	}
}

function checkRanges(v: {
	baselineYear: number | null;
	targetYear: number | null;
	targetValue: number | null;
	scaleMin: number | null;
	scaleMax: number | null;
}) {
	const issues: { path: string; message: string }[] = [];
	if (v.targetYear !== null && v.targetValue === null)
		issues.push({ path: 'targetValue', message: 'Give the target value too.' });
	if (v.baselineYear !== null && v.targetYear !== null && v.targetYear <= v.baselineYear)
		issues.push({
			path: 'targetYear',
			message: 'The target year must come after the baseline year.'
		});
	if (v.scaleMin !== null && v.scaleMax !== null && v.scaleMax <= v.scaleMin)
		issues.push({ path: 'scaleMax', message: 'The top of the scale must be above its bottom.' });
	if (issues.length > 0) throw invalid('Some fields are not valid.', issues);
}

export function createIndicator(
	db: Db,
	actor: Actor | null,
	input: IndicatorCreateInput
): IndicatorDetail {
	assert.manageIndicators(actor);
	const code = input.code;
	db.transaction((tx) => {
		const clash = tx
			.select({ id: indicator.id })
			.from(indicator)
			.where(sql`lower(${indicator.code}) = ${code.toLowerCase()}`)
			.get();
		if (clash) throw conflict(`An indicator with the code ${code} already exists.`);
		const created = tx
			.insert(indicator)
			.values({
				code,
				name: input.name,
				description: input.description,
				unit: input.unit,
				direction: input.direction,
				baselineYear: input.baselineYear,
				baselineValue: input.baselineValue,
				targetYear: input.targetYear,
				targetValue: input.targetValue,
				ceiling: input.ceiling,
				ceilingKey: input.ceilingKey,
				aggregation: input.aggregation,
				kind: input.kind,
				threshold: input.threshold,
				defaultMethod: input.defaultMethod,
				scaleMin: input.scaleMin,
				scaleMax: input.scaleMax,
				custodian: input.custodian,
				source: input.source,
				methodNotes: input.methodNotes
			})
			.returning()
			.get();
		writeLinks(tx, created.id, input);
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'indicator',
			entityId: created.id,
			operation: 'create',
			after: { ...created, articles: input.articles, sdg: input.sdg, gcm: input.gcm }
		});
	});
	return getIndicator(db, actor, code);
}

export function updateIndicator(
	db: Db,
	actor: Actor | null,
	code: string,
	input: IndicatorUpdateInput
): IndicatorDetail {
	assert.manageIndicators(actor);
	const current = indicatorByCode(db, code);
	const before = getIndicator(db, actor, current.code);
	db.transaction((tx) => {
		const row = tx.select().from(indicator).where(eq(indicator.id, current.id)).get()!;
		if (row.version !== input.version) {
			throw conflict(
				'Someone else changed this indicator since you opened it. Review the current version and apply your change again.',
				{ current: before }
			);
		}
		const { version: _version, articles, sdg, gcm, translations, ...fields } = input;
		void _version;
		const next = { ...row, ...fields };
		checkRanges(next);
		const updated = tx
			.update(indicator)
			.set({ ...fields, version: row.version + 1, updatedAt: new Date() })
			.where(and(eq(indicator.id, row.id), eq(indicator.version, input.version)))
			.returning()
			.get();
		writeLinks(tx, row.id, { articles, sdg, gcm, translations }, before);
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'indicator',
			entityId: row.id,
			operation: 'update',
			before: { ...row, articles: before.articles, sdg: before.sdg, gcm: before.gcm },
			after: {
				...updated,
				articles: articles ?? before.articles,
				sdg: sdg ?? before.sdg,
				gcm: gcm ?? before.gcm
			}
		});
	});
	return getIndicator(db, actor, current.code);
}
