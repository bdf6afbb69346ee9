import { z } from 'zod';
import { localeSchema, isoDateSchema } from './common';

export const SHARE_SCOPE_TYPES = ['framework', 'article', 'country', 'indicator'] as const;

export const shareLinkCreateSchema = z
	.object({
		scopeType: z.enum(SHARE_SCOPE_TYPES, { message: 'Choose what the link shows.' }),
		scopeTarget: z.string().trim().min(1, 'Choose the article, country or indicator.').max(40),
		label: z.string().trim().min(1, 'Give the link a label, such as who it is for.').max(200),
		locale: localeSchema.default('en'),
		expiresOn: isoDateSchema.nullish(),
		asOf: isoDateSchema.nullish(),
		/** The slug of an edition (issue 18): the link shows that frozen snapshot, not live data. */
		edition: z
			.string()
			.trim()
			.regex(/^[a-z0-9-]{1,80}$/, 'Use the slug of an edition.')
			.nullish()
	})
	.strict();

export type ShareLinkCreate = z.infer<typeof shareLinkCreateSchema>;
