import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { localeRedirect, pathLocale } from '$lib/i18n/negotiate';
import { getAuth, CLIENT_IP_HEADER } from '$lib/server/auth';
import { closeDb, getDb, StartupError } from '$lib/server/db';
import { startup } from '$lib/server/runtime/startup';
import { loadActor } from '$lib/server/accounts/users';
import { logError } from '$lib/server/runtime/log';
import { authenticateApiKey, bearerKey } from '$lib/server/api-keys';
import { withApiKey } from '$lib/server/api-keys/context';
import { takeRequest } from '$lib/server/api-keys/rate-limit';
import { errorBody, errorResponse } from '$lib/server/http/json';
import { applySecurityHeaders, refusesWrite } from '$lib/server/http/headers';
import { crossSiteWrite, refuseCrossSite } from '$lib/server/security/cross-site';
import { getLocale } from '$lib/paraglide/runtime';
import { RETRY_AFTER_SECONDS, storageFault } from '$lib/server/health/faults';
import { adminNotices, noticesKey } from '$lib/server/health/banner';
import { appErrorMessage } from '$lib/i18n/errors';
import { recordView, resolveShareToken } from '$lib/server/sharing/share-links';
import { etagMatches, sharedToken, SHARED_CACHE_CONTROL } from '$lib/server/sharing/shared-site';
import { renderOnce, signedInPageKey } from '$lib/server/cache/responses';
import {
	installSharedFastPath,
	keepFinal,
	keptResponse,
	sharedPageKey
} from '$lib/server/sharing/shared-fast';

export const init: ServerInit = async () => {
	try {
		await startup();
		installSharedFastPath();
		// scripts/serve.js emits this once every request in flight has been answered (SIGTERM,
		// SIGINT): the WAL is folded into the database file and the connection closed.
		process.once('sveltekit:shutdown', (reason) => {
			const checkpoint = closeDb();
			console.log(
				`[avance] ${reason}: database checkpointed${checkpoint?.busy ? ' (busy)' : ''} and closed`
			);
		});
	} catch (e) {
		if (e instanceof StartupError) {
			console.error(`[avance] cannot start: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
};

/** Replaces any client-sent IP header with the socket address, for rate limiting. */
function withClientIp(request: Request, ip: string): Request {
	const headers = new Headers(request.headers);
	headers.set(CLIENT_IP_HEADER, ip);
	return new Request(request, { headers });
}

// The language: URL prefix (or ?lang=) → saved choice (cookie) → Accept-Language → English;
// unprefixed pages for a Spanish or French reader redirect to /es/… or /fr/… (lib/i18n/negotiate).
const handleLocale: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/api/')) return resolve(event);
	const target = localeRedirect({
		method: event.request.method,
		url: event.url,
		headers: event.request.headers
	});
	if (target) {
		return new Response(null, {
			status: 307,
			headers: { location: target, vary: 'Cookie, Accept-Language' }
		});
	}
	const response = await paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
	if (!pathLocale(event.url.pathname) && !response.headers.has('vary')) {
		try {
			response.headers.set('vary', 'Cookie, Accept-Language');
		} catch {
			/* immutable headers (a fetched response): leave them */
		}
	}
	return response;
};

// Shared pages (/s/{token}/…): no session is read; the token is resolved once per request;
// responses carry an ETag from the one cache key (data version, link, language, address) and
// are kept in memory until the data version moves.
const handleShared: Handle = async ({ event, resolve }) => {
	event.locals.share = null;
	event.locals.sharedKey = null;
	const token = sharedToken(event.url.pathname);
	if (!token) return handleSession({ event, resolve });
	event.locals.actor = null;
	event.locals.sessionId = null;
	const db = getDb();
	const link = resolveShareToken(db, token);
	if (!link) return resolve(event);
	event.locals.share = link;
	// SvelteKit gives a client-side data request (…/__data.json) the page's own event.url, so
	// the key is made from the address as requested.
	if (!event.isDataRequest) recordView(db, link.id);
	const etag = sharedPageKey(db, link.id, getLocale(), event.locals.requestUrl);
	const headers = { etag, 'cache-control': SHARED_CACHE_CONTROL, vary: 'Accept-Language, Cookie' };
	if (etagMatches(event.request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	// Rendered once per data version: the answer as finally sent (handleHeaders keeps it), which
	// the server's fast path also serves (shared-fast.ts).
	const kept = keptResponse(etag, event.request.headers.get('accept-encoding'));
	if (kept) return kept;
	event.locals.sharedKey = etag;
	const res = await resolve(event);
	if (res.status === 200) for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
	return res;
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	event.locals.sessionId = null;
	event.locals.apiKeyId = null;
	let ip = '127.0.0.1';
	try {
		ip = event.getClientAddress();
	} catch {
		/* not available when prerendering */
	}
	event.request = withClientIp(event.request, ip);
	// An API request with `Authorization: Bearer <key>` acts as the key's user (no cookie read).
	const apiKey = event.url.pathname.startsWith('/api/v1/')
		? bearerKey(event.request.headers)
		: null;
	if (apiKey !== null && !building) return resolveWithApiKey(event, resolve, apiKey);
	const auth = getAuth();
	if (!building) {
		const result = await auth.api.getSession({ headers: event.request.headers }).catch(() => null);
		if (result) {
			const actor = loadActor(getDb(), result.user.id);
			if (actor) {
				event.locals.actor = actor;
				event.locals.sessionId = result.session.id;
			}
		}
	}
	// The summary pages are rendered once per data version and reader ($lib/server/cache),
	// and for admins per state of the health banner ((app)/+layout).
	let key = signedInPageKey(
		getDb(),
		event.request.method,
		event.locals.requestUrl,
		event.locals.actor,
		getLocale()
	);
	if (!key) return svelteKitHandler({ event, resolve, auth, building });
	if (event.locals.actor?.role === 'admin') key += `|${noticesKey(await adminNotices())}`;
	return renderOnce(
		key,
		() => svelteKitHandler({ event, resolve, auth, building }),
		event.request.headers.get('accept-encoding')
	);
};

/** 401 for a key that is unknown, revoked or expired or whose user is deactivated; 429 over its limit. */
function resolveWithApiKey(
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve'],
	key: string
) {
	let found: ReturnType<typeof authenticateApiKey>;
	try {
		found = authenticateApiKey(getDb(), key);
	} catch (e) {
		return errorResponse(e, event);
	}
	const headers = { 'cache-control': 'private, no-store' };
	if (!found) {
		const body = errorBody(
			'invalid_api_key',
			'The API key is not valid: it is unknown, revoked or expired, or its user is deactivated.'
		);
		return Response.json(body, {
			status: 401,
			headers: { ...headers, 'www-authenticate': 'Bearer' }
		});
	}
	const wait = takeRequest(found.keyId);
	if (wait > 0) {
		const body = errorBody(
			'rate_limited',
			`This API key made too many requests; try again in ${wait} seconds.`
		);
		return Response.json(body, {
			status: 429,
			headers: { ...headers, 'retry-after': String(wait) }
		});
	}
	event.locals.actor = found.actor;
	event.locals.apiKeyId = found.keyId;
	return withApiKey(found.keyId, () => resolve(event));
}

const handleHeaders: Handle = async ({ event, resolve }) => {
	// The address as requested, before SvelteKit and the language middleware rewrite event.url
	// and event.request (a client-side data request keeps its /__data.json and its
	// x-sveltekit-invalidated here): the response caches key on it.
	event.locals.requestUrl = new URL(event.request.url);
	if (crossSiteWrite(event.request, event.url.origin)) {
		return applySecurityHeaders(event, refuseCrossSite(event.request, event.url.pathname));
	}
	const refused = refusesWrite(event);
	if (refused) return applySecurityHeaders(event, refused);
	const res = applySecurityHeaders(event, await resolve(event));
	// A locked database (503 busy): when to try again, on pages as on the API.
	if (res.status === 503 && !res.headers.has('retry-after')) {
		try {
			res.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
		} catch {
			/* immutable headers */
		}
	}
	// A shared page (or its data) as finally answered, kept for the next request and for the
	// server's fast path (shared-fast.ts).
	const key = event.locals.sharedKey;
	return key && event.request.method === 'GET' ? keepFinal(key, res) : res;
};

export const handle: Handle = sequence(handleHeaders, handleLocale, handleShared);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Not found' };
	// A request SvelteKit itself refused (405, 413 over BODY_SIZE_LIMIT, 415…): not a fault of
	// ours, so nothing to log and no reference.
	if (status < 500) return { message };
	// A full disk, a locked or read-only database outside any form: said as such (logged and
	// counted once in health/faults.ts), in the page's language.
	const fault = storageFault(error);
	if (fault) return { message: appErrorMessage(fault), code: fault.code };
	const reference = logError(error, event);
	return { message: 'Something went wrong on our side.', reference };
};
