import { z } from 'zod';
import { isoDateSchema } from './common';

/** `POST /editions`: an immutable snapshot of the validated data at `asOf` (default today). */
export const editionCreateSchema = z
	.object({
		name: z
			.string()
			.trim()
			.min(1, 'Give the edition a name, such as the meeting it is for.')
			.max(200),
		asOf: isoDateSchema.nullish(),
		roundId: z.number().int().positive().nullish()
	})
	.strict();

export type EditionCreate = z.infer<typeof editionCreateSchema>;

/** Slugs of editions: lower-case letters, digits and hyphens. */
export const editionSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

// ---------------------------------------------------------------------------------------------
// Answers (OpenAPI)

/** An edition: `{"slug", "name", "asOf", "createdAt", "hash"}`. */
export const editionSummary = z.object({
	slug: z.string(),
	name: z.string(),
	asOf: z.string().meta({ format: 'date' }),
	createdAt: z.string().meta({ format: 'date-time' }),
	hash: z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.meta({ description: 'SHA-256 (hex) of data.json.' })
});

/** data.json: the snapshot in canonical JSON (docs/editions.md). */
export const editionData = z.looseObject({
	format: z.literal('avance-edition/1'),
	edition: z.looseObject({ slug: z.string(), name: z.string(), asOf: z.string() }),
	articles: z.array(z.looseObject({ number: z.int() })),
	indicators: z.array(z.looseObject({ code: z.string() })),
	actions: z.array(z.looseObject({ id: z.int(), status: z.string() })),
	evidence: z.array(z.looseObject({ id: z.int(), url: z.string() })),
	observations: z.array(z.looseObject({ indicator: z.string(), value: z.number() })),
	verdicts: z.array(
		z.looseObject({ indicator: z.string(), method: z.string(), status: z.string() })
	)
});

const side = z.object({ slug: z.string(), name: z.string(), asOf: z.string() });
const diffAction = z.looseObject({
	id: z.int(),
	title: z.string(),
	country: z.string().nullable(),
	articles: z.array(z.int()),
	before: z.string().nullable(),
	after: z.string()
});
const diffValue = z.looseObject({
	indicator: z.string(),
	country: z.string().nullable(),
	period: z.string(),
	before: z.number().nullable(),
	after: z.number()
});
const counts = {
	actionsAdded: z.int(),
	actionsCompleted: z.int(),
	statusChanged: z.int(),
	valuesNew: z.int(),
	valuesChanged: z.int(),
	verdictsChanged: z.int(),
	evidenceAdded: z.int()
};

/** `GET /editions/{a}/diff/{b}`. */
export const editionDiff = z.object({
	from: side,
	to: side,
	actions: z.object({
		added: z.array(diffAction),
		completed: z.array(diffAction),
		stalled: z.array(diffAction),
		statusChanged: z.array(diffAction)
	}),
	values: z.object({ new: z.array(diffValue), changed: z.array(diffValue) }),
	verdicts: z.array(
		z.looseObject({
			indicator: z.string(),
			country: z.string().nullable(),
			method: z.string(),
			before: z.string().nullable(),
			after: z.string()
		})
	),
	evidence: z.object({
		added: z.array(z.looseObject({ id: z.int(), url: z.string(), title: z.string() }))
	}),
	byCountry: z.array(z.object({ country: z.string().nullable(), ...counts })),
	byArticle: z.array(z.object({ article: z.int(), ...counts }))
});
