// `POST /imports?format=&indicator=&country=&dryRun=&validOnly=&existing=&series=&sheet=` (DESIGN §8)
// and the import page.
import { z } from 'zod';

export const IMPORT_FORMAT_NAMES = [
	'opensdg',
	'databank',
	'sdg-ddf',
	'template',
	'sdmx-csv'
] as const;
/** What an import does with stored values the file would change (issue 15 §6; import/ranking.ts). */
export const EXISTING_CHOICES = ['prefer-ranked', 'keep', 'replace'] as const;

/**
 * Largest CSV the import accepts (the server's own body limit is higher): 15 times the largest
 * real file in use (World Bank RPW, 1.1 MB), and small enough that the import of one stays
 * within the server's memory (npm start caps V8's heap at 512 MB).
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** Most values (rows after reading, a wide file's cells) one import takes. */
export const MAX_IMPORT_ROWS = 300_000;

const flag = z
	.enum(['true', 'false', '1', '0', 'on', ''], { message: 'Use true or false.' })
	.transform((v) => v === 'true' || v === '1' || v === 'on');

const optionalText = (schema: z.ZodType<string | undefined>) =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

export const importOptionsSchema = z
	.object({
		format: optionalText(
			z
				.enum(IMPORT_FORMAT_NAMES, {
					message:
						'Use opensdg, databank, sdg-ddf, template or sdmx-csv (or leave it out to detect it).'
				})
				.optional()
		),
		indicator: optionalText(z.string().trim().max(24).optional()),
		country: optionalText(
			z
				.string()
				.trim()
				.toUpperCase()
				.regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 code, such as MEX.')
				.optional()
		),
		dryRun: flag.default(false),
		validOnly: flag.default(false),
		existing: optionalText(
			z
				.enum(EXISTING_CHOICES, {
					message: 'Use prefer-ranked, keep or replace.'
				})
				.optional()
		),
		/** 'replace': the file's indicator × geographies hold only what the file holds afterwards. */
		series: optionalText(
			z
				.enum(['keep', 'replace'], {
					message: 'Use keep or replace.'
				})
				.optional()
		),
		/** An Excel workbook's sheet to read (default: the first). */
		sheet: optionalText(z.string().trim().max(100).optional()),
		/** A saved import profile's id (issue 15 §4): the file is read with its mapping. */
		profile: optionalText(
			z
				.string()
				.trim()
				.regex(/^\d{1,9}$/, 'Use the id of a saved import profile.')
				.optional()
		),
		fileName: optionalText(z.string().trim().max(255).optional())
	})
	.strict();
export type ImportOptions = z.output<typeof importOptionsSchema>;
