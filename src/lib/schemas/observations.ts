// Observations (DESIGN §2): values of an indicator for a country (null = regional), a period and
// a disaggregation. Shared by the entry forms and `GET, POST /indicators/{code}/observations`.
import { z } from 'zod';
import { parsePeriod } from '$lib/progress';

export const OBSERVATION_STATUSES = ['provisional', 'final'] as const;
export const MAX_OBSERVATIONS_PER_REQUEST = 5000;

/** A period as stored: 2023, 2023-Q2, 2023-05 or a range 2016/2021. */
export const periodSchema = z
	.string()
	.trim()
	.min(1, 'Enter a period.')
	.refine(
		(p) => {
			try {
				const { year } = parsePeriod(p);
				return year >= 1900 && year <= 2100;
			} catch {
				return false;
			}
		},
		{ message: 'Use a period such as 2023, 2023-Q2, 2023-05 or 2016/2021.' }
	);

const DISAGG_KEY = /^[a-z0-9_]{1,40}$/;

/** A small key → value map; {} = the headline series. */
export const disaggregationSchema = z
	.record(
		z.string().regex(DISAGG_KEY, 'Use lower-case keys of letters, digits and _ (e.g. sex).'),
		z
			.string()
			.trim()
			.min(1, 'Give each disaggregation key a value.')
			.max(100)
			.refine((v) => !/[;=]/.test(v), { message: 'Values may not contain ; or =.' })
	)
	.refine((d) => Object.keys(d).length <= 6, { message: 'Use at most 6 disaggregation keys.' })
	.default({});

/** `key=value;key=value` (the template's form) → a disaggregation; throws a message on error. */
export function parseDisaggregationText(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of text.split(';')) {
		if (part.trim() === '') continue;
		const eq = part.indexOf('=');
		if (eq === -1) throw new Error(`'${part.trim()}' is not key=value.`);
		const key = part
			.slice(0, eq)
			.trim()
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '');
		const value = part.slice(eq + 1).trim();
		if (!key || !value) throw new Error(`'${part.trim()}' needs a key and a value.`);
		out[key] = value;
	}
	return out;
}

const evidenceSchema = z
	.object({
		url: z
			.string()
			.trim()
			.max(2000)
			.url('Enter a web address starting with http:// or https://.')
			.refine((u) => /^https?:\/\//i.test(u), {
				message: 'Enter a web address starting with http:// or https://.'
			}),
		title: z.string().trim().min(1, 'Give the evidence a title.').max(300),
		kind: z
			.enum(['law', 'policy', 'report', 'dataset', 'news', 'statement', 'other'])
			.default('dataset')
	})
	.strict();

export const observationInputSchema = z
	.object({
		/** ISO3 code; null (or omitted) = regional, RCM-wide. */
		country: z
			.string()
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 code, such as MEX.')
			.nullable()
			.default(null),
		period: periodSchema,
		disaggregation: disaggregationSchema,
		value: z.number({ message: 'Enter a number.' }).finite('Enter a number.'),
		status: z.enum(OBSERVATION_STATUSES, { message: 'Use provisional or final.' }).default('final'),
		source: z.string().trim().max(1000).nullable().default(null),
		note: z.string().trim().max(4000).nullable().default(null),
		evidence: evidenceSchema.nullable().optional(),
		/** The version the editor saw, when editing an existing value (409 when stale). */
		version: z.number().int().min(1).optional()
	})
	.strict();
export type ObservationInput = z.output<typeof observationInputSchema>;

export const observationUpsertSchema = z
	.object({
		observations: z
			.array(observationInputSchema)
			.min(1, 'Send at least one observation.')
			.max(
				MAX_OBSERVATIONS_PER_REQUEST,
				`Send at most ${MAX_OBSERVATIONS_PER_REQUEST} observations; use an import for more.`
			)
	})
	.strict();

const yearOrPeriod = z
	.string()
	.trim()
	.regex(/^\d{4}$/, 'Use a year such as 2015.')
	.transform(Number);

export const observationListQuery = z
	.object({
		country: z
			.string()
			.trim()
			.toUpperCase()
			.regex(
				/^([A-Z]{3}|REGION|\d{3})$/,
				'Use an ISO 3166-1 alpha-3 code such as MEX, an M49 region code such as 013, or region.'
			)
			.optional(),
		from: yearOrPeriod.optional(),
		to: yearOrPeriod.optional(),
		validatedOnly: z
			.enum(['true', 'false', '1', '0'], { message: 'Use true or false.' })
			.transform((v) => v === 'true' || v === '1')
			.optional(),
		review: z.enum(['draft', 'submitted', 'validated']).optional(),
		format: z.enum(['json', 'csv', 'sdmx-csv', 'xlsx']).default('json'),
		/** Page size of the JSON list (default 100); the CSV holds every value. */
		limit: z
			.string()
			.regex(/^\d{1,6}$/, 'Use a whole number.')
			.transform(Number)
			.pipe(z.number().int().min(1).max(1000))
			.optional(),
		cursor: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,800}$/, 'Use the nextCursor of the previous page.')
			.optional()
	})
	.strict();

export const returnSchema = z
	.object({
		comment: z
			.string()
			.trim()
			.min(1, 'Say what needs to change.')
			.max(2000, 'Use at most 2000 characters.')
	})
	.strict();

/** The body of submit / validate: nothing, or the version seen. */
export const reviewSchema = z.object({ version: z.number().int().min(1).optional() }).strict();
