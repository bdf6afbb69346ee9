// What makes an implementation action, a progress update and a review step valid.
// Shared by the form actions and the API; messages come from Paraglide so a form shows
// them in the page's language (the API, outside any page, answers in English).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { booleanParam, iso3Schema } from './common';

import { ACTION_STATUSES, LOCALES, REVIEW_STATES, type ActionStatus } from '$lib/domain';

export const ACTION_STATUS_VALUES = ACTION_STATUSES;
export type ActionStatusValue = ActionStatus;
export const REVIEW_STATE_VALUES = REVIEW_STATES;
export const ACTION_LANGUAGES = LOCALES;
export const ACTION_SORTS = ['updated', 'due', 'title'] as const;

const date = () => z.iso.date({ error: () => m.actions_err_date() });
const optionalDate = () => date().nullable().optional();

const title = () =>
	z
		.string({ error: () => m.actions_err_title_required() })
		.trim()
		.min(1, { error: () => m.actions_err_title_required() })
		.max(200, { error: () => m.actions_err_too_long({ max: 200 }) });

const articles = () =>
	z
		.array(
			z
				.int({ error: () => m.actions_err_article() })
				.min(1)
				.max(999),
			{
				error: () => m.actions_err_articles_required()
			}
		)
		.min(1, { error: () => m.actions_err_articles_required() })
		.max(18);

const percent = () =>
	z
		.int({ error: () => m.actions_err_percent() })
		.min(0, { error: () => m.actions_err_percent() })
		.max(100, { error: () => m.actions_err_percent() });

const status = () => z.enum(ACTION_STATUS_VALUES, { error: () => m.actions_err_status() });

const indicatorCodes = () =>
	z.array(z.string().trim().min(1).max(40)).max(50, { error: () => m.actions_err_too_many() });

/** The fields the date and completion rules look at. */
export interface ActionRuleFields {
	status: ActionStatusValue;
	percentComplete: number;
	startDate?: string | null;
	dueDate?: string | null;
	completedOn?: string | null;
}

export interface RuleIssue {
	path: string;
	message: string;
}

function todayPlusOne(): string {
	return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The rules a person expects of an action, checked on the whole record (after a partial
 * edit is merged in): due not before start, completed means 100% and a completed-on date,
 * a completed-on date only for completed actions, never before the start nor in the future.
 */
export function actionRuleIssues(a: ActionRuleFields): RuleIssue[] {
	const issues: RuleIssue[] = [];
	if (a.startDate && a.dueDate && a.dueDate < a.startDate) {
		issues.push({ path: 'dueDate', message: m.actions_err_due_before_start() });
	}
	if (a.status === 'completed') {
		if (a.percentComplete !== 100) {
			issues.push({ path: 'percentComplete', message: m.actions_err_completed_percent() });
		}
		if (!a.completedOn) {
			issues.push({ path: 'completedOn', message: m.actions_err_completed_on_required() });
		}
	} else if (a.completedOn) {
		issues.push({ path: 'completedOn', message: m.actions_err_completed_on_only() });
	}
	if (a.completedOn && a.startDate && a.completedOn < a.startDate) {
		issues.push({ path: 'completedOn', message: m.actions_err_completed_before_start() });
	} else if (a.completedOn && a.completedOn > todayPlusOne()) {
		issues.push({ path: 'completedOn', message: m.actions_err_completed_future() });
	}
	return issues;
}

function refineRules(value: ActionRuleFields, ctx: z.RefinementCtx) {
	for (const issue of actionRuleIssues(value)) {
		ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
	}
}

export const actionCreateSchema = z
	.object({
		title: title(),
		description: z
			.string()
			.trim()
			.max(5000, { error: () => m.actions_err_too_long({ max: 5000 }) })
			.default(''),
		country: z.union([iso3Schema, z.null()], { error: () => m.actions_err_country() }),
		articles: articles(),
		leadAgency: z
			.string()
			.trim()
			.max(200, { error: () => m.actions_err_too_long({ max: 200 }) })
			.default(''),
		status: status().default('planned'),
		percentComplete: percent().default(0),
		startDate: optionalDate(),
		dueDate: optionalDate(),
		completedOn: optionalDate(),
		indicators: indicatorCodes().default([]),
		language: z.enum(ACTION_LANGUAGES).optional()
	})
	.strict()
	.superRefine(refineRules);
export type ActionCreateInput = z.infer<typeof actionCreateSchema>;

/** A partial edit; `version` is the version the editor started from. */
export const actionPatchSchema = z
	.object({
		version: z.int({ error: () => m.actions_err_version() }).min(1),
		title: title().optional(),
		description: z
			.string()
			.trim()
			.max(5000, { error: () => m.actions_err_too_long({ max: 5000 }) })
			.optional(),
		country: iso3Schema.nullable().optional(),
		articles: articles().optional(),
		leadAgency: z
			.string()
			.trim()
			.max(200, { error: () => m.actions_err_too_long({ max: 200 }) })
			.optional(),
		status: status().optional(),
		percentComplete: percent().optional(),
		startDate: optionalDate(),
		dueDate: optionalDate(),
		completedOn: optionalDate(),
		indicators: indicatorCodes().optional(),
		language: z.enum(ACTION_LANGUAGES).optional()
	})
	.strict();
export type ActionPatchInput = z.infer<typeof actionPatchSchema>;

export const actionUpdateSchema = z
	.object({
		date: date(),
		note: z
			.string({ error: () => m.updates_err_note() })
			.trim()
			.min(1, { error: () => m.updates_err_note() })
			.max(5000, { error: () => m.actions_err_too_long({ max: 5000 }) }),
		status: status().nullable().optional(),
		percentComplete: percent().nullable().optional(),
		version: z.int().min(1).optional()
	})
	.strict()
	.superRefine((v, ctx) => {
		if (v.date > todayPlusOne()) {
			ctx.addIssue({ code: 'custom', path: ['date'], message: m.updates_err_future() });
		}
		if (v.status === 'completed' && v.percentComplete != null && v.percentComplete !== 100) {
			ctx.addIssue({
				code: 'custom',
				path: ['percentComplete'],
				message: m.actions_err_completed_percent()
			});
		}
	});
export type ActionUpdateInput = z.infer<typeof actionUpdateSchema>;

/** Optional body of submit and validate: the version the reviewer looked at. */
export const reviewStepSchema = z.object({ version: z.int().min(1).optional() }).strict();
export const returnSchema = z
	.object({
		comment: z
			.string({ error: () => m.review_err_comment() })
			.trim()
			.min(1, { error: () => m.review_err_comment() })
			.max(2000, { error: () => m.actions_err_too_long({ max: 2000 }) }),
		version: z.int().min(1).optional()
	})
	.strict();

/** `DELETE /actions/{id}?version=`: the version the reader saw (409 when stale). */
export const actionDeleteQuery = z
	.object({
		version: z
			.string()
			.regex(/^\d{1,9}$/, 'Use the record’s version.')
			.optional()
	})
	.strict();

const intParam = (min: number, max: number) =>
	z
		.string()
		.regex(/^\d{1,6}$/, 'Use a whole number.')
		.transform(Number)
		.pipe(z.number().int().min(min).max(max));

/** Filters of the actions list, as query parameters (API and page alike). */
export const actionQuerySchema = z
	.object({
		article: intParam(1, 999).optional(),
		/** A GCM objective (1–23): actions of the articles that name it. */
		objective: intParam(1, 23).optional(),
		/** ISO3 code, or `regional` for RCM-wide actions. */
		country: z
			.string()
			.trim()
			.transform((v) => (v.toLowerCase() === 'regional' ? 'regional' : v.toUpperCase()))
			.pipe(z.union([z.literal('regional'), z.string().regex(/^[A-Z]{3}$/, 'Use an ISO3 code.')]))
			.optional(),
		status: z.enum(ACTION_STATUS_VALUES).optional(),
		review: z.enum(REVIEW_STATE_VALUES).optional(),
		q: z.string().trim().max(200).optional(),
		overdue: booleanParam.optional(),
		deleted: booleanParam.optional(),
		sort: z.enum(ACTION_SORTS).optional(),
		order: z.enum(['asc', 'desc']).optional(),
		limit: intParam(1, 200).optional(),
		cursor: z
			.string()
			.regex(/^\d{1,9}$/, 'Use the nextCursor of the previous page.')
			.optional(),
		page: intParam(1, 100000).optional(),
		lang: z.enum(ACTION_LANGUAGES).optional()
	})
	.strict();
export type ActionQuery = z.infer<typeof actionQuerySchema>;
