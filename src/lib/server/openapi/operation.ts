// The shape of one documented endpoint, its path parameters and small helpers for the lists
// in operations.ts and record-operations.ts.
import type { ZodType } from 'zod';
import { z } from 'zod';
import { translationKindSchema } from '$lib/schemas/translations';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface Operation {
	method: Method;
	/** OpenAPI form: `/actions/{id}`. */
	path: string;
	tag: string;
	summary: string;
	description?: string;
	/** No sign-in needed. */
	public?: boolean;
	query?: ZodType;
	/** A JSON body, validated with this schema. */
	body?: ZodType;
	/** The body may be left out (review steps). */
	bodyOptional?: boolean;
	/** A CSV import: text/csv or multipart with `file`. */
	csvBody?: boolean;
	/** Status → answer; a schema for JSON, `csv` for a CSV file, null for no body. */
	responses: Record<number, { description: string; schema?: ZodType | 'csv' | null }>;
	/** Error statuses this endpoint may answer besides 400, 401 and 403 (always possible). */
	errors?: number[];
	example?: { request?: unknown; response?: unknown };
}

/** Path parameters, by name. */
export const PATH_PARAMS: Record<string, { schema: ZodType; description: string }> = {
	id: { schema: z.string().regex(/^\d{1,9}$/), description: 'The record’s id.' },
	n: { schema: z.string().regex(/^\d{1,3}$/), description: 'The article number, 1–18.' },
	iso3: {
		schema: z.string().regex(/^[A-Za-z]{3}$/),
		description: 'A member state’s ISO 3166-1 alpha-3 code, such as GTM.'
	},
	code: { schema: z.string().max(24), description: 'Indicator code, such as 10.c.1 or RCM-11.1.' },
	kind: { schema: translationKindSchema, description: 'What is translated.' },
	slug: { schema: z.string().max(80), description: 'The edition’s slug.' },
	a: { schema: z.string().max(80), description: 'The earlier edition’s slug.' },
	b: { schema: z.string().max(80), description: 'The later edition’s slug.' },
	key: {
		schema: z.string().max(40),
		description: 'Article number, indicator code or reference id.'
	}
};

export const ok = (schema: ZodType, description = 'OK') => ({ 200: { description, schema } });
export const created = (schema: ZodType) => ({ 201: { description: 'Created', schema } });
export const noContent = { 204: { description: 'Done; no body.', schema: null } };
