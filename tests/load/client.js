// A minimal HTTP client for the load and crash tests: a signed-in session (the better-auth
// cookie) and requests that never throw (a network failure or time-out is status 0).

/**
 * Signs in through better-auth's own endpoint; returns the Cookie header of the session.
 * @param {string} origin
 * @param {string} email
 * @param {string} password
 * @returns {Promise<string>}
 */
export async function signIn(origin, email, password) {
	const res = await fetch(`${origin}/api/auth/sign-in/email`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin },
		body: JSON.stringify({ email, password })
	});
	if (res.status !== 200) {
		throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
	}
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	const session = cookies.find((c) => c.includes('session_token='));
	if (!session) throw new Error(`sign-in of ${email} set no session cookie`);
	return cookies.join('; ');
}

/**
 * One request. `json` sends a JSON body, `csv` a text/csv body. Answers
 * `{status, ms, body, text, error}`; status 0 when the request failed or timed out.
 * @param {string} origin
 * @param {string} method
 * @param {string} path
 * @param {{ cookie?: string, json?: unknown, csv?: string, headers?: Record<string, string>,
 *   timeoutMs?: number }} [opts]
 * @returns {Promise<{ status: number, ms: number, body: any, text: string, error?: string }>}
 */
export async function request(origin, method, path, opts = {}) {
	/** @type {Record<string, string>} */
	const headers = { ...(opts.headers ?? {}) };
	if (opts.cookie) headers.cookie = opts.cookie;
	let body;
	if (opts.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(opts.json);
	} else if (opts.csv !== undefined) {
		headers['content-type'] = 'text/csv';
		body = opts.csv;
	}
	const started = performance.now();
	try {
		const res = await fetch(`${origin}${path}`, {
			method,
			headers,
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000)
		});
		const text = await res.text();
		const ms = performance.now() - started;
		let parsed = null;
		if ((res.headers.get('content-type') ?? '').includes('json')) {
			try {
				parsed = JSON.parse(text);
			} catch {
				/* leave it null */
			}
		}
		return { status: res.status, ms, body: parsed, text };
	} catch (e) {
		return {
			status: 0,
			ms: performance.now() - started,
			body: null,
			text: '',
			error: e instanceof Error ? `${e.name}: ${e.message}` : String(e)
		};
	}
}

/**
 * The value at quantile q (0..1) of a list of numbers.
 * @param {number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i];
}
