// Dimension mappings (issue 15 §2, DESIGN §11): what `POST /dimension-mappings` and the imports
// page's form take. `from` is a column name (kind key) or a cell (kind value); `to` the
// canonical key or code; `dimension` the key a value mapping belongs to (omit: any key).
import { z } from 'zod';

const CANONICAL = /^[a-z0-9_]{1,40}$/;
const canonical = (message: string) =>
	z.string({ message }).trim().toLowerCase().regex(CANONICAL, message);

export const dimensionMappingCreateSchema = z
	.object({
		kind: z.enum(['key', 'value'], { message: 'Use key (a column name) or value (a cell).' }),
		from: z
			.string({ message: 'Enter the text the files use.' })
			.trim()
			.min(1, 'Enter the text the files use.')
			.max(100, 'Use at most 100 characters.'),
		to: canonical('Use a lower-case code of letters, digits and _ (e.g. male, y15t24).'),
		dimension: z
			.union([
				canonical('Use a lower-case key of letters, digits and _ (e.g. sex).'),
				z.literal('').transform(() => null),
				z.null()
			])
			.optional()
			.transform((v) => v ?? null)
	})
	.strict()
	.superRefine((v, ctx) => {
		if (v.kind === 'key' && v.dimension !== null)
			ctx.addIssue({
				code: 'custom',
				path: ['dimension'],
				message: 'A column-name mapping belongs to no key; leave the key empty.'
			});
	});
export type DimensionMappingCreate = z.output<typeof dimensionMappingCreateSchema>;
