// Turns a service error into SvelteKit's page error (404, 403, …); a storage fault (full disk,
// locked or read-only database) into its 507 / 503 with the message in the page's language.
import { error } from '@sveltejs/kit';
import { AppError } from './errors';
import { storageFault } from '../health/faults';
import { appErrorMessage } from '$lib/i18n/errors';

export function pageError(e: unknown): never {
	const fault = storageFault(e);
	if (fault) error(fault.status, { message: appErrorMessage(fault), code: fault.code });
	if (e instanceof AppError) error(e.status, { message: e.message, code: e.code });
	throw e;
}
