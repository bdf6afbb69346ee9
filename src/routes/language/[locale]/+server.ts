// The language switcher's target: remembers the choice (cookie, and the account of a
// signed-in person) and goes back to the same page in that language.
import { error, redirect } from '@sveltejs/kit';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';
import { isAppLocale } from '$lib/i18n/negotiate';
import { getDb } from '$lib/server/db';
import { saveUserLocale, setLocaleCookie } from '$lib/server/accounts/preferences';
import { safeRedirect } from '$lib/server/auth/signin';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, cookies, locals }) => {
	const locale = params.locale;
	if (!isAppLocale(locale)) error(404, 'Not found');
	setLocaleCookie(cookies, url, locale);
	if (locals.actor) saveUserLocale(getDb(), locals.actor, locale);
	const next = new URL(safeRedirect(url.searchParams.get('next'), '/'), url);
	next.searchParams.delete('lang');
	redirect(303, localizeHref(deLocalizeHref(next.pathname + next.search), { locale }));
};
