// Editions (issue 18): immutable snapshots of the validated data at a day, kept as canonical
// JSON with its SHA-256 (migration 0017; a trigger refuses any update of a row).
import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { user } from './auth';

export const edition = sqliteTable(
	'edition',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		asOf: text('as_of').notNull(),
		roundId: integer('round_id'),
		/** The canonical JSON of the snapshot: the bytes of GET /editions/{slug}/data.json. */
		data: text('data').notNull(),
		/** SHA-256 (hex) of `data`'s UTF-8 bytes. */
		hash: text('hash').notNull(),
		createdBy: text('created_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('edition_slug_uq').on(t.slug)]
);
