// The daily desk (issue 17): comments on actions and observation groups, reporting rounds,
// in-app notifications with each person's delivery choice, and the e-mail outbox.
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { createdAt } from './common';
import { country } from './framework';
import { user } from './auth';

export const deskComment = sqliteTable(
	'desk_comment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** `action` (key: its id) or `observation_group` (key: `CODE|ISO3`, `CODE|` = regional). */
		targetType: text('target_type', { enum: ['action', 'observation_group'] }).notNull(),
		targetKey: text('target_key').notNull(),
		countryIso3: text('country_iso3').references(() => country.iso3),
		body: text('body').notNull(),
		/** Ids of the people mentioned with @name. */
		mentions: text('mentions', { mode: 'json' }).$type<string[]>().notNull().default([]),
		authorId: text('author_id').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [index('desk_comment_target_idx').on(t.targetType, t.targetKey, t.id)]
);

export const reportingRound = sqliteTable('reporting_round', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	opensOn: text('opens_on').notNull(),
	dueOn: text('due_on').notNull(),
	/** Article numbers the round asks about. */
	articles: text('articles', { mode: 'json' }).$type<number[]>().notNull(),
	/** Indicator codes the round asks about. */
	indicators: text('indicators', { mode: 'json' }).$type<string[]>().notNull(),
	closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
	closedBy: text('closed_by').references(() => user.id),
	/** The completeness figures frozen when the round closed. */
	frozen: text('frozen', { mode: 'json' }).$type<unknown>(),
	/** When the 7-days-left reminders went out. */
	dueRemindedAt: integer('due_reminded_at', { mode: 'timestamp_ms' }),
	createdBy: text('created_by').references(() => user.id),
	createdAt: createdAt()
});

export const notification = sqliteTable(
	'notification',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		params: text('params', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
		link: text('link'),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** Waiting for the recipient's daily digest e-mail. */
		digestPending: integer('digest_pending', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('notification_user_idx').on(t.userId, t.readAt, t.id)]
);

export const notificationPreference = sqliteTable(
	'notification_preference',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		delivery: text('delivery').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })]
);

export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html').notNull(),
		status: text('status', { enum: ['pending', 'sent', 'failed'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' })
			.notNull()
			.$defaultFn(() => new Date()),
		lastError: text('last_error'),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt)]
);

/**
 * A focal point's national approval of a record (issue 17 §6), one per record: it counts
 * while the record is submitted at the `version` approved (migration 0018).
 */
export const nationalApproval = sqliteTable(
	'national_approval',
	{
		entity: text('entity', { enum: ['action', 'observation'] }).notNull(),
		entityId: integer('entity_id').notNull(),
		version: integer('version').notNull(),
		countryIso3: text('country_iso3')
			.notNull()
			.references(() => country.iso3),
		approvedBy: text('approved_by').references(() => user.id),
		approvedAt: integer('approved_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.entity, t.entityId] })]
);
