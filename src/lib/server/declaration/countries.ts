// Country names from a maintained library (i18n-iso-countries), in the three languages.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { eq, asc } from 'drizzle-orm';
import type { Db } from '../db';
import { country } from '../db/schema';
import { notFound } from '../http/errors';
import { isRegionCode, regionName } from './regions';

countries.registerLocale(en);
countries.registerLocale(es);
countries.registerLocale(fr);

export type NameLocale = 'en' | 'es' | 'fr';

/**
 * Places that data sources report but ISO 3166-1 does not list (or lists under a
 * user-assigned code): Kosovo as the World Bank's XKX (M49 412), and the former
 * Netherlands Antilles (ANT, M49 530), both present in the World Bank RPW file.
 */
const EXTRA_COUNTRIES: Record<
	string,
	{ iso2: string; m49: number; names: Record<NameLocale, string> }
> = {
	XKX: { iso2: 'XK', m49: 412, names: { en: 'Kosovo', es: 'Kosovo', fr: 'Kosovo' } },
	ANT: {
		iso2: 'AN',
		m49: 530,
		names: { en: 'Netherlands Antilles', es: 'Antillas Neerlandesas', fr: 'Antilles néerlandaises' }
	}
};
const ISO_ALIASES: Record<string, string> = { XKK: 'XKX' };

/** A country's name, or an M49 region's (`013` → Central America) for a regional series. */
export function countryName(iso3: string, locale: NameLocale = 'en'): string {
	if (isRegionCode(iso3)) return regionName(iso3, locale);
	const extra = EXTRA_COUNTRIES[iso3];
	if (extra) return extra.names[locale];
	return countries.getName(iso3, locale, { select: 'official' }) ?? iso3;
}

/** Every ISO 3166-1 country (plus the extras above) with its alpha-2 and M49 numeric code. */
export function allCountries(): { iso3: string; iso2: string; m49: number }[] {
	const iso = Object.entries(countries.getAlpha3Codes())
		.filter(([iso3]) => !ISO_ALIASES[iso3])
		.map(([iso3, iso2]) => ({ iso3, iso2, m49: Number(countries.alpha3ToNumeric(iso3)) }));
	const extras = Object.entries(EXTRA_COUNTRIES).map(([iso3, c]) => ({
		iso3,
		iso2: c.iso2,
		m49: c.m49
	}));
	return [...iso, ...extras];
}

export interface CountryItem {
	iso3: string;
	m49: number;
	name: string;
	member: boolean;
}

export function listCountries(
	db: Db,
	opts: { member?: boolean; locale?: NameLocale } = {}
): CountryItem[] {
	const q = db.select().from(country);
	const rows = (opts.member === undefined ? q : q.where(eq(country.member, opts.member)))
		.orderBy(asc(country.iso3))
		.all();
	return rows
		.map((c) => ({
			iso3: c.iso3,
			m49: c.m49,
			name: countryName(c.iso3, opts.locale),
			member: c.member
		}))
		.sort((a, b) => a.name.localeCompare(b.name, opts.locale ?? 'en'));
}

export function getCountry(db: Db, iso3: string, locale: NameLocale = 'en'): CountryItem {
	const code = iso3.toUpperCase();
	const c = /^[A-Z]{3}$/.test(code)
		? db.select().from(country).where(eq(country.iso3, code)).get()
		: undefined;
	if (!c) throw notFound(`No country with the code ${iso3}.`);
	return { iso3: c.iso3, m49: c.m49, name: countryName(c.iso3, locale), member: c.member };
}
