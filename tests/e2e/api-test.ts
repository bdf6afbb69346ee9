// Playwright's `test`, `expect` and `request`, with every answer of the API checked against
// the API's own OpenAPI description (openapi-check.ts): a spec that imports from here cannot
// receive an undocumented status or a body that does not match its documented schema without
// failing. So the description cannot drift from what the code answers.
import {
	test as base,
	expect,
	request as playwrightRequest,
	type APIRequestContext,
	type APIResponse
} from '@playwright/test';
import { OpenApiCheck } from './openapi-check';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'fetch'] as const;
const checks = new Map<string, Promise<OpenApiCheck>>();

function checkFor(origin: string): Promise<OpenApiCheck> {
	let check = checks.get(origin);
	if (!check) {
		check = fetch(new URL('/api/v1/openapi.json', origin)).then(
			async (res) => new OpenApiCheck(await res.json())
		);
		checks.set(origin, check);
	}
	return check;
}

async function verify(method: string, url: string, base: string, res: APIResponse) {
	const full = new URL(url, base);
	if (!full.pathname.startsWith('/api/v1/') || full.pathname === '/api/v1/openapi.json') return;
	// Other servers a spec starts (behind a proxy, on a broken disk…) are not this description's.
	if (full.origin !== new URL(base).origin) return;
	if (method.toLowerCase() === 'head') return;
	const check = await checkFor(full.origin);
	// An address no route serves (the API's own JSON 404) is checked by its own tests.
	if (res.status() === 404 && !check.knows(method, full.pathname)) return;
	await check.check(method, full.pathname + full.search, res);
}

/** The same request context, with every API answer checked against the description. */
export function checked(ctx: APIRequestContext, baseURL: string): APIRequestContext {
	return new Proxy(ctx, {
		get(target, prop) {
			const value = Reflect.get(target, prop, target);
			if (typeof value !== 'function') return value;
			if (!(METHODS as readonly (string | symbol)[]).includes(prop)) return value.bind(target);
			return async (url: string | { url(): string }, options?: { method?: string }) => {
				const res: APIResponse = await value.call(target, url, options);
				const method = prop === 'fetch' ? (options?.method ?? 'GET') : String(prop);
				await verify(method, typeof url === 'string' ? url : url.url(), baseURL, res);
				return res;
			};
		}
	});
}

function baseUrlOf(options?: { baseURL?: string }): string {
	return options?.baseURL ?? test.info().project.use.baseURL ?? 'http://localhost';
}

/** `request.newContext`, checked. */
export const request = {
	async newContext(options: Parameters<typeof playwrightRequest.newContext>[0] = {}) {
		return checked(await playwrightRequest.newContext(options), baseUrlOf(options));
	}
};

export const test = base.extend({
	request: async ({ request, baseURL }, use) => {
		await use(checked(request, baseURL ?? 'http://localhost'));
	}
});

export { expect };
export type { APIRequestContext, APIResponse };
