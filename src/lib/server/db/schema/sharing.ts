// Share links and the audit trail.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { createdAt, LOCALES } from './common';
import { user } from './auth';

export const SHARE_SCOPES = ['framework', 'article', 'country', 'indicator'] as const;

export const shareLink = sqliteTable(
	'share_link',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull().unique(),
		scopeType: text('scope_type', { enum: SHARE_SCOPES }).notNull(),
		scopeTarget: text('scope_target').notNull(),
		label: text('label').notNull(),
		locale: text('locale', { enum: LOCALES }).notNull().default('en'),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
		asOf: text('as_of'),
		/** An edition the link shows (issue 18) instead of the live validated data. */
		editionId: integer('edition_id'),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		viewCount: integer('view_count').notNull().default(0),
		lastViewedAt: integer('last_viewed_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('share_link_creator_idx').on(t.createdBy)]
);

export const AUDIT_OPERATIONS = [
	'create',
	'update',
	'delete',
	'restore',
	'submit',
	'validate',
	'return',
	'import',
	'revoke',
	'sign_in'
] as const;

export const auditEntry = sqliteTable(
	'audit_entry',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id').references(() => user.id),
		at: createdAt(),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		operation: text('operation').notNull(),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' }),
		note: text('note'),
		/** The API key the change was made through (null: a signed-in session or the system). */
		apiKeyId: integer('api_key_id')
	},
	(t) => [
		index('audit_entity_idx').on(t.entity, t.entityId, t.at),
		index('audit_user_idx').on(t.userId, t.at),
		index('audit_at_idx').on(t.at)
	]
);
