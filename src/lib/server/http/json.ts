// The JSON edge of the API: one wrapper turns thrown errors into the error shape of
// DESIGN.md §4, and one reader checks content type, size and schema before a service runs.
import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { ZodError, type ZodType } from 'zod';
import { AppError, type FieldIssue } from './errors';
import { requireActor, type Actor } from '../auth/authz';
import { logError } from '../runtime/log';
import { apiIssues, namedIssue } from './api-messages';
import { RETRY_AFTER_SECONDS, storageFault } from '../health/faults';
import { appErrorMessage } from '$lib/i18n/errors';
import {
	acceptLanguageLocale,
	cookieValue,
	isAppLocale,
	LOCALE_COOKIE,
	pathLocale
} from '$lib/i18n/negotiate';
import type { AppLocale } from '$lib/i18n/format';

export const MAX_JSON_BYTES = 1024 * 1024;

/** The issues of a failed parse, each naming its field and value (api-messages.ts). */
export function zodIssues(error: ZodError): FieldIssue[] {
	return apiIssues(error);
}

/** Options for the API's parses: issues carry the value that was sent. */
export const PARSE_OPTIONS = { reportInput: true } as const;

function summary(fallback: string, issues: FieldIssue[]): string {
	if (issues.length === 0) return fallback;
	const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
	return `${issues[0].message}${more}`;
}

export function errorBody(
	code: string,
	message: string,
	issues: FieldIssue[] = [],
	details?: unknown
) {
	return { error: { code, message, issues, ...(details === undefined ? {} : { details }) } };
}

export function errorResponse(e: unknown, event?: RequestEvent): Response {
	// A full disk, an outside lock, a read-only file: 507 / 503, in the reader's language.
	const fault = storageFault(e);
	if (fault) {
		const message = event ? appErrorMessage(fault, readerLocale(event)) : fault.message;
		const headers: Record<string, string> =
			fault.code === 'busy' ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
		return json(errorBody(fault.code, message), { status: fault.status, headers });
	}
	if (e instanceof AppError) {
		const issues = e.code === 'invalid' ? e.issues.map(namedIssue) : e.issues;
		return json(errorBody(e.code, e.message, issues, e.details), { status: e.status });
	}
	if (e instanceof ZodError) {
		const issues = zodIssues(e);
		return json(errorBody('invalid', summary('Some fields are not valid.', issues), issues), {
			status: 422
		});
	}
	const reference = logError(e, event);
	return json(errorBody('internal', `Something went wrong on our side. Reference: ${reference}.`), {
		status: 500
	});
}

/** The reader's language for an API answer: ?lang=, the saved choice, Accept-Language, English. */
function readerLocale(event: RequestEvent): AppLocale {
	const lang = event.url.searchParams.get('lang');
	const saved = cookieValue(event.request.headers.get('cookie'), LOCALE_COOKIE);
	return (
		(isAppLocale(lang) ? lang : null) ??
		pathLocale(event.url.pathname) ??
		(isAppLocale(saved) ? saved : null) ??
		acceptLanguageLocale(event.request.headers.get('accept-language')) ??
		'en'
	);
}

/** Wraps an endpoint so that every failure answers JSON with the right status. */
export function api<P extends Partial<Record<string, string>>>(
	handler: (event: RequestEvent<P>) => Response | Promise<Response>
): RequestHandler<P> {
	return async (event) => {
		try {
			const res = await handler(event);
			res.headers.set('cache-control', 'private, no-store');
			return res;
		} catch (e) {
			return errorResponse(e, event);
		}
	};
}

/** The signed-in actor, or 401. */
export function actorOf(event: RequestEvent): Actor {
	return requireActor(event.locals.actor);
}

/** Reads a JSON body: 415 for another content type, 413 when too large, 400 when malformed. */
export async function readJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/(.+\+)?json\b/i.test(type)) {
		throw new AppError(415, 'unsupported_media_type', 'Send the body as application/json.');
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_JSON_BYTES) {
		await discardBody(request);
		throw tooLarge();
	}
	const text = await readLimited(request, MAX_JSON_BYTES);
	if (!text.trim()) throw new AppError(400, 'bad_request', 'The request body is empty.');
	try {
		return JSON.parse(text);
	} catch {
		throw new AppError(400, 'bad_request', 'The request body is not valid JSON.');
	}
}

export async function readBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
	const body = await readJson(request);
	const parsed = schema.safeParse(body, PARSE_OPTIONS);
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new AppError(422, 'invalid', summary('Some fields are not valid.', issues), issues);
	}
	return parsed.data;
}

/** Parses query parameters with a schema: 400 with field issues when they do not fit. */
export function readQuery<T>(url: URL, schema: ZodType<T>): T {
	const raw: Record<string, string> = {};
	for (const [k, v] of url.searchParams) raw[k] = v;
	const parsed = schema.safeParse(raw, PARSE_OPTIONS);
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new AppError(
			400,
			'bad_request',
			summary('Some query parameters are not valid.', issues),
			issues
		);
	}
	return parsed.data;
}

export const tooLarge = () =>
	new AppError(413, 'payload_too_large', 'The request body is too large.');

export async function readLimited(request: Request, limit: number): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read().catch((e: unknown) => {
			throw unreadableBody(e);
		});
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await discardRest(reader);
			throw tooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Bodies up to this size are read to the end before a 413, so the connection stays usable. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

async function discardRest(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	seen = 0
): Promise<void> {
	try {
		for (let size = seen; size <= DRAIN_LIMIT;) {
			const { done, value } = await reader.read();
			if (done) return;
			size += value.byteLength;
		}
		await reader.cancel();
	} catch {
		/* the client went away or the server's own limit struck: nothing left to drain */
	}
}

/** Reads and drops a body that will be refused (see DRAIN_LIMIT). */
export async function discardBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	await discardRest(request.body.getReader());
}

/**
 * A body stream that failed while being read: over the server's own limit (adapter-node's
 * BODY_SIZE_LIMIT, which may be lower than ours) is a 413, anything else a 400, never a 500.
 */
function unreadableBody(e: unknown): AppError {
	if (e instanceof AppError) return e;
	if ((e as { status?: unknown } | null)?.status === 413) return tooLarge();
	return new AppError(400, 'bad_request', 'The request body could not be read.');
}
