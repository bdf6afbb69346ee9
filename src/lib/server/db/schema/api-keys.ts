// API keys (DESIGN §4, §11): a person's keys for scripts and national systems. Only a
// SHA-256 hash of each key is kept; `prefix` (its first characters) identifies it in lists.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { user } from './auth';

export const apiKey = sqliteTable(
	'api_key',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		prefix: text('prefix').notNull(),
		keyHash: text('key_hash').notNull().unique(),
		/** Last day (UTC, inclusive) the key works; null = no expiry. */
		expiresOn: text('expires_on'),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('api_key_user_idx').on(t.userId)]
);
