// The scopes a reader may enter values for on the entry page: the members they may edit, the
// region when they may edit regional values, and a country asked for by the address when they
// may edit it (an admin entering values for a non-member, e.g. a corridor's far end).
import type { Db } from '$lib/server/db';
import { canEdit, type Actor } from '$lib/server/auth/authz';
import type { Locale } from '$lib/domain';
import { countryName, listCountries } from '$lib/server/declaration/countries';

export interface EntryChoice {
	/** ISO3 code, or REGION. */
	value: string;
	name: string;
}

/** The choices of the entry page and the one selected (`wanted` when it is a choice). */
export function entryChoices(
	db: Db,
	actor: Actor,
	wanted: string,
	locale: Locale
): { choices: EntryChoice[]; country: string } {
	const choices: EntryChoice[] = [
		...listCountries(db, { member: true, locale })
			.filter((c) => canEdit(actor, c.iso3))
			.map((c) => ({ value: c.iso3, name: c.name })),
		...(canEdit(actor, null) ? [{ value: 'REGION', name: '' }] : [])
	];
	const asked = wanted.toUpperCase();
	if (
		/^[A-Z]{3}$/.test(asked) &&
		canEdit(actor, asked) &&
		!choices.some((c) => c.value === asked)
	) {
		try {
			choices.push({ value: asked, name: countryName(asked, locale) });
		} catch {
			/* not a country: ignore */
		}
	}
	return {
		choices,
		country: choices.some((c) => c.value === asked) ? asked : (choices[0]?.value ?? '')
	};
}
