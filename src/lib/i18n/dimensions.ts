// Disaggregation values in the page's language (issue 15 §2): the canonical codes imports store
// (`male`, `y15t24`, `nonmigrant`) as words (Hombres, 15 à 24 ans, Non-migrants); any other
// value (a corridor `USA>MEX`, a country name) as it is. Pure; the locale is the last argument.
import { m } from '$lib/paraglide/messages';
import { disaggregationKeyLabel, toAppLocale } from './format';
import { getLocale } from '$lib/paraglide/runtime';

const WORDS: Record<string, (o: { locale: 'en' | 'es' | 'fr' }) => string> = {
	male: (o) => m.dim_male({}, o),
	female: (o) => m.dim_female({}, o),
	migrant: (o) => m.dim_migrant({}, o),
	nonmigrant: (o) => m.dim_nonmigrant({}, o)
};

function localeOf(locale: string | undefined) {
	try {
		return toAppLocale(locale ?? getLocale());
	} catch {
		return toAppLocale('en');
	}
}

/** One value in words: `male` → Hombres (es), `y15t24` → 15 à 24 ans (fr), `USA>MEX` as is. */
export function dimensionValueLabel(value: string, locale?: string): string {
	const o = { locale: localeOf(locale) };
	const word = WORDS[value];
	if (word) return word(o);
	const band = /^y(\d{1,3})t(\d{1,3})$/.exec(value);
	if (band) return m.dim_age_band({ from: band[1], to: band[2] }, o);
	const over = /^y_ge(\d{1,3})$/.exec(value);
	if (over) return m.dim_age_over({ from: over[1] }, o);
	return value;
}

/** A disaggregation as a short label: `USA>MEX`, `Mujeres · Migrantes` (keys sorted). */
export function disaggregationValues(d: Record<string, string>, locale?: string): string {
	const keys = Object.keys(d).sort();
	if (keys.length === 1 && keys[0] === 'corridor') return d.corridor;
	return keys.map((k) => dimensionValueLabel(d[k], locale)).join(' · ');
}

/** A disaggregation with its keys: `Sexo: Mujeres · Edad: 15 a 24 años`. */
export function disaggregationWords(d: Record<string, string>, locale?: string): string {
	return Object.keys(d)
		.sort()
		.map((k) => `${disaggregationKeyLabel(k, locale)}: ${dimensionValueLabel(d[k], locale)}`)
		.join(' · ');
}
