// Sign-in and sign-out for the pages, through better-auth's own HTTP handler so that its
// rate limiting, origin checks and session cookies apply exactly as for the API.
import type { RequestEvent } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';
import { getAuth, CLIENT_IP_HEADER } from './index';

export type SignInOutcome = 'ok' | 'invalid' | 'rate_limited';

function copyCookies(event: RequestEvent, res: Response): void {
	const header = res.headers.get('set-cookie');
	if (!header) return;
	for (const [name, attrs] of parseSetCookieHeader(header)) {
		event.cookies.set(name, attrs.value, { ...toCookieOptions(attrs), path: attrs.path || '/' });
	}
}

async function callAuth(event: RequestEvent, path: string, body: unknown): Promise<Response> {
	const headers = new Headers({
		'content-type': 'application/json',
		origin: event.url.origin,
		cookie: event.request.headers.get('cookie') ?? '',
		[CLIENT_IP_HEADER]: event.request.headers.get(CLIENT_IP_HEADER) ?? '127.0.0.1',
		'user-agent': event.request.headers.get('user-agent') ?? ''
	});
	const url = new URL(`/api/auth${path}`, event.url);
	return getAuth().handler(
		new Request(url, { method: 'POST', headers, body: JSON.stringify(body) })
	);
}

export async function signIn(
	event: RequestEvent,
	email: string,
	password: string
): Promise<SignInOutcome> {
	const res = await callAuth(event, '/sign-in/email', { email, password, rememberMe: true });
	if (res.status === 429) return 'rate_limited';
	if (!res.ok) return 'invalid';
	copyCookies(event, res);
	return 'ok';
}

export async function signOut(event: RequestEvent): Promise<void> {
	const res = await callAuth(event, '/sign-out', {});
	copyCookies(event, res);
}

/** Control characters (a browser drops tabs and newlines from a URL) or a backslash. */
function unsafeCharacters(text: string): boolean {
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (code < 0x20 || code === 0x7f || ch === '\\') return true;
	}
	return false;
}

/**
 * Only same-origin paths are followed after sign-in (and after a language change): the target
 * is resolved against a placeholder origin exactly as a browser would resolve the Location
 * header (tabs and newlines dropped, `\\` read as `/`), and anything that lands on another
 * origin, or holds control characters, goes to `fallback`.
 */
export function safeRedirect(target: string | null, fallback = '/'): string {
	if (!target || !target.startsWith('/') || unsafeCharacters(target)) {
		return fallback;
	}
	const base = 'http://avance.invalid';
	let url: URL;
	try {
		url = new URL(target, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	// Decoded once more (a path such as /%2F%2Fevil or /%09/evil that a later redirect could
	// unescape): still nothing but a path on this site.
	let decoded: string;
	try {
		decoded = decodeURIComponent(url.pathname);
	} catch {
		return fallback;
	}
	if (decoded.startsWith('//') || unsafeCharacters(decoded)) return fallback;
	return url.pathname + url.search + url.hash;
}
