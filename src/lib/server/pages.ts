// Turns a service error into SvelteKit's page error (404, 403, …).
import { error } from '@sveltejs/kit';
import { AppError } from './errors';

export function pageError(e: unknown): never {
	if (e instanceof AppError) error(e.status, { message: e.message, code: e.code });
	throw e;
}
