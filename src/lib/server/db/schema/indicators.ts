// Indicators, their links to articles and references, observations, and import runs.
import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	real,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt, LOCALES, REVIEW_STATES } from './common';
import { article, country, reference } from './framework';
import { user } from './auth';

import {
	INDICATOR_AGGREGATIONS as AGGREGATIONS,
	INDICATOR_DIRECTIONS as DIRECTIONS,
	INDICATOR_KINDS,
	OBSERVATION_STATUSES,
	PROGRESS_METHODS
} from '../../../domain';
export { AGGREGATIONS, DIRECTIONS, INDICATOR_KINDS, OBSERVATION_STATUSES, PROGRESS_METHODS };

export const indicator = sqliteTable('indicator', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	unit: text('unit').notNull(),
	direction: text('direction', { enum: DIRECTIONS }).notNull(),
	baselineYear: integer('baseline_year'),
	baselineValue: real('baseline_value'),
	targetYear: integer('target_year'),
	targetValue: real('target_value'),
	ceiling: real('ceiling'),
	/** The disaggregation key the ceiling applies to (`corridor`); null: every disaggregate. */
	ceilingKey: text('ceiling_key'),
	aggregation: text('aggregation', { enum: AGGREGATIONS }),
	kind: text('kind', { enum: INDICATOR_KINDS }).notNull().default('continuous'),
	/** kind threshold: the value to reach (≥ when higher is better). */
	threshold: real('threshold'),
	/** The method verdicts use by default; null: the site's default. */
	defaultMethod: text('default_method', { enum: PROGRESS_METHODS }),
	scaleMin: real('scale_min'),
	scaleMax: real('scale_max'),
	custodian: text('custodian').notNull().default(''),
	source: text('source').notNull().default(''),
	methodNotes: text('method_notes').notNull().default(''),
	/** Sources in order of preference, best first (JSON array of names, issue 15). */
	sourceRanking: text('source_ranking').notNull().default('[]'),
	/** Accepts series of M49 regions (`013` Central America) besides members and the RCM. */
	regional: integer('regional', { mode: 'boolean' }).notNull().default(false),
	/** Outliers (issue 15 §7): flag a value this many MADs from its series' median; null: 3, 0: off. */
	outlierMads: real('outlier_mads'),
	/** … or a jump of more than this % from the period before; null: 50, 0: off. */
	outlierJumpPercent: real('outlier_jump_percent'),
	version: integer('version').notNull().default(1),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const indicatorTranslation = sqliteTable(
	'indicator_translation',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		locale: text('locale', { enum: LOCALES }).notNull(),
		name: text('name'),
		description: text('description')
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.locale] })]
);

export const indicatorArticle = sqliteTable(
	'indicator_article',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		articleId: integer('article_id')
			.notNull()
			.references(() => article.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.indicatorId, t.articleId] }),
		index('indicator_article_article_idx').on(t.articleId)
	]
);

export const indicatorReference = sqliteTable(
	'indicator_reference',
	{
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		referenceId: integer('reference_id')
			.notNull()
			.references(() => reference.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.indicatorId, t.referenceId] })]
);

export const importRun = sqliteTable(
	'import_run',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		format: text('format').notNull(),
		fileName: text('file_name'),
		indicatorCode: text('indicator_code'),
		countryIso3: text('country_iso3'),
		userId: text('user_id').references(() => user.id),
		dryRun: integer('dry_run', { mode: 'boolean' }).notNull().default(false),
		rowsRead: integer('rows_read').notNull().default(0),
		rowsImported: integer('rows_imported').notNull().default(0),
		rowsUpdated: integer('rows_updated').notNull().default(0),
		rowsSkipped: integer('rows_skipped').notNull().default(0),
		/** Rows whose only change was source or note text. */
		rowsAnnotated: integer('rows_annotated').notNull().default(0),
		errorCount: integer('error_count').notNull().default(0),
		createdAt: createdAt(),
		/** When an admin undid the run (POST /imports/{id}/revert), and who. */
		revertedAt: integer('reverted_at', { mode: 'timestamp_ms' }),
		revertedBy: text('reverted_by').references(() => user.id)
	},
	(t) => [index('import_run_created_idx').on(t.createdAt)]
);

/**
 * One value of an indicator for a country (null = regional), a period and a
 * disaggregation. `disaggKey` is the canonical `key=value;key=value` form of the
 * disaggregation ('' = headline); with `scopeKey` (iso3, the M49 code of a region, or '' for
 * the RCM as a whole) it makes
 * the natural key unique, so re-importing updates instead of duplicating.
 */
export const observation = sqliteTable(
	'observation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		indicatorId: integer('indicator_id')
			.notNull()
			.references(() => indicator.id, { onDelete: 'cascade' }),
		countryIso3: text('country_iso3').references(() => country.iso3),
		/** M49 code of a regional series (`013`) of a `regional` indicator; country is null. */
		regionM49: text('region_m49'),
		scopeKey: text('scope_key').notNull().default(''),
		period: text('period').notNull(),
		year: integer('year').notNull(),
		periodSort: text('period_sort').notNull(),
		disaggregation: text('disaggregation', { mode: 'json' })
			.$type<Record<string, string>>()
			.notNull()
			.default({}),
		disaggKey: text('disagg_key').notNull().default(''),
		value: real('value').notNull(),
		status: text('status', { enum: OBSERVATION_STATUSES }).notNull().default('final'),
		source: text('source'),
		note: text('note'),
		reviewState: text('review_state', { enum: REVIEW_STATES }).notNull().default('draft'),
		reviewComment: text('review_comment'),
		/** The last validated version (JSON of value/status/source/note) shown on shared pages. */
		validated: text('validated', { mode: 'json' }).$type<Record<string, unknown> | null>(),
		validatedAt: integer('validated_at', { mode: 'timestamp_ms' }),
		importRunId: integer('import_run_id').references(() => importRun.id),
		version: integer('version').notNull().default(1),
		createdBy: text('created_by').references(() => user.id),
		updatedBy: text('updated_by').references(() => user.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('observation_natural_uq').on(t.indicatorId, t.scopeKey, t.period, t.disaggKey),
		index('observation_indicator_country_idx').on(t.indicatorId, t.countryIso3, t.periodSort),
		// The order of the observations API's pages (keyset paging).
		index('observation_page_idx').on(t.indicatorId, t.scopeKey, t.disaggKey, t.periodSort, t.id),
		index('observation_review_idx')
			.on(t.reviewState)
			.where(sql`${t.reviewState} != 'validated'`)
	]
);

/**
 * A counter per indicator that changes with every insert, update or delete of one of its
 * observations, kept by triggers (migration 0003), whatever writes them: the key under which
 * the verdicts of an indicator are kept computed (progress.ts).
 */
export const observationRevision = sqliteTable('observation_revision', {
	indicatorId: integer('indicator_id').primaryKey(),
	revision: integer('revision').notNull().default(0)
});

/** Where a version of an observation came from. */
export const OBSERVATION_ORIGINS = ['import', 'api', 'form', 'review', 'seed'] as const;
export type ObservationOrigin = (typeof OBSERVATION_ORIGINS)[number];

/**
 * Every version of every observation, the current one included (the row with the highest id
 * of an observation), written by the one write path (observations/write.ts) in the same
 * transaction as the change: nothing is overwritten without a trace. `validated` and
 * `reviewComment` let an import be undone to exactly the previous version; `line` is the line
 * of the import file that wrote it; `revert` marks a version written by undoing an import.
 */
export const observationVersion = sqliteTable(
	'observation_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		observationId: integer('observation_id')
			.notNull()
			.references(() => observation.id, { onDelete: 'cascade' }),
		value: real('value').notNull(),
		status: text('status', { enum: OBSERVATION_STATUSES }).notNull(),
		source: text('source'),
		note: text('note'),
		reviewState: text('review_state', { enum: REVIEW_STATES }).notNull(),
		reviewComment: text('review_comment'),
		validated: text('validated', { mode: 'json' }).$type<Record<string, unknown> | null>(),
		changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
		changedBy: text('changed_by').references(() => user.id),
		origin: text('origin', { enum: OBSERVATION_ORIGINS }).notNull(),
		importRunId: integer('import_run_id').references(() => importRun.id),
		line: integer('line'),
		revert: integer('revert', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		index('observation_version_obs_idx').on(t.observationId, t.id),
		index('observation_version_run_idx').on(t.importRunId)
	]
);
