// API keys (DESIGN §11): what a request to create one must hold, and the list's filter.
import { z } from 'zod';
import { isoDateSchema } from './common';

export const apiKeyCreateSchema = z
	.object({
		name: z
			.string({ message: 'Give the key a name, such as the script that uses it.' })
			.trim()
			.min(1, 'Give the key a name, such as the script that uses it.')
			.max(100, 'Use at most 100 characters.'),
		/** Last day (UTC) the key works; omit or null for a key without expiry. */
		expiresOn: isoDateSchema.nullish()
	})
	.strict();
export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>;

/** `GET /api-keys?user=ID`: admins may list anyone's keys. */
export const apiKeyQuerySchema = z
	.object({
		user: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use a user id.')
			.optional()
	})
	.strict();
