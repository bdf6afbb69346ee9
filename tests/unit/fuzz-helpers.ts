// Shared pieces of the property-based (fast-check) tests of hostile input: request events for
// calling endpoint handlers and form actions directly, the generators of hostile values, and
// the checks every answer must pass (never a 500, an error that names the field, nothing
// written by a rejected request).
import fc from 'fast-check';
import { expect } from 'vitest';
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { snapshot } from '../helpers/db';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/auth/authz';

/** Runs per property; FUZZ_RUNS raises it for a longer hunt. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** Strings people and scripts have been known to send. */
export const HOSTILE = [
	'',
	' ',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	'\u0000',
	'\u202e\u2066evil\u2069',
	'\ud800',
	'\uffff',
	'💥🇲🇽',
	'null',
	'undefined',
	'NaN',
	'-1',
	'0',
	'1e309',
	'9'.repeat(40),
	'../../etc/passwd',
	"' or 1=1 --",
	'%00',
	'x'.repeat(5000),
	'=cmd|" /C calc"!A0',
	'__proto__',
	'constructor'
];

export const hostileString = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
	{ weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 6000 }) }
);

export const hostileNumber = fc.oneof(
	fc.integer(),
	fc.double({ noNaN: true }),
	fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -0)
);

/** Any JSON value, hostile strings and numbers included. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		hostileString,
		hostileNumber,
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), { maxLength: 4 }),
		fc.dictionary(fc.oneof(hostileString, fc.string({ maxLength: 8 })), tie('value'), {
			maxKeys: 4
		})
	)
})).value;

/** A hostile value of the same kind as an example value (a string for a string…). */
function sameKind(v: unknown): fc.Arbitrary<unknown> {
	if (typeof v === 'string') return hostileString;
	if (typeof v === 'number') return hostileNumber;
	if (Array.isArray(v)) return fc.array(v.length ? sameKind(v[0]) : anyValue, { maxLength: 30 });
	if (v && typeof v === 'object') return nearValid(v as Record<string, unknown>);
	return anyValue;
}

/**
 * Bodies near a valid example: fields kept, dropped, replaced by anything, or joined by an
 * unknown field; or any JSON value at all.
 */
export function nearValid(example: Record<string, unknown>): fc.Arbitrary<unknown> {
	const fields: Record<string, fc.Arbitrary<unknown>> = {};
	for (const [k, v] of Object.entries(example)) {
		fields[k] = fc.oneof(
			{ weight: 4, arbitrary: fc.constant(v) },
			{ weight: 2, arbitrary: sameKind(v) },
			{ weight: 1, arbitrary: anyValue },
			{ weight: 1, arbitrary: fc.constant(undefined) }
		);
	}
	const mutated = fc
		.tuple(
			fc.record(fields),
			fc.option(fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 2 }), {
				freq: 4
			})
		)
		.map(([base, extra]) => {
			const out: Record<string, unknown> = {};
			for (const [k, v] of Object.entries(base)) if (v !== undefined) out[k] = v;
			return extra ? { ...out, ...extra } : out;
		});
	return fc.oneof({ weight: 5, arbitrary: mutated }, { weight: 1, arbitrary: anyValue });
}

export interface Body {
	text: string | null;
	contentType: string | null;
}

/** A request body as sent: mostly JSON, sometimes malformed text or another content type. */
export function bodyOf(example: Record<string, unknown>): fc.Arbitrary<Body> {
	const json = nearValid(example).map((v) => JSON.stringify(v) ?? 'null');
	return fc.oneof(
		{
			weight: 8,
			arbitrary: json.map((text) => ({ text, contentType: 'application/json' }))
		},
		{
			weight: 1,
			arbitrary: fc
				.tuple(
					fc.oneof(json, hostileString),
					fc.constantFrom(
						'application/json; charset=utf-8',
						'text/plain',
						'application/x-www-form-urlencoded',
						'multipart/form-data; boundary=x',
						'application/xml',
						'application/json-patch',
						'',
						null
					)
				)
				.map(([text, contentType]) => ({ text, contentType }))
		},
		{
			weight: 1,
			arbitrary: fc
				.oneof(hostileString, fc.constantFrom('{', '{"a":', '[1,', '\u0000{}', '{}{}'))
				.map((text) => ({ text, contentType: 'application/json' }))
		},
		{ weight: 1, arbitrary: fc.constant({ text: null, contentType: null }) }
	);
}

/** Query strings from the endpoint's own parameter names (and others), hostile values. */
export function queryOf(
	keys: string[],
	values: fc.Arbitrary<string> = fc.string()
): fc.Arbitrary<string> {
	const value = fc.oneof(values, hostileString, fc.constantFrom('true', '1', 'MEX', '2024', '5'));
	const key = fc.oneof(
		{ weight: 4, arbitrary: keys.length ? fc.constantFrom(...keys) : fc.string() },
		{ weight: 1, arbitrary: fc.string({ maxLength: 8 }) }
	);
	return fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) => {
		const q = new URLSearchParams();
		for (const [k, v] of pairs) q.append(k, v);
		const s = q.toString();
		return s ? `?${s}` : '';
	});
}

/** A path parameter: a real id now and then, else anything. */
export function paramOf(valid: string): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 2, arbitrary: fc.constant(valid) },
		{ weight: 2, arbitrary: hostileString },
		{
			weight: 1,
			arbitrary: fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', '99999999999999999999', ' 1')
		}
	);
}

export function requestEvent(opts: {
	method: string;
	path: string;
	query?: string;
	params?: Record<string, string>;
	actor: Actor | null;
	body?: Body | FormData;
}): RequestEvent {
	const url = new URL(`http://localhost${opts.path}${opts.query ?? ''}`);
	const headers = new Headers();
	let body: BodyInit | undefined;
	if (opts.body instanceof FormData) {
		body = opts.body;
	} else if (opts.body && opts.body.text !== null) {
		body = opts.body.text;
		if (opts.body.contentType !== null) headers.set('content-type', opts.body.contentType);
	}
	const request = new Request(url, { method: opts.method, headers, body });
	// A string body gets text/plain from the Request constructor: take it away when asked.
	if (opts.body && !(opts.body instanceof FormData) && opts.body.contentType === null)
		request.headers.delete('content-type');
	const cookies = new Map<string, string>();
	return {
		request,
		url,
		params: opts.params ?? {},
		locals: { actor: opts.actor, sessionId: null, share: null },
		route: { id: opts.path },
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		cookies: {
			get: (name: string) => cookies.get(name),
			getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
			set: (name: string, value: string) => void cookies.set(name, value),
			delete: (name: string) => void cookies.delete(name),
			serialize: () => ''
		},
		fetch: () => Promise.reject(new Error('no fetch in fuzz tests')),
		isDataRequest: false,
		isSubRequest: false
	} as unknown as RequestEvent;
}

export interface Answer {
	status: number;
	json: unknown;
	text: string;
}

type Handler = (event: RequestEvent) => Response | Promise<Response>;

/** Calls an endpoint handler; an exception escaping it is what SvelteKit turns into a 500. */
export async function callEndpoint(handler: unknown, event: RequestEvent): Promise<Answer> {
	let res: Response;
	try {
		res = await (handler as Handler)(event);
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, json: e.body, text: '' };
		return {
			status: 500,
			json: null,
			text: e instanceof Error ? (e.stack ?? e.message) : String(e)
		};
	}
	const text = await res.text();
	let json: unknown = null;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		/* not JSON */
	}
	return { status: res.status, json, text };
}

/** The API's error contract (DESIGN §4): never 5xx; an error names what is wrong. */
export function expectApiAnswer(a: Answer, what: string): void {
	expect(a.status, `${what}: ${a.text.slice(0, 500)}`).toBeLessThan(500);
	if (a.status < 400) return;
	expect([400, 401, 403, 404, 409, 413, 415, 422], `${what}: ${a.text}`).toContain(a.status);
	const error = (a.json as { error?: { code?: unknown; message?: unknown; issues?: unknown } })
		?.error;
	expect(error, `${what}: the error shape`).toBeTruthy();
	expect(typeof error!.code, `${what}: error.code`).toBe('string');
	expect(typeof error!.message, `${what}: error.message`).toBe('string');
	expect(Array.isArray(error!.issues), `${what}: error.issues`).toBe(true);
	const issues = error!.issues as { path: unknown; message: unknown }[];
	for (const i of issues) {
		expect(typeof i.path === 'string' && i.path.length > 0, `${what}: issue path`).toBe(true);
		expect(typeof i.message === 'string' && i.message.length > 0, `${what}: issue message`).toBe(
			true
		);
	}
	if (a.status === 422) expect(issues.length, `${what}: 422 names the fields`).toBeGreaterThan(0);
}

export interface FormAnswer {
	status: number;
	data: Record<string, unknown> | null;
	location?: string;
}

type FormAction = (event: RequestEvent) => unknown;

/** Runs a form action as SvelteKit does: a redirect, a failure, data, or an HTTP error. */
export async function callFormAction(action: unknown, event: RequestEvent): Promise<FormAnswer> {
	try {
		const result = await (action as FormAction)(event);
		if (isActionFailure(result)) return { status: result.status, data: result.data as never };
		const failed = (result as { failed?: unknown } | undefined)?.failed;
		if (failed && isActionFailure(failed))
			return { status: failed.status, data: failed.data as never };
		return { status: 200, data: (result ?? null) as never };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, data: null, location: e.location };
		if (isHttpError(e)) return { status: e.status, data: e.body as never };
		return {
			status: 500,
			data: { thrown: e instanceof Error ? (e.stack ?? e.message) : String(e) }
		};
	}
}

/** A form's answer: never 5xx; an invalid form names at least one field or says why. */
export function expectFormAnswer(a: FormAnswer, what: string): void {
	expect(a.status, `${what}: ${JSON.stringify(a.data)?.slice(0, 500)}`).toBeLessThan(500);
	if (a.status === 400 || a.status === 422) {
		const errors = (a.data?.errors ?? {}) as Record<string, unknown>;
		const named = Object.keys(errors).length > 0;
		const message = typeof a.data?.message === 'string' && a.data.message.length > 0;
		expect(named || message, `${what}: ${JSON.stringify(a.data)}`).toBe(true);
	}
}

/**
 * The whole database, remembered after each accepted write: a rejected request must leave
 * it exactly as it was.
 */
export class DbGuard {
	private last: string;
	constructor(private db: Db) {
		this.last = JSON.stringify(snapshot(db));
	}
	/** After a request: unchanged when rejected; remembered anew when accepted. */
	check(accepted: boolean, what: string): void {
		const now = JSON.stringify(snapshot(this.db));
		if (!accepted)
			expect(now === this.last, `${what}: a rejected request changed the store`).toBe(true);
		this.last = now;
	}
}
