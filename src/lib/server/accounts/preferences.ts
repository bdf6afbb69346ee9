// A person's language: saved on their account when they pick one in the language switcher,
// and brought back (as the locale cookie) when they sign in on another device.
import { eq } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { user, type Locale } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { landsOnWork, requireActor, type Actor } from '../auth/authz';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';
import {
	LOCALE_COOKIE,
	LOCALE_COOKIE_MAX_AGE,
	acceptLanguageLocale,
	isAppLocale,
	pathLocale
} from '$lib/i18n/negotiate';

/** Saves the signed-in person's language on their account (audited when it changes). */
export function saveUserLocale(db: Db, actor: Actor | null, locale: Locale): void {
	const me = requireActor(actor);
	db.transaction((tx) => {
		const row = tx.select({ locale: user.locale }).from(user).where(eq(user.id, me.id)).get();
		if (!row || row.locale === locale) return;
		tx.update(user).set({ locale }).where(eq(user.id, me.id)).run();
		recordAudit(tx, {
			userId: me.id,
			entity: 'user',
			entityId: me.id,
			operation: 'set_locale',
			before: { locale: row.locale },
			after: { locale }
		});
	});
}

/** The language saved on an account, or null. */
export function savedLocaleOf(db: Db, email: string): Locale | null {
	const row = db
		.select({ locale: user.locale })
		.from(user)
		.where(eq(user.email, email.trim().toLowerCase()))
		.get();
	return isAppLocale(row?.locale) ? row.locale : null;
}

/**
 * Where a person lands after signing in without a page to go back to (issue 17 §1): their own
 * work for those who have some (coordinators, focal points and the secretariat), the overview
 * for viewers.
 */
export function landingPathOf(db: Db, email: string): '/work' | '/' {
	const row = db
		.select({ role: user.role })
		.from(user)
		.where(eq(user.email, email.trim().toLowerCase()))
		.get();
	return landsOnWork(row?.role) ? '/work' : '/';
}

/** Remembers a language choice in the browser (the cookie the locale negotiation reads). */
export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale): void {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		maxAge: LOCALE_COOKIE_MAX_AGE,
		sameSite: 'lax',
		httpOnly: false,
		secure: url.protocol === 'https:'
	});
}

/**
 * After signing in on a browser that has no language choice of its own yet: the language
 * saved on the account is remembered in this browser too and the next page opens in it —
 * unless the sign-in page was asked for in another language explicitly (a /fr/ link while
 * the browser's Accept-Language says otherwise).
 */
export function afterSignInTarget(
	db: Db,
	event: { url: URL; cookies: Cookies; request: Request },
	email: string,
	target: string
): string {
	const saved = savedLocaleOf(db, email);
	if (!saved || event.cookies.get(LOCALE_COOKIE)) return target;
	const prefix = pathLocale(event.url.pathname);
	const accepted = acceptLanguageLocale(event.request.headers.get('accept-language')) ?? 'en';
	if (prefix && prefix !== accepted) return target;
	setLocaleCookie(event.cookies, event.url, saved);
	return localizeHref(deLocalizeHref(target), { locale: saved });
}
