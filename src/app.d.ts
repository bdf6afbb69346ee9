// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Actor } from '$lib/server/authz';

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
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
