// The endpoints of the daily desk (issue 17): my work, the review queue with diffs,
// reporting rounds and their completeness, comments and notifications (see operations.ts).
import { z } from 'zod';
import {
	commentCreateSchema,
	commentGroupQuery,
	commentItem,
	completenessResponse,
	myWorkResponse,
	nationalApprovalResponse,
	nationalApprovalSchema,
	notificationItem,
	notificationQuery,
	notificationPreferencesResponse,
	notificationPreferencesSchema,
	notificationsReadSchema,
	reviewQueueItem,
	reviewQueueQuery,
	roundCreateSchema,
	roundItem
} from '$lib/schemas/desk';
import { created, ok, type Operation } from './operation';

const DESK = 'Desk';
const listOf = <T extends z.ZodType>(item: T) => z.looseObject({ items: z.array(item) });

export const DESK_OPERATIONS: Operation[] = [
	{
		method: 'get',
		path: '/me/work',
		tag: DESK,
		summary:
			'Your work: drafts, returned items with the comment, submitted items, overdue actions, actions due in 30 days, stale indicators, open rounds with completeness',
		responses: ok(myWorkResponse)
	},
	{
		method: 'get',
		path: '/review',
		tag: DESK,
		summary:
			'The review queue: who submitted each item and when, and what changed since its last validated version',
		query: reviewQueueQuery,
		responses: ok(listOf(reviewQueueItem))
	},
	{
		method: 'get',
		path: '/countries/{iso3}/approval',
		tag: DESK,
		summary:
			'Whether a member state has national approval: its focal points review its submissions before the secretariat',
		responses: ok(nationalApprovalResponse),
		errors: [404]
	},
	{
		method: 'put',
		path: '/countries/{iso3}/approval',
		tag: DESK,
		summary: 'Switch national approval on or off for a member state (admins)',
		body: nationalApprovalSchema,
		responses: ok(nationalApprovalResponse),
		errors: [404, 415, 422],
		example: { request: { country: 'GTM', nationalApproval: true } }
	},
	{
		method: 'get',
		path: '/rounds',
		tag: DESK,
		summary: 'Reporting rounds, open ones first',
		responses: ok(listOf(roundItem))
	},
	{
		method: 'post',
		path: '/rounds',
		tag: DESK,
		summary:
			'Open a reporting round (admins); every article and the starter indicators unless given',
		body: roundCreateSchema,
		responses: created(roundItem),
		errors: [415, 422],
		example: {
			request: { name: 'Vice-Ministerial meeting 2027', opensOn: '2027-01-15', dueOn: '2027-04-30' }
		}
	},
	{
		method: 'post',
		path: '/rounds/{id}/close',
		tag: DESK,
		summary: 'Close a round (admins): its completeness figures are frozen',
		responses: ok(roundItem),
		errors: [404, 409]
	},
	{
		method: 'get',
		path: '/rounds/{id}/completeness',
		tag: DESK,
		summary:
			'Per member state: articles with an action created or updated within the round, indicators with a value of the expected period',
		responses: ok(completenessResponse),
		errors: [404]
	},
	{
		method: 'get',
		path: '/notifications',
		tag: DESK,
		summary: 'Your notifications, newest first, with the unread count',
		query: notificationQuery,
		responses: ok(z.looseObject({ items: z.array(notificationItem), unread: z.int() }))
	},
	{
		method: 'post',
		path: '/notifications/read',
		tag: DESK,
		summary: 'Mark your notifications read (these ids, or all)',
		body: notificationsReadSchema,
		bodyOptional: true,
		responses: ok(z.object({ marked: z.int(), unread: z.int() })),
		errors: [415, 422]
	},
	{
		method: 'get',
		path: '/me/notification-preferences',
		tag: DESK,
		summary:
			'How you are told of each kind of notification: in_app (the bell only), immediate (also an e-mail at once) or digest (also in one e-mail a day)',
		responses: ok(notificationPreferencesResponse)
	},
	{
		method: 'put',
		path: '/me/notification-preferences',
		tag: DESK,
		summary: 'Choose how you are told of some kinds (the others are kept); answers every kind',
		body: notificationPreferencesSchema,
		responses: ok(notificationPreferencesResponse),
		errors: [415, 422],
		example: { request: { returned: 'immediate', round_opened: 'digest', mentioned: 'in_app' } }
	}
];

/** Comments: on an action, and on an indicator's values of a country (an observation group). */
export const COMMENT_OPERATIONS: Operation[] = [
	{
		method: 'get',
		path: '/actions/{id}/comments',
		tag: DESK,
		summary: 'The comment thread of an action (signed-in readers of its drafts)',
		responses: ok(listOf(commentItem)),
		errors: [404]
	},
	{
		method: 'post',
		path: '/actions/{id}/comments',
		tag: DESK,
		summary: 'Comment on an action; @name mentions notify that person',
		body: commentCreateSchema,
		responses: created(commentItem),
		errors: [404, 415, 422]
	},
	{
		method: 'get',
		path: '/indicators/{code}/comments',
		tag: DESK,
		summary:
			'The comment thread of an observation group: the indicator’s values of ?country= (the regional values without it)',
		query: commentGroupQuery,
		responses: ok(listOf(commentItem)),
		errors: [404]
	},
	{
		method: 'post',
		path: '/indicators/{code}/comments',
		tag: DESK,
		summary:
			'Comment on an observation group (the indicator’s values of ?country=); @name mentions notify that person',
		query: commentGroupQuery,
		body: commentCreateSchema,
		responses: created(commentItem),
		errors: [404, 415, 422],
		example: { request: { body: '@maria the 2024 value needs its source.' } }
	}
];
