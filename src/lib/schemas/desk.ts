// What the daily desk accepts (issue 17): review-queue filters and bulk steps, reporting
// rounds, comments and notification settings; and the shapes its endpoints answer.
import { z } from 'zod';
import { iso3Schema, isoDateSchema } from './common';

export const NOTIFICATION_KINDS = [
	'returned',
	'validated',
	'mentioned',
	'round_opened',
	'round_due',
	'action_overdue',
	'national_review',
	'nationally_approved'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const DELIVERIES = ['in_app', 'immediate', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const reviewQueueQuery = z
	.object({
		country: iso3Schema.optional(),
		type: z.enum(['action', 'observation']).optional(),
		/** Only items waiting at least this many days. */
		olderThan: z.coerce.number().int().min(0).max(3650).optional()
	})
	.strict();

export const roundCreateSchema = z
	.object({
		name: z.string().trim().min(1, { message: 'Give the round a name.' }).max(200),
		opensOn: isoDateSchema,
		dueOn: isoDateSchema,
		articles: z.array(z.int().min(1).max(999)).min(1).max(100).optional(),
		indicators: z.array(z.string().trim().min(1).max(40)).max(100).optional()
	})
	.strict()
	.refine((r) => r.dueOn >= r.opensOn, {
		path: ['dueOn'],
		message: 'The due date cannot be before the opening date.'
	});
export type RoundCreateInput = z.infer<typeof roundCreateSchema>;

export const commentCreateSchema = z
	.object({ body: z.string().trim().min(1, { message: 'Write a comment.' }).max(5000) })
	.strict();

/** `?country=MEX` on an indicator's comment thread; left out for the regional values. */
export const commentGroupQuery = z.object({ country: iso3Schema.optional() }).strict();

export const notificationsReadSchema = z
	.object({
		/** These notifications; all of the reader's when left out. */
		ids: z.array(z.int().min(1)).max(500).optional()
	})
	.strict();

/** `PUT /me/notification-preferences`: per kind, in the app only, e-mail at once or a daily digest. */
export const notificationPreferencesSchema = z
	.object(
		Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.enum(DELIVERIES).optional()])) as Record<
			NotificationKind,
			z.ZodOptional<z.ZodEnum<{ [K in Delivery]: K }>>
		>
	)
	.strict();
export const notificationPreferencesResponse = z.object(
	Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.enum(DELIVERIES)])) as Record<
		NotificationKind,
		z.ZodEnum<{ [K in Delivery]: K }>
	>
);

export const notificationQuery = z
	.object({ unread: z.enum(['true', 'false']).optional() })
	.strict();

// Answers.
const count = z.int().min(0);
export const completenessRow = z.object({
	country: z.string(),
	articles: z.object({ updated: count, total: count }),
	indicators: z.object({ reported: count, total: count }),
	complete: z.boolean()
});
export const completenessResponse = z.object({ items: z.array(completenessRow) });

export const roundItem = z.looseObject({
	id: z.int(),
	name: z.string(),
	opensOn: z.string(),
	dueOn: z.string(),
	articles: z.array(z.int()),
	indicators: z.array(z.string()),
	status: z.enum(['upcoming', 'open', 'closed']),
	closedAt: z.string().nullable()
});

export const workItem = z.looseObject({
	type: z.enum(['action', 'observations']),
	id: z.string(),
	title: z.string(),
	country: z.string().nullable(),
	href: z.string(),
	comment: z.string().nullable(),
	dueDate: z.string().nullable(),
	updatedAt: z.string().nullable(),
	/** Submitted items: with the national focal point or with the secretariat (issue 17 §6). */
	waitingFor: z.enum(['national', 'secretariat']).optional()
});
const section = z.object({ count, items: z.array(workItem) });
export const myWorkResponse = z.looseObject({
	drafts: section,
	returned: section,
	submitted: section,
	/** A focal point's: their countries' submissions waiting for them, and their queue. */
	awaitingNationalApproval: section.extend({ href: z.string() }),
	overdue: section,
	dueSoon: section,
	staleIndicators: z.object({
		count,
		/** How many indicator × member state pairs in scope have any value (0: none recorded yet). */
		withValues: count,
		items: z.array(
			z.looseObject({
				indicator: z.string(),
				country: z.string(),
				latestPeriod: z.string(),
				href: z.string()
			})
		)
	}),
	rounds: z.array(
		z.looseObject({
			id: z.int(),
			name: z.string(),
			dueOn: z.string(),
			items: z.array(completenessRow)
		})
	)
});

export const userRefSchema = z.object({ id: z.string(), name: z.string() });
export const reviewChange = z.object({
	field: z.string(),
	before: z.unknown(),
	after: z.unknown()
});
export const reviewQueueItem = z.looseObject({
	type: z.enum(['action', 'observation']),
	id: z.string(),
	title: z.string(),
	country: z.string().nullable(),
	reviewState: z.string(),
	submittedBy: userRefSchema.nullable(),
	submittedAt: z.string().nullable(),
	changes: z.array(reviewChange)
});

export const commentItem = z.object({
	id: z.int(),
	body: z.string(),
	author: userRefSchema.nullable(),
	createdAt: z.string()
});

export const notificationItem = z.looseObject({
	id: z.int(),
	kind: z.enum(NOTIFICATION_KINDS),
	message: z.string(),
	link: z.string().nullable(),
	read: z.boolean(),
	createdAt: z.string()
});

/** `PUT /countries/{iso3}/approval` (issue 17 §6); `country`, when given, is the path's. */
export const nationalApprovalSchema = z
	.object({
		country: iso3Schema.optional(),
		nationalApproval: z.boolean({ message: 'Use true or false.' })
	})
	.strict();
export const nationalApprovalResponse = z.object({
	country: z.string(),
	nationalApproval: z.boolean()
});
