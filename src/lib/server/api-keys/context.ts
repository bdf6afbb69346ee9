// The API key a request is being served through, for the audit trail: hooks.server.ts runs
// the request inside `withApiKey`, and recordAudit reads `currentApiKeyId`.
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<number>();

export function withApiKey<T>(keyId: number, run: () => T): T {
	return current.run(keyId, run);
}

/** The id of the API key of the request being served, or null (a session, a script). */
export function currentApiKeyId(): number | null {
	return current.getStore() ?? null;
}
