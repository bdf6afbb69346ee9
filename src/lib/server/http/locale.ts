// The language of the request being served (Paraglide sets it from the URL in the hooks).
import { getLocale } from '$lib/paraglide/runtime';
import type { Locale } from '../db/schema';

/** The locale of the current request (from Paraglide's middleware). */
export function requestLocale(): Locale {
	try {
		return getLocale() as Locale;
	} catch {
		return 'en';
	}
}
