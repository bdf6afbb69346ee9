// Route parameters and optional bodies of the actions, evidence, users and audit API.
import type { ZodType } from 'zod';
import { AppError, badRequest } from './errors';
import { readBody, readLimited } from './json';

/** A numeric id from the path: 400 with a field issue when it is not one. */
export function idParam(raw: string | undefined, name = 'id'): number {
	if (!raw || !/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
		throw badRequest(`The ${name} must be a positive whole number.`, [
			{ path: name, message: 'Expected a positive whole number.' }
		]);
	}
	return Number(raw);
}

/** A JSON body that may be left out (e.g. `{version}` of a review step): empty means `{}`. */
export async function readOptionalBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
	const type = request.headers.get('content-type');
	if (!type) {
		const text = await readLimited(request, 1024);
		if (text.trim()) {
			throw new AppError(415, 'unsupported_media_type', 'Send the body as application/json.');
		}
		return parseEmpty(schema);
	}
	if (request.headers.get('content-length') === '0') return parseEmpty(schema);
	return readBody(request, schema);
}

function parseEmpty<T>(schema: ZodType<T>): T {
	const parsed = schema.safeParse({});
	if (!parsed.success) {
		throw new AppError(
			422,
			'invalid',
			'Some fields are not valid.',
			parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
		);
	}
	return parsed.data;
}
