// Accounts as admins create and edit them, and a user's own password change.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { booleanParam } from './common';

export const ROLE_VALUES = ['admin', 'coordinator', 'focal_point', 'viewer'] as const;
export type RoleValue = (typeof ROLE_VALUES)[number];

const email = () =>
	z
		.string({ error: () => m.users_err_email() })
		.trim()
		.toLowerCase()
		.min(1, { error: () => m.users_err_email() })
		.max(254, { error: () => m.users_err_email() })
		.pipe(z.email({ error: () => m.users_err_email() }));

const name = () =>
	z
		.string({ error: () => m.users_err_name() })
		.trim()
		.min(1, { error: () => m.users_err_name() })
		.max(120, { error: () => m.actions_err_too_long({ max: 120 }) });

const password = () =>
	z
		.string({ error: () => m.users_err_password() })
		.min(10, { error: () => m.users_err_password() })
		.max(256, { error: () => m.actions_err_too_long({ max: 256 }) });

const role = () => z.enum(ROLE_VALUES, { error: () => m.users_err_role() });

const countries = () =>
	z
		.array(
			z
				.string()
				.trim()
				.toUpperCase()
				.regex(/^[A-Z]{3}$/, { error: () => m.users_err_countries() })
		)
		.max(20);

export const userCreateSchema = z
	.object({
		email: email(),
		name: name(),
		password: password(),
		role: role(),
		countries: countries().default([]),
		active: z.boolean().default(true)
	})
	.strict()
	.superRefine((v, ctx) => {
		if ((v.role === 'coordinator' || v.role === 'focal_point') && v.countries.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['countries'], message: m.users_err_countries() });
		}
	});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userPatchSchema = z
	.object({
		version: z.int({ error: () => m.actions_err_version() }).min(1),
		email: email().optional(),
		name: name().optional(),
		password: password().optional(),
		role: role().optional(),
		countries: countries().optional(),
		active: z.boolean().optional()
	})
	.strict();
export type UserPatchInput = z.infer<typeof userPatchSchema>;

export const userQuerySchema = z
	.object({
		role: z.enum(ROLE_VALUES).optional(),
		active: booleanParam.optional(),
		q: z.string().trim().max(200).optional()
	})
	.strict();

export const passwordChangeSchema = z
	.object({
		currentPassword: z
			.string()
			.min(1, { error: () => m.account_err_current() })
			.max(256),
		newPassword: password(),
		confirmPassword: z.string().max(256)
	})
	.strict()
	.superRefine((v, ctx) => {
		if (v.newPassword !== v.confirmPassword) {
			ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: m.account_err_confirm() });
		}
		if (v.newPassword === v.currentPassword) {
			ctx.addIssue({ code: 'custom', path: ['newPassword'], message: m.account_err_same() });
		}
	});

/** Filters of the audit log (`GET /api/v1/audit`, the audit page). */
export const auditQuerySchema = z
	.object({
		entity: z.string().trim().max(40).optional(),
		id: z.string().trim().max(64).optional(),
		user: z.string().trim().max(254).optional(),
		operation: z.string().trim().max(40).optional(),
		from: z.iso.date().optional(),
		to: z.iso.date().optional(),
		limit: z
			.string()
			.regex(/^\d{1,3}$/, 'Use a whole number from 1 to 500.')
			.transform(Number)
			.pipe(z.number().int().min(1).max(500))
			.optional(),
		cursor: z
			.string()
			.regex(/^\d{1,12}$/, 'Use the nextCursor of the previous page.')
			.optional()
	})
	.strict();
