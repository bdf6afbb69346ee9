// Calls an API route handler (a `+server.ts` export) in-process as a given actor, as SvelteKit
// would: the request, its URL, route params and the locals the hooks set. The one caller the
// API tests share.
import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../../src/lib/server/auth/authz';

export type Handler = (event: RequestEvent) => Promise<Response> | Response;

export type CallOptions = {
	method?: string;
	/** The request path (default `/api/v1/x`); `query` is appended to it. */
	path?: string;
	query?: string;
	params?: Record<string, string>;
	/** A JSON body (objects are serialised; strings are sent as they are). */
	body?: unknown;
	/** A CSV body, sent as `text/csv`. */
	csv?: string;
	/** The content type of `body` (default `application/json`). */
	type?: string;
};

export function callApi(
	handler: unknown,
	actor: Actor | null,
	opts: CallOptions = {}
): Promise<Response> {
	const url = new URL(`http://localhost${opts.path ?? '/api/v1/x'}${opts.query ?? ''}`);
	const headers: Record<string, string> = {};
	let body: string | undefined;
	if (opts.csv !== undefined) {
		body = opts.csv;
		headers['content-type'] = 'text/csv';
	} else if (opts.body !== undefined) {
		body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
		headers['content-type'] = opts.type ?? 'application/json';
	}
	const event = {
		request: new Request(url, { method: opts.method ?? 'GET', headers, body }),
		url,
		params: opts.params ?? {},
		locals: { actor, sessionId: null },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	return Promise.resolve((handler as Handler)(event));
}
