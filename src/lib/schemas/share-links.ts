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
		asOf: isoDateSchema.nullish()
	})
	.strict();

export type ShareLinkCreate = z.infer<typeof shareLinkCreateSchema>;
