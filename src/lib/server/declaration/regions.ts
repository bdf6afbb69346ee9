// UN M49 regions as geographies (issue 15 §5): the regions and SDG groupings an indicator
// marked `regional` may hold series for (e.g. 013 Central America, 419 Latin America and the
// Caribbean), with their names in the three languages (UN M49 and SDG Global Database usage).
import type { NameLocale } from './countries';

type Names = Record<NameLocale, string>;

const n = (en: string, es: string, fr: string): Names => ({ en, es, fr });

/** M49 code (three digits) → names. Sub-national areas and former states are not regions. */
export const M49_REGIONS: Readonly<Record<string, Names>> = {
	'001': n('World', 'Mundo', 'Monde'),
	'002': n('Africa', 'África', 'Afrique'),
	'005': n('South America', 'América del Sur', 'Amérique du Sud'),
	'009': n('Oceania', 'Oceanía', 'Océanie'),
	'011': n('Western Africa', 'África occidental', "Afrique de l'Ouest"),
	'013': n('Central America', 'Centroamérica', 'Amérique centrale'),
	'014': n('Eastern Africa', 'África oriental', "Afrique de l'Est"),
	'015': n('Northern Africa', 'África septentrional', 'Afrique du Nord'),
	'017': n('Middle Africa', 'África central', 'Afrique centrale'),
	'018': n('Southern Africa', 'África meridional', 'Afrique australe'),
	'019': n('Americas', 'Américas', 'Amériques'),
	'021': n('Northern America', 'América septentrional', 'Amérique septentrionale'),
	'029': n('Caribbean', 'Caribe', 'Caraïbes'),
	'030': n('Eastern Asia', 'Asia oriental', "Asie de l'Est"),
	'034': n('Southern Asia', 'Asia meridional', 'Asie du Sud'),
	'035': n('South-eastern Asia', 'Asia sudoriental', 'Asie du Sud-Est'),
	'039': n('Southern Europe', 'Europa meridional', 'Europe du Sud'),
	'053': n(
		'Australia and New Zealand',
		'Australia y Nueva Zelandia',
		'Australie et Nouvelle-Zélande'
	),
	'054': n('Melanesia', 'Melanesia', 'Mélanésie'),
	'057': n('Micronesia', 'Micronesia', 'Micronésie'),
	'061': n('Polynesia', 'Polinesia', 'Polynésie'),
	'062': n(
		'Central and Southern Asia',
		'Asia central y meridional',
		'Asie centrale et Asie du Sud'
	),
	'142': n('Asia', 'Asia', 'Asie'),
	'143': n('Central Asia', 'Asia central', 'Asie centrale'),
	'145': n('Western Asia', 'Asia occidental', "Asie de l'Ouest"),
	'150': n('Europe', 'Europa', 'Europe'),
	'151': n('Eastern Europe', 'Europa oriental', "Europe de l'Est"),
	'154': n('Northern Europe', 'Europa septentrional', 'Europe du Nord'),
	'155': n('Western Europe', 'Europa occidental', "Europe de l'Ouest"),
	'199': n(
		'Least Developed Countries (LDCs)',
		'Países menos adelantados (PMA)',
		'Pays les moins avancés (PMA)'
	),
	'202': n('Sub-Saharan Africa', 'África subsahariana', 'Afrique subsaharienne'),
	'419': n(
		'Latin America and the Caribbean',
		'América Latina y el Caribe',
		'Amérique latine et Caraïbes'
	),
	'420': n('Latin America', 'América Latina', 'Amérique latine'),
	'432': n(
		'Landlocked developing countries (LLDCs)',
		'Países en desarrollo sin litoral (PDSL)',
		'Pays en développement sans littoral (PDSL)'
	),
	'513': n(
		'Europe and Northern America',
		'Europa y América septentrional',
		'Europe et Amérique du Nord'
	),
	'543': n(
		'Oceania (excluding Australia and New Zealand)',
		'Oceanía (excepto Australia y Nueva Zelandia)',
		'Océanie (hors Australie et Nouvelle-Zélande)'
	),
	'722': n(
		'Small island developing States (SIDS)',
		'Pequeños Estados insulares en desarrollo (PEID)',
		'Petits États insulaires en développement (PEID)'
	),
	'747': n(
		'Northern Africa and Western Asia',
		'África septentrional y Asia occidental',
		"Afrique du Nord et Asie de l'Ouest"
	),
	'753': n(
		'Eastern and South-Eastern Asia',
		'Asia oriental y sudoriental',
		"Asie de l'Est et du Sud-Est"
	)
};

/** The regions the RCM's members belong to, in the order pages list them first. */
export const RCM_REGIONS: readonly string[] = ['013', '029', '021', '419', '019', '005', '001'];

/** Order of regions on pages: the RCM's first (in the order above), then by code. */
export function compareRegions(a: string, b: string): number {
	const ia = RCM_REGIONS.indexOf(a);
	const ib = RCM_REGIONS.indexOf(b);
	if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
	return a.localeCompare(b);
}

/** '13', '013' → '013' when it is an M49 region above; else null. */
export function regionCode(raw: string): string | null {
	const s = raw.trim();
	if (!/^\d{1,3}$/.test(s)) return null;
	const code = s.padStart(3, '0');
	return code in M49_REGIONS ? code : null;
}

/** True for a scope or `country` parameter that is an M49 region code ('013'). */
export function isRegionCode(code: string): boolean {
	return /^\d{3}$/.test(code) && code in M49_REGIONS;
}

/** The region's name in the language asked for; the code itself when unknown. */
export function regionName(code: string, locale: NameLocale = 'en'): string {
	return M49_REGIONS[code]?.[locale] ?? code;
}
