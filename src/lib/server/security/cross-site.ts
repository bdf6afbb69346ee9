// Cross-site request forgery: our own check, in place of SvelteKit's (svelte.config.js trusts
// every origin so that this one decides). A browser always says where a write comes from — the
// Origin header on every cross-site POST, and Sec-Fetch-Site in current browsers — so a write
// (POST, PUT, PATCH, DELETE) is refused when the Origin is not this site's, or when the browser
// calls it cross-site. A script (curl, an integration with an API key or a session cookie) sends
// neither header; it is not a browser's cross-site request and goes through, which lets a
// multipart import from a script work.
import { json } from '@sveltejs/kit';
import { errorBody } from '../http/json';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why a request is a cross-site write, or null when it may go on. */
export function crossSiteWrite(request: Request, origin: string): string | null {
	if (!WRITES.has(request.method)) return null;
	const from = request.headers.get('origin');
	if (from !== null && from !== origin) return `origin ${from}`;
	if (request.headers.get('sec-fetch-site') === 'cross-site') return 'sec-fetch-site: cross-site';
	return null;
}

/** The 403 answer: the API's JSON error shape for the API and JSON clients, else plain text. */
export function refuseCrossSite(request: Request, pathname: string): Response {
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	const accept = request.headers.get('accept') ?? '';
	if (pathname.startsWith('/api/') || /application\/json/i.test(accept)) {
		return json(errorBody('forbidden', message), { status: 403 });
	}
	return new Response(message, {
		status: 403,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
