// Import profiles (issue 15 §4): the body of `POST /import-profiles` and `PATCH
// /import-profiles/{id}` — a named mapping of a file's layout for one indicator (the shape the
// profile reader takes, import/readers/profile.ts). Strict: unknown fields are refused.
import { z } from 'zod';

const column = (what: string) =>
	z
		.string({ message: `Name the column that holds the ${what}.` })
		.trim()
		.min(1, `Name the column that holds the ${what}.`)
		.max(200, 'Use at most 200 characters.');

const key = z
	.string({ message: 'Give the disaggregation a key, such as sex or corridor.' })
	.trim()
	.regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'Use a key of letters, digits and _ (e.g. corridor).');

export const profileSpecSchema = z
	.object({
		name: z
			.string({ message: 'Give the profile a name.' })
			.trim()
			.min(1, 'Give the profile a name.')
			.max(120, 'Use at most 120 characters.'),
		indicator: z
			.string({ message: 'Name the indicator by its code, such as 10.7.3.' })
			.trim()
			.min(1, 'Name the indicator by its code, such as 10.7.3.')
			.max(24, 'Use an indicator code, such as 10.7.3.'),
		period: z
			.object({
				column: column('period'),
				pattern: z
					.string()
					.trim()
					.max(60, 'Use at most 60 characters.')
					.refine((p) => p.includes('{yyyy}'), {
						message: 'The pattern must contain {yyyy}, e.g. {yyyy}, {yyyy}_{q}Q or {yyyy}-{mm}.'
					})
					.nullable()
					.optional()
			})
			.strict(),
		geography: z.union(
			[
				z
					.object({
						column: column('geography'),
						kind: z.enum(['iso3', 'm49', 'name'], { message: 'Use iso3, m49 or name.' })
					})
					.strict(),
				z
					.object({
						fixed: z
							.string()
							.trim()
							.toUpperCase()
							.regex(/^([A-Z]{3}|\d{3})$/, 'Use an ISO3 code (MEX) or an M49 code (013).')
					})
					.strict()
			],
			{ message: 'Give {column, kind} (kind iso3, m49 or name) or {fixed: "MEX"}.' }
		),
		value: z.object({ column: column('value') }).strict(),
		disaggregations: z
			.array(
				z.union(
					[
						z.object({ key, column: column('disaggregation') }).strict(),
						z
							.object({
								key,
								template: z
									.string()
									.trim()
									.regex(/\{[^{}]+\}/, 'A template names columns in braces, e.g. {source_code}.')
									.max(200, 'Use at most 200 characters.')
							})
							.strict()
					],
					{ message: 'Give each disaggregation {key, column} or {key, template}.' }
				)
			)
			.max(10, 'Use at most 10 disaggregations.')
			.default([]),
		filters: z
			.array(
				z.union(
					[
						z.object({ column: column('filtered value'), equals: z.string().max(200) }).strict(),
						z
							.object({
								column: column('filtered value'),
								in: z.array(z.string().max(200)).min(1, 'List at least one value.').max(200)
							})
							.strict()
					],
					{ message: 'Give each filter {column, equals} or {column, in: [...]}.' }
				)
			)
			.max(10, 'Use at most 10 filters.')
			.default([]),
		aggregate: z
			.enum(['sum', 'mean', 'count', 'max'], { message: 'Use sum, mean, count, max or null.' })
			.nullable()
			.default(null)
	})
	.strict();
export type ProfileSpecInput = z.output<typeof profileSpecSchema>;

/** PATCH: the whole profile again, with the `version` it was read at (stale → 409). */
export const profileUpdateSchema = profileSpecSchema.extend({
	version: z.int({ message: 'Send the version you read.' }).min(1)
});
export type ProfileUpdateInput = z.output<typeof profileUpdateSchema>;
