// The declaration and what it refers to: frameworks, articles, references (SDG, GCM),
// the article crosswalk, and countries.
import {
	sqliteTable,
	text,
	integer,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt, LOCALES } from './common';

export const framework = sqliteTable('framework', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	preamble: text('preamble').notNull().default(''),
	source: text('source').notNull().default(''),
	createdAt: createdAt()
});

export const article = sqliteTable(
	'article',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		frameworkId: integer('framework_id')
			.notNull()
			.references(() => framework.id),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		text: text('text').notNull(),
		themes: text('themes', { mode: 'json' }).$type<string[]>().notNull().default([]),
		version: integer('version').notNull().default(1),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('article_framework_number_uq').on(t.frameworkId, t.number)]
);

/** Title and text of an article in another language; English lives on `article`. */
export const articleTranslation = sqliteTable(
	'article_translation',
	{
		articleId: integer('article_id')
			.notNull()
			.references(() => article.id, { onDelete: 'cascade' }),
		locale: text('locale', { enum: LOCALES }).notNull(),
		title: text('title'),
		text: text('text'),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.articleId, t.locale] })]
);

export const REFERENCE_KINDS = ['sdg_target', 'sdg_indicator', 'gcm_objective'] as const;

export const reference = sqliteTable(
	'reference',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: REFERENCE_KINDS }).notNull(),
		code: text('code').notNull(),
		title: text('title').notNull(),
		shortTitle: text('short_title'),
		sortKey: integer('sort_key').notNull().default(0)
	},
	(t) => [uniqueIndex('reference_kind_code_uq').on(t.kind, t.code)]
);

export const referenceTranslation = sqliteTable(
	'reference_translation',
	{
		referenceId: integer('reference_id')
			.notNull()
			.references(() => reference.id, { onDelete: 'cascade' }),
		locale: text('locale', { enum: LOCALES }).notNull(),
		title: text('title'),
		shortTitle: text('short_title')
	},
	(t) => [primaryKey({ columns: [t.referenceId, t.locale] })]
);

export const articleReference = sqliteTable(
	'article_reference',
	{
		articleId: integer('article_id')
			.notNull()
			.references(() => article.id, { onDelete: 'cascade' }),
		referenceId: integer('reference_id')
			.notNull()
			.references(() => reference.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.articleId, t.referenceId] }),
		index('article_reference_reference_idx').on(t.referenceId)
	]
);

export const country = sqliteTable(
	'country',
	{
		iso3: text('iso3').primaryKey(),
		iso2: text('iso2').notNull(),
		m49: integer('m49').notNull(),
		member: integer('member', { mode: 'boolean' }).notNull().default(false),
		/** Two-level approval (issue 17 §6): focal points review submissions first. */
		nationalApproval: integer('national_approval', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('country_m49_uq').on(t.m49), index('country_member_idx').on(t.member)]
);

/** Small key/value store: data version (for ETags), seed markers. */
export const appMeta = sqliteTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
