// Creating and editing indicators (admins): their fields, articles, SDG/GCM references and
// translations, checked (codes unique, ranges in order, references known), versioned and
// audited in one transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	article,
	framework,
	indicator,
	indicatorArticle,
	indicatorReference,
	indicatorTranslation,
	reference
} from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { conflict, invalid } from '../http/errors';
import { FRAMEWORK_SLUG } from '../seed/seed';
import type { IndicatorCreateInput, IndicatorUpdateInput } from '$lib/schemas/indicators';
import { indicatorByCode } from './rows';
import { getIndicator } from './read';
import type { IndicatorDetail } from './types';

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
				outlierMads: input.outlierMads,
				outlierJumpPercent: input.outlierJumpPercent,
				custodian: input.custodian,
				source: input.source,
				methodNotes: input.methodNotes,
				regional: input.regional
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
