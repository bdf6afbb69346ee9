// Errors the services raise on purpose. Each carries the HTTP status the API answers
// with and, for invalid input, the field-level issues (DESIGN.md §4). Storage faults (a full
// disk, a database locked from outside, a read-only file) become AppErrors too: see
// health/faults.ts.
export interface FieldIssue {
	path: string;
	message: string;
}

export class AppError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503 | 507,
		readonly code: string,
		message: string,
		readonly issues: FieldIssue[] = [],
		readonly details?: unknown
	) {
		super(message);
		this.name = 'AppError';
	}
}

export const unauthorized = () => new AppError(401, 'unauthorized', 'Sign in to continue.');
export const forbidden = (message = 'You do not have permission to do this.') =>
	new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const badRequest = (message: string, issues: FieldIssue[] = []) =>
	new AppError(400, 'bad_request', message, issues);
export const invalid = (message: string, issues: FieldIssue[] = []) =>
	new AppError(422, 'invalid', message, issues);
export const conflict = (message: string, details?: unknown) =>
	new AppError(409, 'conflict', message, [], details);

export function isAppError(e: unknown): e is AppError {
	return e instanceof AppError;
}
