// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Actor } from '$lib/server/auth/authz';
import type { ResolvedShareLink } from '$lib/server/sharing/share-links';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			reference?: string;
		}
		interface Locals {
			actor: Actor | null;
			sessionId: string | null;
			/** The API key of a request with `Authorization: Bearer` (hooks.server.ts). */
			apiKeyId?: number | null;
			/** The share link of a /s/{token}/… request, when the token is valid. */
			share: ResolvedShareLink | null;
			/** The address as requested (hooks.server.ts), for the response caches' keys. */
			requestUrl: URL;
			/** The cache key of a shared page request (hooks.server.ts, shared-fast.ts). */
			sharedKey?: string | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
