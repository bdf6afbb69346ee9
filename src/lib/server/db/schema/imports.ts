// Import vocabulary (issue 15 §2): the mappings of column names and cells to canonical
// disaggregation keys and codes. Built-in rows come from the one list in
// import/dimensions.ts; admins add more (and may delete only those).
import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './common';
import { user } from './auth';

export const DIMENSION_MAPPING_KINDS = ['key', 'value'] as const;

export const dimensionMapping = sqliteTable(
	'dimension_mapping',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: DIMENSION_MAPPING_KINDS }).notNull(),
		/** The text as entered (`Hombres`). */
		fromText: text('from_text').notNull(),
		/** What it is compared on: lower-case, trimmed, runs of spaces as one (`hombres`). */
		matchText: text('match_text').notNull(),
		/** The canonical key (`sex`) or code (`male`). */
		toCode: text('to_code').notNull(),
		/** For values: the key they belong to; '' = any key (and always '' for keys). */
		dimension: text('dimension').notNull().default(''),
		builtin: integer('builtin', { mode: 'boolean' }).notNull().default(false),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('dimension_mapping_uq').on(t.kind, t.dimension, t.matchText)]
);

/**
 * Import profiles (issue 15 §4): a named mapping of a file's layout for one indicator, the
 * JSON body of `POST /import-profiles` (name and indicator repeated as columns for listing).
 */
export const importProfile = sqliteTable('import_profile', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	indicatorCode: text('indicator_code').notNull(),
	/** The profile as JSON (ImportProfileSpec). */
	spec: text('spec').notNull(),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	updatedAt: updatedAt(),
	version: integer('version').notNull().default(1)
});
