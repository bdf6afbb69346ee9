// Translations of content (issue 6): article short titles and texts, indicator names and
// descriptions, reference items (SDG targets and indicators, GCM objectives). English lives on
// the record; Spanish and French in the *_translation tables, entered by admins side by side
// with the English. An empty translation means "show the English, marked".
//
// The translation tables carry no version column, so the version an editor saw is a digest
// of the translated texts themselves: saving with a stale one is a 409 conflict that changes
// nothing and answers the current texts.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	article,
	articleTranslation,
	indicator,
	indicatorTranslation,
	reference,
	referenceTranslation
} from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { badRequest, conflict, invalid, notFound, type FieldIssue } from '../http/errors';
import { getFramework } from '../declaration/articles';
import {
	translationKindSchema,
	TRANSLATED_LOCALES,
	type SaveTranslationsInput,
	type TranslatedLocale,
	type TranslationField,
	type TranslationKind
} from '$lib/schemas/translations';

export type TranslationStatus = 'complete' | 'partial' | 'missing';

export interface TranslatableField {
	field: TranslationField;
	/** The English text (the fallback). */
	english: string;
	/** Long texts get a text area. */
	long: boolean;
	values: Record<TranslatedLocale, string | null>;
}

export interface TranslatableItem {
	kind: TranslationKind;
	/** Article number, indicator code, or reference id. */
	key: string;
	/** For references: sdg_target, sdg_indicator or gcm_objective; else null. */
	referenceKind: 'sdg_target' | 'sdg_indicator' | 'gcm_objective' | null;
	/** The code shown beside the item: '1' (article), '10.c.1', '11' (GCM objective). */
	code: string;
	fields: TranslatableField[];
	status: Record<TranslatedLocale, TranslationStatus>;
	version: string;
}

type Values = Record<TranslatedLocale, Partial<Record<TranslationField, string | null>>>;

function digest(fields: TranslatableField[]): string {
	const data = fields.map((f) => [f.field, f.values.es, f.values.fr]);
	return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}

function statusOf(fields: TranslatableField[], locale: TranslatedLocale): TranslationStatus {
	const wanted = fields.filter((f) => f.english.trim() !== '');
	const done = wanted.filter((f) => f.values[locale]);
	if (done.length === 0) return 'missing';
	return done.length === wanted.length ? 'complete' : 'partial';
}

function finish(item: Omit<TranslatableItem, 'status' | 'version'>): TranslatableItem {
	return {
		...item,
		status: { es: statusOf(item.fields, 'es'), fr: statusOf(item.fields, 'fr') },
		version: digest(item.fields)
	};
}

function byLocale<T extends { locale: string }>(rows: T[], id: (r: T) => number) {
	const map = new Map<number, Partial<Record<TranslatedLocale, T>>>();
	for (const r of rows) {
		if (r.locale !== 'es' && r.locale !== 'fr') continue;
		const entry = map.get(id(r)) ?? {};
		entry[r.locale] = r;
		map.set(id(r), entry);
	}
	return map;
}

function field(
	name: TranslationField,
	english: string,
	long: boolean,
	tr: Partial<Record<TranslatedLocale, Record<string, unknown>>> | undefined
): TranslatableField {
	const value = (l: TranslatedLocale) => {
		const v = tr?.[l]?.[name];
		return typeof v === 'string' && v !== '' ? v : null;
	};
	return { field: name, english, long, values: { es: value('es'), fr: value('fr') } };
}

function articleItems(db: Db, only?: number): TranslatableItem[] {
	const fw = getFramework(db);
	const rows = db
		.select()
		.from(article)
		.where(
			only === undefined
				? eq(article.frameworkId, fw.id)
				: and(eq(article.frameworkId, fw.id), eq(article.number, only))
		)
		.orderBy(asc(article.number))
		.all();
	const tr = byLocale(db.select().from(articleTranslation).all(), (r) => r.articleId);
	return rows.map((a) =>
		finish({
			kind: 'articles',
			key: String(a.number),
			referenceKind: null,
			code: String(a.number),
			fields: [
				field('title', a.title, false, tr.get(a.id)),
				field('text', a.text, true, tr.get(a.id))
			]
		})
	);
}

function indicatorItems(db: Db, only?: string): TranslatableItem[] {
	const rows = db
		.select()
		.from(indicator)
		.where(only === undefined ? undefined : eq(indicator.code, only))
		.orderBy(asc(indicator.code))
		.all();
	const tr = byLocale(db.select().from(indicatorTranslation).all(), (r) => r.indicatorId);
	return rows.map((i) =>
		finish({
			kind: 'indicators',
			key: i.code,
			referenceKind: null,
			code: i.code,
			fields: [
				field('name', i.name, false, tr.get(i.id)),
				field('description', i.description, true, tr.get(i.id))
			]
		})
	);
}

function referenceItems(db: Db, only?: number): TranslatableItem[] {
	const rows = db
		.select()
		.from(reference)
		.where(only === undefined ? undefined : eq(reference.id, only))
		.orderBy(asc(reference.kind), asc(reference.sortKey), asc(reference.code))
		.all();
	const tr = byLocale(db.select().from(referenceTranslation).all(), (r) => r.referenceId);
	return rows.map((r) => {
		const fields = [field('title', r.title, r.title.length > 120, tr.get(r.id))];
		if (r.shortTitle) fields.push(field('shortTitle', r.shortTitle, false, tr.get(r.id)));
		return finish({
			kind: 'references',
			key: String(r.id),
			referenceKind: r.kind,
			code: r.code,
			fields
		});
	});
}

function items(db: Db, kind: TranslationKind, key?: string): TranslatableItem[] {
	if (kind === 'articles') {
		const n = key === undefined ? undefined : Number(key);
		if (n !== undefined && !Number.isInteger(n)) return [];
		return articleItems(db, n);
	}
	if (kind === 'indicators') return indicatorItems(db, key);
	const id = key === undefined ? undefined : Number(key);
	if (id !== undefined && !Number.isInteger(id)) return [];
	return referenceItems(db, id);
}

/** `articles`, `indicators` or `references` from a URL segment, or 400. */
export function translationKindOf(raw: string | undefined): TranslationKind {
	const kind = translationKindSchema.safeParse(raw);
	if (!kind.success) {
		throw badRequest('Translations are of articles, indicators or references.', [
			{ path: 'kind', message: 'Use articles, indicators or references.' }
		]);
	}
	return kind.data;
}

/** Everything of a kind that can be translated, with its English and its translations. Admins. */
export function listTranslatables(
	db: Db,
	actor: Actor | null,
	kind: TranslationKind
): TranslatableItem[] {
	assert.admin(actor);
	return items(db, kind);
}

/** One translatable item. Admins. */
export function getTranslatable(
	db: Db,
	actor: Actor | null,
	kind: TranslationKind,
	key: string
): TranslatableItem {
	assert.admin(actor);
	const found = items(db, kind, key)[0];
	if (!found) throw notFound(`There is nothing to translate at ${kind}/${key}.`);
	return found;
}

function idOf(db: Pick<Db, 'select'>, kind: TranslationKind, key: string): number {
	if (kind === 'articles') {
		const fw = getFramework(db as Db);
		const row = db
			.select({ id: article.id })
			.from(article)
			.where(and(eq(article.frameworkId, fw.id), eq(article.number, Number(key))))
			.get();
		return row!.id;
	}
	if (kind === 'indicators') {
		return db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, key)).get()!.id;
	}
	return Number(key);
}

/**
 * Saves the Spanish and French texts of one item: fields left out stay as they are, an empty
 * one is removed (the English shows, marked). A stale `version` → 409 with the current item.
 */
export function saveTranslations(
	db: Db,
	actor: Actor | null,
	kind: TranslationKind,
	key: string,
	input: SaveTranslationsInput
): TranslatableItem {
	assert.admin(actor);
	const me = actor as Actor;
	return db.transaction((tx) => {
		const current = items(tx as unknown as Db, kind, key)[0];
		if (!current) throw notFound(`There is nothing to translate at ${kind}/${key}.`);
		const allowed = new Set(current.fields.map((f) => f.field));
		const issues: FieldIssue[] = [];
		for (const locale of TRANSLATED_LOCALES) {
			for (const name of Object.keys(input.values[locale] ?? {})) {
				if (!allowed.has(name as TranslationField)) {
					issues.push({
						path: `values.${locale}.${name}`,
						message: `${kind} have no field ${name} to translate.`
					});
				}
			}
		}
		if (issues.length) throw invalid('Some fields are not valid.', issues);
		if (input.version !== current.version) {
			throw conflict(
				'These translations were changed by someone else since you opened them. Nothing was saved; the current texts are in the details.',
				current
			);
		}
		const before: Values = { es: {}, fr: {} };
		const after: Values = { es: {}, fr: {} };
		const next: Values = { es: {}, fr: {} };
		let changed = false;
		for (const locale of TRANSLATED_LOCALES) {
			for (const f of current.fields) {
				const given = input.values[locale]?.[f.field];
				const value = given === undefined ? f.values[locale] : given;
				next[locale][f.field] = value;
				if (value !== f.values[locale]) {
					before[locale][f.field] = f.values[locale];
					after[locale][f.field] = value;
					changed = true;
				}
			}
		}
		if (!changed) return current;
		const id = idOf(tx, kind, key);
		for (const locale of TRANSLATED_LOCALES) {
			if (Object.keys(after[locale]).length === 0) continue;
			const v = next[locale];
			if (kind === 'articles') {
				const row = { title: v.title ?? null, text: v.text ?? null };
				tx.insert(articleTranslation)
					.values({ articleId: id, locale, ...row })
					.onConflictDoUpdate({
						target: [articleTranslation.articleId, articleTranslation.locale],
						set: { ...row, updatedAt: new Date() }
					})
					.run();
			} else if (kind === 'indicators') {
				const row = { name: v.name ?? null, description: v.description ?? null };
				tx.insert(indicatorTranslation)
					.values({ indicatorId: id, locale, ...row })
					.onConflictDoUpdate({
						target: [indicatorTranslation.indicatorId, indicatorTranslation.locale],
						set: row
					})
					.run();
			} else {
				const row = { title: v.title ?? null, shortTitle: v.shortTitle ?? null };
				tx.insert(referenceTranslation)
					.values({ referenceId: id, locale, ...row })
					.onConflictDoUpdate({
						target: [referenceTranslation.referenceId, referenceTranslation.locale],
						set: row
					})
					.run();
			}
		}
		recordAudit(tx, {
			userId: me.id,
			entity: kind === 'articles' ? 'article' : kind === 'indicators' ? 'indicator' : 'reference',
			entityId: key,
			operation: 'translate',
			before,
			after
		});
		return items(tx as unknown as Db, kind, key)[0]!;
	});
}
