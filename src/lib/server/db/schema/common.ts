// Columns and types every part of the schema shares (timestamps, locales, roles).
import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** A timestamp column stored as integer milliseconds, defaulting to now. */
export const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);

export const updatedAt = () =>
	integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`)
		.$onUpdate(() => new Date());

export { REVIEW_STATES, LOCALES, type ReviewState, type Locale } from '../../../domain';
