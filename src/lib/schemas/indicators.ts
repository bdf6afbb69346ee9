// The indicator catalogue (DESIGN §2 "indicator"): what an admin may create and edit, and the
// query of the progress endpoint (DESIGN §6). Shared by the form actions and the API.
import { z } from 'zod';
import { localeSchema } from './common';

import {
	INDICATOR_AGGREGATIONS,
	INDICATOR_DIRECTIONS,
	INDICATOR_KINDS,
	INDICATOR_UNITS,
	PROGRESS_METHODS
} from '$lib/domain';
export {
	INDICATOR_AGGREGATIONS,
	INDICATOR_DIRECTIONS,
	INDICATOR_KINDS,
	INDICATOR_UNITS,
	PROGRESS_METHODS
};
const METHOD_MESSAGE =
	'Use cagr-ratio, progress-chart, anticipated-progress, sdsn-trend, eurostat or all.';
const ceilingKey = z
	.string()
	.trim()
	.max(40, 'Use at most 40 characters.')
	.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Use a disaggregation key such as corridor.');
const aggregation = z.enum(INDICATOR_AGGREGATIONS, { message: 'Choose mean or sum.' });
const kind = z.enum(INDICATOR_KINDS, { message: 'Choose continuous or threshold.' });
const defaultMethod = z.enum(PROGRESS_METHODS, { message: METHOD_MESSAGE });

const SDG_CODE = /^\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2}$/;
const CUSTOM_CODE = /^[A-Z][A-Z0-9]{0,9}-[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/;

/** `10.c.1` (SDG, letters lower-case) or a custom code such as `RCM-11.1`. */
export const indicatorCodeSchema = z
	.string()
	.trim()
	.min(1, 'Enter a code.')
	.max(24, 'Use at most 24 characters.')
	.transform((s) => (SDG_CODE.test(s.toLowerCase()) ? s.toLowerCase() : s))
	.refine((s) => SDG_CODE.test(s) || CUSTOM_CODE.test(s), {
		message: 'Use an SDG code such as 10.c.1 or a custom code such as RCM-11.1.'
	});

const year = z
	.number({ message: 'Enter a year.' })
	.int('Enter a whole year.')
	.min(1900, 'Use a year from 1900 to 2100.')
	.max(2100, 'Use a year from 1900 to 2100.');
const finite = z.number({ message: 'Enter a number.' }).finite('Enter a number.');
/** Outliers (issue 15 §7): a distance in MADs, a jump in %; null: the default, 0: off. */
const outlierMads = z
	.number({ message: 'Enter a number.' })
	.min(0, 'Use 0 (off) or more.')
	.max(100, 'Use at most 100.');
const outlierJumpPercent = z
	.number({ message: 'Enter a number.' })
	.min(0, 'Use 0 (off) or more.')
	.max(100000, 'Use at most 100000.');
const shortText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

const translation = z
	.object({
		name: shortText(300).optional(),
		description: shortText(4000).optional()
	})
	.strict();

const indicatorFields = {
	name: z.string().trim().min(1, 'Enter a name.').max(300, 'Use at most 300 characters.'),
	description: shortText(4000).default(''),
	unit: z.enum(INDICATOR_UNITS, { message: 'Choose a unit.' }),
	direction: z.enum(INDICATOR_DIRECTIONS, { message: 'Choose whether higher or lower is better.' }),
	baselineYear: year.nullable().default(null),
	baselineValue: finite.nullable().default(null),
	targetYear: year.nullable().default(null),
	targetValue: finite.nullable().default(null),
	ceiling: finite.nullable().default(null),
	ceilingKey: ceilingKey.nullable().default(null),
	aggregation: aggregation.nullable().default(null),
	kind: kind.default('continuous'),
	threshold: finite.nullable().default(null),
	defaultMethod: defaultMethod.nullable().default(null),
	scaleMin: finite.nullable().default(null),
	scaleMax: finite.nullable().default(null),
	outlierMads: outlierMads.nullable().default(null),
	outlierJumpPercent: outlierJumpPercent.nullable().default(null),
	/** Article numbers (1–18) the indicator serves. */
	articles: z
		.array(
			z.number().int().min(1, 'Articles run from 1 to 18.').max(18, 'Articles run from 1 to 18.')
		)
		.max(18)
		.default([]),
	/** SDG target/indicator codes (e.g. 10.c, 10.c.1) of the reference list. */
	sdg: z.array(z.string().trim().min(1).max(16)).max(40).default([]),
	/** GCM objective numbers (1–23). */
	gcm: z
		.array(
			z
				.number()
				.int()
				.min(1, 'Objectives run from 1 to 23.')
				.max(23, 'Objectives run from 1 to 23.')
		)
		.max(23)
		.default([]),
	custodian: shortText(300).default(''),
	source: shortText(1000).default(''),
	methodNotes: shortText(8000).default(''),
	/** Accepts series of M49 regions (`013` Central America) besides members and the RCM. */
	regional: z.boolean({ message: 'Use true or false.' }).default(false),
	translations: z
		.object({ es: translation.optional(), fr: translation.optional() })
		.strict()
		.optional()
};

function checkConsistency(
	v: {
		baselineYear?: number | null;
		baselineValue?: number | null;
		targetYear?: number | null;
		targetValue?: number | null;
		scaleMin?: number | null;
		scaleMax?: number | null;
		kind?: string;
		threshold?: number | null;
	},
	ctx: z.RefinementCtx
) {
	if (v.kind === 'threshold' && v.threshold == null) {
		ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'Give the threshold to reach.' });
	}
	if (v.targetYear != null && v.targetValue == null) {
		ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Give the target value too.' });
	}
	if (v.baselineYear != null && v.targetYear != null && v.targetYear <= v.baselineYear) {
		ctx.addIssue({
			code: 'custom',
			path: ['targetYear'],
			message: 'The target year must come after the baseline year.'
		});
	}
	if (v.scaleMin != null && v.scaleMax != null && v.scaleMax <= v.scaleMin) {
		ctx.addIssue({
			code: 'custom',
			path: ['scaleMax'],
			message: 'The top of the scale must be above its bottom.'
		});
	}
}

export const indicatorCreateSchema = z
	.object({ code: indicatorCodeSchema, ...indicatorFields })
	.strict()
	.superRefine(checkConsistency);
export type IndicatorCreateInput = z.output<typeof indicatorCreateSchema>;

/** PATCH: any field but the code, with the `version` the editor saw. */
export const indicatorUpdateSchema = z
	.object({
		version: z.number({ message: 'Send the version you edited.' }).int().min(1),
		name: indicatorFields.name.optional(),
		description: shortText(4000).optional(),
		unit: indicatorFields.unit.optional(),
		direction: indicatorFields.direction.optional(),
		baselineYear: year.nullable().optional(),
		baselineValue: finite.nullable().optional(),
		targetYear: year.nullable().optional(),
		targetValue: finite.nullable().optional(),
		ceiling: finite.nullable().optional(),
		ceilingKey: ceilingKey.nullable().optional(),
		aggregation: aggregation.nullable().optional(),
		kind: kind.optional(),
		threshold: finite.nullable().optional(),
		defaultMethod: defaultMethod.nullable().optional(),
		scaleMin: finite.nullable().optional(),
		scaleMax: finite.nullable().optional(),
		/** Flag values this many median absolute deviations from their series (null: 3; 0: off). */
		outlierMads: outlierMads.nullable().optional(),
		/** Flag a jump of more than this % from the period before (null: 50; 0: off). */
		outlierJumpPercent: outlierJumpPercent.nullable().optional(),
		articles: indicatorFields.articles.unwrap().optional(),
		sdg: indicatorFields.sdg.unwrap().optional(),
		gcm: indicatorFields.gcm.unwrap().optional(),
		custodian: shortText(300).optional(),
		source: shortText(1000).optional(),
		methodNotes: shortText(8000).optional(),
		regional: z.boolean({ message: 'Use true or false.' }).optional(),
		/** Sources in order of preference, best first (imports keep a better-ranked value). */
		sourceRanking: z
			.array(z.string().trim().min(1).max(200))
			.max(20)
			.transform((a) => JSON.stringify(a))
			.optional(),
		translations: indicatorFields.translations
	})
	.strict();
// (A PATCH is checked for consistency against the stored record, in the service.)
export type IndicatorUpdateInput = z.output<typeof indicatorUpdateSchema>;

export const indicatorListQuery = z.object({ lang: localeSchema.default('en') }).strict();

/** `GET /indicators/{code}/progress?country=&method=` (country empty or `region` = regional). */
export const progressQuery = z
	.object({
		country: z
			.string()
			.trim()
			.toUpperCase()
			.regex(
				/^([A-Z]{3}|REGION|\d{3})?$/,
				'Use an ISO 3166-1 alpha-3 code such as MEX, an M49 region code such as 013, or region.'
			)
			.optional(),
		/** Default: the indicator's default method, else the site's. `all`: the five side by side. */
		method: z.enum([...PROGRESS_METHODS, 'all'], { message: METHOD_MESSAGE }).optional(),
		validatedOnly: z
			.enum(['true', 'false', '1', '0'], { message: 'Use true or false.' })
			.transform((v) => v === 'true' || v === '1')
			.optional()
	})
	.strict();
