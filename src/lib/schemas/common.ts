import { z } from 'zod';
import { LOCALES } from '$lib/domain';

export const localeSchema = z.enum(LOCALES);

/** `?lang=` on read endpoints: the language of titles and names (English by default). */
export const localeQuery = z.object({ lang: localeSchema.default('en') }).strict();

/** `true`/`false` (also `1`/`0`) in a query string. */
export const booleanParam = z
	.enum(['true', 'false', '1', '0'], { message: 'Use true or false.' })
	.transform((v) => v === 'true' || v === '1');

export const iso3Schema = z
	.string()
	.trim()
	.toUpperCase()
	.regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 code, such as MEX.');

export const isoDateSchema = z.iso.date({ message: 'Use a date as YYYY-MM-DD.' });

/** `GET /countries?member=true&lang=`. */
export const countryQuery = localeQuery.extend({ member: booleanParam.optional() });
