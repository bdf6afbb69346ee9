// Seeding: the declaration, its references, the crosswalk, countries and the starter
// indicator catalogue. Idempotent: existing rows are left as they are, so a second run
// (or a restart) changes nothing and never overwrites what admins have edited since.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	appMeta,
	article,
	articleReference,
	articleTranslation,
	country,
	framework,
	indicator,
	indicatorArticle,
	indicatorReference,
	indicatorTranslation,
	reference,
	referenceTranslation
} from '../db/schema';
import { allCountries } from '../declaration/countries';
import { parseDeclaration } from '$seed/declaration';
import {
	ARTICLE_META,
	CROSSWALK,
	GCM_OBJECTIVES,
	MEMBER_STATES,
	SDG_REFERENCES,
	STARTER_INDICATORS
} from '$seed/reference-data';

export const FRAMEWORK_SLUG = 'rcm-gcm';
const OTHER_LOCALES = ['es', 'fr'] as const;

export function declarationText(): string {
	const dir = resolve(process.env.AVANCE_SEED_DIR ?? 'seed');
	return readFileSync(resolve(dir, 'rcm-special-declaration-gcm.txt'), 'utf8');
}

/** True when the declaration has been seeded already. */
export function isSeeded(db: Db): boolean {
	return !!db
		.select({ id: framework.id })
		.from(framework)
		.where(eq(framework.slug, FRAMEWORK_SLUG))
		.get();
}

export function seedDatabase(db: Db, text: string = declarationText()): void {
	const parsed = parseDeclaration(text);
	db.transaction((tx) => {
		// Countries: every ISO country; the 11 RCM members flagged.
		for (const c of allCountries()) {
			tx.insert(country)
				.values({ ...c, member: MEMBER_STATES.includes(c.iso3) })
				.onConflictDoNothing()
				.run();
		}

		tx.insert(framework)
			.values({
				slug: FRAMEWORK_SLUG,
				title: parsed.title,
				preamble: parsed.preamble,
				source:
					'Special Declaration of the Regional Conference on Migration related to the Global Compact for Safe, Orderly and Regular Migration'
			})
			.onConflictDoNothing()
			.run();
		const fw = tx.select().from(framework).where(eq(framework.slug, FRAMEWORK_SLUG)).get()!;

		for (const a of parsed.articles) {
			const meta = ARTICLE_META.find((m) => m.number === a.number)!;
			tx.insert(article)
				.values({
					frameworkId: fw.id,
					number: a.number,
					title: meta.title.en,
					text: a.text,
					themes: meta.themes
				})
				.onConflictDoNothing()
				.run();
			const row = tx
				.select({ id: article.id })
				.from(article)
				.where(and(eq(article.frameworkId, fw.id), eq(article.number, a.number)))
				.get()!;
			for (const locale of OTHER_LOCALES) {
				tx.insert(articleTranslation)
					.values({ articleId: row.id, locale, title: meta.title[locale], text: null })
					.onConflictDoNothing()
					.run();
			}
		}

		// References: SDG targets and indicators, GCM objectives.
		const refIds = new Map<string, number>();
		const upsertRef = (
			kind: 'sdg_target' | 'sdg_indicator' | 'gcm_objective',
			code: string,
			title: { en: string; es: string; fr: string },
			short: { en: string; es: string; fr: string } | null,
			sortKey: number
		) => {
			tx.insert(reference)
				.values({ kind, code, title: title.en, shortTitle: short?.en ?? null, sortKey })
				.onConflictDoNothing()
				.run();
			const id = tx
				.select({ id: reference.id })
				.from(reference)
				.where(and(eq(reference.kind, kind), eq(reference.code, code)))
				.get()!.id;
			for (const locale of OTHER_LOCALES) {
				tx.insert(referenceTranslation)
					.values({
						referenceId: id,
						locale,
						title: title[locale],
						shortTitle: short?.[locale] ?? null
					})
					.onConflictDoNothing()
					.run();
			}
			refIds.set(`${kind}:${code}`, id);
			return id;
		};
		SDG_REFERENCES.forEach((r, i) =>
			upsertRef(r.kind === 'target' ? 'sdg_target' : 'sdg_indicator', r.code, r.title, null, i)
		);
		for (const o of GCM_OBJECTIVES) {
			upsertRef('gcm_objective', String(o.number), o.title, o.short, o.number);
		}
		const sdgId = (code: string) =>
			refIds.get(`sdg_indicator:${code}`) ?? refIds.get(`sdg_target:${code}`);

		const articleIds = new Map(
			tx
				.select({ id: article.id, number: article.number })
				.from(article)
				.where(eq(article.frameworkId, fw.id))
				.all()
				.map((a) => [a.number, a.id])
		);
		for (const row of CROSSWALK) {
			const articleId = articleIds.get(row.article)!;
			const ids = [
				...row.gcm.map((n) => refIds.get(`gcm_objective:${n}`)),
				...row.sdg.map(sdgId)
			].filter((x): x is number => typeof x === 'number');
			for (const referenceId of ids) {
				tx.insert(articleReference).values({ articleId, referenceId }).onConflictDoNothing().run();
			}
		}

		// The starter indicator catalogue (admins extend it).
		for (const s of STARTER_INDICATORS) {
			const existing = tx
				.select({ id: indicator.id })
				.from(indicator)
				.where(eq(indicator.code, s.code))
				.get();
			if (existing) continue;
			const created = tx
				.insert(indicator)
				.values({
					code: s.code,
					name: s.name.en,
					description: s.description.en,
					unit: s.unit,
					direction: s.direction,
					baselineYear: s.baselineYear,
					baselineValue: s.baselineValue,
					targetYear: s.targetYear,
					targetValue: s.targetValue,
					ceiling: s.ceiling,
					ceilingKey: s.ceilingKey ?? null,
					aggregation: s.aggregation ?? null,
					regional: s.regional ?? false,
					kind: s.kind ?? 'continuous',
					threshold: s.threshold ?? null,
					scaleMin: s.scaleMin,
					scaleMax: s.scaleMax,
					custodian: s.custodian,
					source: s.source,
					methodNotes: s.methodNotes
				})
				.returning({ id: indicator.id })
				.get();
			for (const locale of OTHER_LOCALES) {
				tx.insert(indicatorTranslation)
					.values({
						indicatorId: created.id,
						locale,
						name: s.name[locale],
						description: s.description[locale]
					})
					.run();
			}
			for (const n of s.articles) {
				tx.insert(indicatorArticle)
					.values({ indicatorId: created.id, articleId: articleIds.get(n)! })
					.onConflictDoNothing()
					.run();
			}
			const refs = [
				...s.sdg.map(sdgId),
				...s.gcm.map((n) => refIds.get(`gcm_objective:${n}`))
			].filter((x): x is number => typeof x === 'number');
			for (const referenceId of refs) {
				tx.insert(indicatorReference)
					.values({ indicatorId: created.id, referenceId })
					.onConflictDoNothing()
					.run();
			}
		}

		tx.insert(appMeta).values({ key: 'data_version', value: '1' }).onConflictDoNothing().run();
	});
}
