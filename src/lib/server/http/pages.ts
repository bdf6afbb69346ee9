// Turns a service error into SvelteKit's page error (404, 403, …); a storage fault (full disk,
// locked or read-only database) into its 507 / 503 with the message in the page's language;
// sends an anonymous reader of a signed-in download to the sign-in page and back.
import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actor } from '../auth/authz';
import { AppError } from './errors';
import { storageFault } from '../health/faults';
import { appErrorMessage } from '$lib/i18n/errors';

export function pageError(e: unknown): never {
	const fault = storageFault(e);
	if (fault) error(fault.status, { message: appErrorMessage(fault), code: fault.code });
	if (e instanceof AppError) error(e.status, { message: e.message, code: e.code });
	throw e;
}

/** The signed-in reader of a download (a +server.ts the app layout does not guard). */
export function signedInOrRedirect(actor: Actor | null | undefined, url: URL): Actor {
	if (!actor)
		redirect(
			303,
			localizeHref(`/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
		);
	return actor;
}
