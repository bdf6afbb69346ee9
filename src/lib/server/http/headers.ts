// Response headers every page gets: no sniffing, a strict referrer policy, no framing
// (except the embeddable charts under /s/{token}/embed/…), and no caching of anything a
// signed-in person sees.
import type { RequestEvent } from '@sveltejs/kit';

export const EMBED_PATH = /^\/(?:(?:es|fr)\/)?s\/[^/]+\/embed\//;
export const SHARED_PATH = /^\/(?:(?:es|fr)\/)?s\//;

export function isEmbed(pathname: string): boolean {
	return EMBED_PATH.test(pathname);
}

export function applySecurityHeaders(event: RequestEvent, response: Response): Response {
	const h = response.headers;
	const embed = isEmbed(event.url.pathname);
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'strict-origin-when-cross-origin');
	if (!embed) h.set('x-frame-options', 'DENY');
	const csp = h.get('content-security-policy');
	if (embed && csp) {
		h.set('content-security-policy', csp.replace(/frame-ancestors[^;]*/, 'frame-ancestors *'));
	}
	if (!h.has('cache-control') || event.locals.actor) {
		if (event.locals.actor || !SHARED_PATH.test(event.url.pathname)) {
			h.set('cache-control', 'private, no-store');
		}
	}
	return response;
}

/** Shared pages are read-only: anything but GET and HEAD is refused. */
export function refusesWrite(event: RequestEvent): Response | null {
	if (!SHARED_PATH.test(event.url.pathname)) return null;
	if (event.request.method === 'GET' || event.request.method === 'HEAD') return null;
	return new Response('Shared pages are read-only.', {
		status: 405,
		headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }
	});
}
