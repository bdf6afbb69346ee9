// What the API answers (DESIGN §4), as zod schemas: the OpenAPI description is generated from
// them (src/lib/server/openapi), and the API tests check real answers against that description,
// so these cannot drift from what the services return. Objects are open (more fields may come).
import { z } from 'zod';
import { ACTION_STATUS_VALUES, REVIEW_STATE_VALUES } from './actions';
import { OBSERVATION_STATUSES } from './observations';

const nullableString = z.string().nullable();
const dateTime = z.string().meta({ format: 'date-time', example: '2025-03-31T14:05:00.000Z' });
const userRef = z.looseObject({ id: z.string(), name: z.string() }).nullable();
const reviewState = z.enum(REVIEW_STATE_VALUES);
const actionStatus = z.enum(ACTION_STATUS_VALUES);

/** DESIGN §4: every error answers this shape. */
export const errorResponse = z.looseObject({
	error: z.looseObject({
		code: z.string().meta({ example: 'invalid' }),
		message: z.string().meta({ example: 'Some fields are not valid.' }),
		issues: z.array(
			z.looseObject({
				path: z.string().meta({ example: 'version' }),
				message: z.string().meta({ example: '`version` is required.' })
			})
		),
		details: z.unknown().optional()
	})
});

export const healthResponse = z.looseObject({
	status: z.enum(['ok', 'degraded', 'failing']),
	db: z.enum(['ok', 'error']),
	version: z.string(),
	database: z.looseObject({}),
	faults: z.looseObject({})
});

export const countryItem = z.looseObject({
	iso3: z.string(),
	m49: z.int(),
	name: z.string(),
	member: z.boolean()
});

const referenceItem = z.looseObject({
	kind: z.enum(['sdg_target', 'sdg_indicator', 'gcm_objective']),
	code: z.string(),
	title: z.string()
});

export const articleDetail = z.looseObject({
	number: z.int().min(1),
	title: z.string(),
	text: z.string(),
	themes: z.array(z.string()),
	references: z.looseObject({ sdg: z.array(referenceItem), gcm: z.array(referenceItem) }),
	indicators: z.array(z.looseObject({ code: z.string(), name: z.string() })),
	progress: z.looseObject({
		actionsByStatus: z.record(z.string(), z.int()),
		actionsTotal: z.int(),
		shareCompleted: z.number().nullable(),
		overdue: z.int(),
		indicatorCount: z.int()
	})
});

const actionSnapshot = {
	title: z.string(),
	description: z.string(),
	country: nullableString.meta({ description: 'ISO3; null = regional (RCM-wide)' }),
	articles: z.array(z.int()),
	leadAgency: z.string(),
	status: actionStatus,
	percentComplete: z.int().min(0).max(100),
	startDate: nullableString,
	dueDate: nullableString,
	completedOn: nullableString,
	indicators: z.array(z.string()),
	language: z.enum(['en', 'es', 'fr'])
};

export const actionRecord = z.looseObject({
	id: z.int(),
	...actionSnapshot,
	overdue: z.boolean(),
	reviewState,
	reviewComment: nullableString,
	validatedAt: nullableString,
	version: z.int().min(1),
	createdAt: dateTime,
	updatedAt: dateTime,
	createdBy: userRef,
	updatedBy: userRef,
	deletedAt: nullableString
});

export const actionList = z.looseObject({
	items: z.array(actionRecord),
	total: z.int(),
	nextCursor: nullableString
});

export const updateItem = z.looseObject({
	id: z.int(),
	actionId: z.int(),
	date: z.string(),
	note: z.string(),
	status: actionStatus.nullable(),
	percentComplete: z.int().nullable(),
	author: userRef,
	createdAt: dateTime
});

export const evidenceItem = z.looseObject({
	id: z.int(),
	url: z.string(),
	title: z.string(),
	kind: z.enum(['law', 'policy', 'report', 'dataset', 'news', 'statement', 'other']),
	publishedOn: nullableString,
	note: nullableString,
	target: z.looseObject({
		type: z.enum(['action', 'action_update', 'article', 'indicator', 'observation']),
		id: z.union([z.int(), z.string()])
	}),
	country: nullableString,
	createdAt: dateTime,
	deletedAt: nullableString
});

export const evidenceList = z.looseObject({
	items: z.array(evidenceItem),
	total: z.int(),
	nextCursor: nullableString
});

export const indicatorRecord = z.looseObject({
	id: z.int(),
	code: z.string().meta({ example: '10.c.1' }),
	name: z.string(),
	description: z.string(),
	unit: z.string(),
	direction: z.enum(['increase', 'decrease']),
	baselineYear: z.int().nullable(),
	baselineValue: z.number().nullable(),
	targetYear: z.int().nullable(),
	targetValue: z.number().nullable(),
	ceiling: z.number().nullable(),
	articles: z.array(z.int()),
	sdg: z.array(z.string()),
	gcm: z.array(z.int()),
	version: z.int(),
	updatedAt: dateTime
});

export const observationRecord = z.looseObject({
	id: z.int(),
	indicator: z.string(),
	country: nullableString,
	period: z.string().meta({ example: '2023-Q2' }),
	year: z.int(),
	disaggregation: z.record(z.string(), z.string()),
	value: z.number(),
	status: z.enum(OBSERVATION_STATUSES),
	source: nullableString,
	note: nullableString,
	reviewState,
	reviewComment: nullableString,
	version: z.int(),
	updatedAt: dateTime
});

export const observationPage = z.looseObject({
	items: z.array(observationRecord),
	nextCursor: nullableString
});

export const upsertResult = z.looseObject({
	items: z.array(observationRecord),
	created: z.int(),
	updated: z.int(),
	unchanged: z.int()
});

const num = z.number().nullable();
const ceilingItem = z.looseObject({
	disaggregation: z.record(z.string(), z.string()),
	period: z.string(),
	value: z.number()
});

export const verdict = z.looseObject({
	indicator: z.string(),
	country: nullableString,
	method: z.string().meta({ example: 'cagr-ratio' }),
	status: z.string().meta({ example: 'limited_progress' }),
	series: z.enum(['headline', 'mean_of_disaggregates']).nullable(),
	components: z.looseObject({
		baseYear: z.int().nullable(),
		baseValue: num,
		latestYear: z.int().nullable(),
		latestValue: num,
		targetYear: z.int().nullable(),
		targetValue: num,
		cagrObserved: num,
		cagrRequired: num,
		ratio: num,
		projectedValue: num,
		q: num
	}),
	ceiling: z
		.looseObject({
			value: z.number(),
			share: z.number().nullable(),
			above: z.array(ceilingItem),
			worst: ceilingItem.nullable()
		})
		.nullable()
});

export const importReport = z.looseObject({
	format: nullableString,
	dryRun: z.boolean(),
	rowsRead: z.int(),
	rowsImported: z.int(),
	rowsUpdated: z.int(),
	rowsSkipped: z.int(),
	errors: z.array(z.looseObject({ line: z.int(), column: nullableString, message: z.string() })),
	skipped: z.array(z.looseObject({ line: z.int(), reason: z.string() })),
	committed: z.boolean(),
	/** An Excel workbook: the sheet read and every sheet it has. */
	sheet: nullableString,
	sheets: z.array(z.string()),
	/** Values flagged for a second look (issue 15 §7), each with its reasons in words. */
	outliers: z.array(
		z.looseObject({
			line: z.int(),
			country: nullableString,
			period: z.string(),
			value: z.number(),
			flags: z.array(z.looseObject({ kind: z.enum(['mad', 'jump']), message: z.string() }))
		})
	),
	/** `replace`: the file replaced whole series; `removals` are the values it removes. */
	series: z.enum(['keep', 'replace']),
	rowsRemoved: z.int(),
	removals: z.array(
		z.looseObject({ observationId: z.int(), country: nullableString, period: z.string() })
	)
});

export const importRunItem = z.looseObject({
	id: z.int(),
	format: z.string(),
	fileName: nullableString,
	rowsRead: z.int(),
	rowsImported: z.int(),
	rowsUpdated: z.int(),
	rowsSkipped: z.int(),
	errorCount: z.int(),
	createdAt: dateTime
});

const shareScope = z.looseObject({
	type: z.enum(['framework', 'article', 'country', 'indicator']),
	target: z.string()
});

export const shareLinkItem = z.looseObject({
	id: z.int(),
	scope: shareScope,
	label: z.string(),
	locale: z.string(),
	expiresAt: nullableString,
	asOf: nullableString,
	edition: nullableString.optional(),
	revoked: z.boolean(),
	viewCount: z.int(),
	createdAt: dateTime,
	state: z.enum(['active', 'expired', 'revoked'])
});

export const shareLinkCreated = z.looseObject({
	id: z.int(),
	token: z.string(),
	path: z.string(),
	url: z.string(),
	scope: shareScope,
	label: z.string(),
	edition: nullableString.optional()
});

export const userRecord = z.looseObject({
	id: z.string(),
	name: z.string(),
	email: z.string(),
	role: z.enum(['admin', 'coordinator', 'focal_point', 'viewer']),
	active: z.boolean(),
	countries: z.array(z.string()),
	version: z.int()
});

export const auditItem = z.looseObject({
	id: z.int(),
	at: dateTime,
	user: z.looseObject({ id: z.string(), name: z.string() }).nullable(),
	entity: z.string(),
	entityId: z.string(),
	operation: z.string(),
	before: z.unknown(),
	after: z.unknown(),
	note: nullableString,
	apiKeyId: z.int().nullable(),
	changed: z.array(z.string())
});

export const translatableItem = z.looseObject({
	kind: z.string(),
	key: z.string(),
	code: z.string(),
	fields: z.array(z.looseObject({ field: z.string(), english: z.string() })),
	version: z.string()
});

export const apiKeyItem = z.looseObject({
	id: z.int(),
	name: z.string(),
	prefix: z.string().meta({ example: 'avk_3fJ9aQ1x' }),
	userId: z.string(),
	expiresOn: nullableString,
	lastUsedAt: nullableString,
	createdAt: dateTime
});

export const apiKeyCreated = z.looseObject({
	id: z.int(),
	name: z.string(),
	key: z.string().meta({ description: 'The key itself, answered this once.' }),
	prefix: z.string(),
	expiresOn: nullableString,
	createdAt: dateTime
});

/** `{"items": [...]}` (DESIGN §4), optionally with `nextCursor`. */
export const listOf = <T extends z.ZodType>(item: T) => z.looseObject({ items: z.array(item) });
