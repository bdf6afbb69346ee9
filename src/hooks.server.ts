import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getAuth, CLIENT_IP_HEADER } from '$lib/server/auth';
import { getDb, StartupError } from '$lib/server/db';
import { startup } from '$lib/server/startup';
import { loadActor } from '$lib/server/users';
import { logError } from '$lib/server/log';
import { applySecurityHeaders, refusesWrite } from '$lib/server/headers';

export const init: ServerInit = async () => {
	try {
		await startup();
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

const handleLocale: Handle = ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/api/')) return resolve(event);
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	event.locals.sessionId = null;
	let ip = '127.0.0.1';
	try {
		ip = event.getClientAddress();
	} catch {
		/* not available when prerendering */
	}
	event.request = withClientIp(event.request, ip);
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
	return svelteKitHandler({ event, resolve, auth, building });
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const refused = refusesWrite(event);
	if (refused) return applySecurityHeaders(event, refused);
	return applySecurityHeaders(event, await resolve(event));
};

export const handle: Handle = sequence(handleHeaders, handleLocale, handleSession);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Not found' };
	const reference = logError(error, event);
	return { message: 'Something went wrong on our side.', reference };
};
