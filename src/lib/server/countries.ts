// Country names from a maintained library (i18n-iso-countries), in the three languages.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { eq, asc } from 'drizzle-orm';
import type { Db } from './db';
import { country } from './db/schema';
import { notFound } from './errors';

countries.registerLocale(en);
countries.registerLocale(es);
countries.registerLocale(fr);

export type NameLocale = 'en' | 'es' | 'fr';

export function countryName(iso3: string, locale: NameLocale = 'en'): string {
	return countries.getName(iso3, locale, { select: 'official' }) ?? iso3;
}

/** Every ISO 3166-1 country with its alpha-2 and M49 numeric code. */
export function allCountries(): { iso3: string; iso2: string; m49: number }[] {
	return Object.entries(countries.getAlpha3Codes()).map(([iso3, iso2]) => ({
		iso3,
		iso2,
		m49: Number(countries.alpha3ToNumeric(iso3))
	}));
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
