// Implementation actions, their links to articles and indicators, timeline updates and evidence.
import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt, REVIEW_STATES, LOCALES } from './common';
import { article, country, framework } from './framework';
import { indicator } from './indicators';
import { user } from './auth';

import { ACTION_STATUSES, EVIDENCE_KINDS, EVIDENCE_TARGETS } from '../../../domain';
export { ACTION_STATUSES, EVIDENCE_KINDS, EVIDENCE_TARGETS };
export type { ActionStatus, EvidenceKind, EvidenceTarget } from '../../../domain';

export const action = sqliteTable(
	'action',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		frameworkId: integer('framework_id')
			.notNull()
			.references(() => framework.id),
		countryIso3: text('country_iso3').references(() => country.iso3),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		leadAgency: text('lead_agency').notNull().default(''),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('planned'),
		percentComplete: integer('percent_complete').notNull().default(0),
		startDate: text('start_date'),
		dueDate: text('due_date'),
		completedOn: text('completed_on'),
		language: text('language', { enum: LOCALES }).notNull().default('en'),
		reviewState: text('review_state', { enum: REVIEW_STATES }).notNull().default('draft'),
		reviewComment: text('review_comment'),
		/** The last validated version of the record, shown on shared pages while an edit waits. */
		validated: text('validated', { mode: 'json' }).$type<Record<string, unknown> | null>(),
		validatedAt: integer('validated_at', { mode: 'timestamp_ms' }),
		version: integer('version').notNull().default(1),
		createdBy: text('created_by').references(() => user.id),
		updatedBy: text('updated_by').references(() => user.id),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
		deletedBy: text('deleted_by').references(() => user.id)
	},
	(t) => [
		index('action_country_idx').on(t.countryIso3, t.status),
		index('action_status_idx').on(t.status),
		index('action_due_idx').on(t.dueDate),
		index('action_review_idx')
			.on(t.reviewState)
			.where(sql`${t.reviewState} != 'validated'`),
		index('action_updated_idx').on(t.updatedAt)
	]
);

export const actionArticle = sqliteTable(
	'action_article',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => action.id, { onDelete: 'cascade' }),
		articleId: integer('article_id')
			.notNull()
			.references(() => article.id)
	},
	(t) => [
		primaryKey({ columns: [t.actionId, t.articleId] }),
		index('action_article_article_idx').on(t.articleId, t.actionId)
	]
);

export const actionIndicator = sqliteTable(
	'action_indicator',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => action.id, { onDelete: 'cascade' }),
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.actionId, t.indicatorId] }),
		index('action_indicator_indicator_idx').on(t.indicatorId, t.actionId)
	]
);

export const actionUpdate = sqliteTable(
	'action_update',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actionId: integer('action_id')
			.notNull()
			.references(() => action.id, { onDelete: 'cascade' }),
		date: text('date').notNull(),
		note: text('note').notNull().default(''),
		status: text('status', { enum: ACTION_STATUSES }),
		percentComplete: integer('percent_complete'),
		language: text('language', { enum: LOCALES }).notNull().default('en'),
		authorId: text('author_id').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [
		index('action_update_action_idx').on(t.actionId, t.date),
		index('action_update_created_idx').on(t.createdAt, t.id)
	]
);

export const evidence = sqliteTable(
	'evidence',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		url: text('url').notNull(),
		urlNormalized: text('url_normalized').notNull(),
		title: text('title').notNull(),
		kind: text('kind', { enum: EVIDENCE_KINDS }).notNull().default('other'),
		publishedOn: text('published_on'),
		note: text('note'),
		targetType: text('target_type', { enum: EVIDENCE_TARGETS }).notNull(),
		targetId: integer('target_id').notNull(),
		/** Country the evidence belongs to (from its target), for permissions and filters. */
		countryIso3: text('country_iso3').references(() => country.iso3),
		createdBy: text('created_by').references(() => user.id),
		createdAt: createdAt(),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('evidence_target_idx').on(t.targetType, t.targetId),
		uniqueIndex('evidence_target_url_uq')
			.on(t.targetType, t.targetId, t.urlNormalized)
			.where(sql`${t.deletedAt} is null`),
		index('evidence_created_idx').on(t.createdAt)
	]
);
