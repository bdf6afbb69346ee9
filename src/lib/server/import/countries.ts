/**
 * Country resolution for imports: ISO 3166-1 alpha-3 codes, UN M49 numeric codes and
 * English names (with the variants World Bank, UN and national files use) → ISO3; M49
 * and World Bank codes of regions and groupings → "aggregate" (with the M49 code when it is a
 * region Avance keeps series for: `keptRegion`). Results are cached, so a file with 100,000
 * rows looks each distinct cell up once.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import { regionCode } from '../declaration/regions';

export type CountryResolution =
	{ iso3: string } | { aggregate: true; name: string; region?: string };

/**
 * Codes outside ISO 3166-1 that real files use for places Avance treats as countries.
 * The country table should hold them too (corridors reach Kosovo and the Netherlands
 * Antilles in the World Bank RPW file).
 */
export const NON_ISO_COUNTRIES: readonly {
	iso3: string;
	m49: string | null;
	name: string;
}[] = [
	{ iso3: 'XKX', m49: '412', name: 'Kosovo' },
	{ iso3: 'ANT', m49: '530', name: 'Netherlands Antilles' }
];

/** Other codes for the places above (World Bank, i18n-iso-countries, M49). */
const CODE_ALIASES: Record<string, string> = {
	XKX: 'XKX',
	KSV: 'XKX',
	XKK: 'XKX',
	ANT: 'ANT'
};
const NUMERIC_ALIASES: Record<string, string> = {
	'412': 'XKX',
	'983': 'XKX',
	'530': 'ANT'
};

/**
 * UN M49 codes that are not countries: world, regions, SDG and MDG groupings, income and
 * organisation groups, former and sub-national areas (names from the UN SDG Global
 * Database's geo areas, as in open-numbers/ddf--unstats--sdg_indicators).
 */
const M49_AGGREGATES: ReadonlyMap<number, string> = new Map([
	[1, 'World'],
	[11, 'Western Africa'],
	[127, 'Southern Asia (excluding India)'],
	[13, 'Central America'],
	[135, 'Caucasus and Central Asia'],
	[14, 'Eastern Africa'],
	[142, 'Asia'],
	[143, 'Central Asia'],
	[145, 'Western Asia'],
	[15, 'Northern Africa'],
	[150, 'Europe'],
	[151, 'Eastern Europe'],
	[154, 'Northern Europe'],
	[155, 'Western Europe'],
	[17, 'Middle Africa'],
	[18, 'Southern Africa'],
	[19, 'Americas'],
	[198, 'Organisation for Economic Co-operation and Development (OECD) Member States'],
	[199, 'Least Developed Countries (LDCs)'],
	[2, 'Africa'],
	[202, 'Sub-Saharan Africa'],
	[21, 'Northern America'],
	[223, 'Eastern Asia (excluding Japan and China)'],
	[29, 'Caribbean'],
	[30, 'Eastern Asia'],
	[34, 'Southern Asia'],
	[35, 'South-Eastern Asia'],
	[369, 'Iraq (Central Iraq)'],
	[370, 'Iraq (Kurdistan Region)'],
	[39, 'Southern Europe'],
	[419, 'Latin America and the Caribbean'],
	[420, 'Latin America'],
	[432, 'Landlocked developing countries (LLDCs)'],
	[485, 'Western Asia (exc. Armenia, Azerbaijan, Cyprus, Israel and Georgia)'],
	[487, 'Other non-OECD Asia'],
	[5, 'South America'],
	[513, 'Europe and Northern America'],
	[
		514,
		'Developed regions (Europe, Cyprus, Israel, Northern America, Japan, Australia & New Zealand)'
	],
	[515, 'Developing regions'],
	[518, 'Eastern Asia (excluding Japan)'],
	[527, 'Other non-OECD Oceania'],
	[53, 'Australia and New Zealand'],
	[54, 'Melanesia'],
	[543, 'Oceania (exc. Australia and New Zealand)'],
	[57, 'Micronesia'],
	[577, 'Africa not elsewhere specified'],
	[593, 'Development Assistance Committee members (DAC)'],
	[61, 'Polynesia'],
	[62, 'Central and Southern Asia'],
	[636, 'Other non-OECD Americas'],
	[680, 'Sark'],
	[722, 'Small island developing States (SIDS)'],
	[736, 'Sudan [former]'],
	[738, 'Sub-Saharan Africa (inc. Sudan)'],
	[746, 'Northern Africa (exc. Sudan)'],
	[747, 'Northern Africa and Western Asia'],
	[753, 'Eastern and South-Eastern Asia'],
	[827, 'United Kingdom (England and Wales)'],
	[828, 'United Kingdom (Northern Ireland)'],
	[829, 'United Kingdom (Scotland)'],
	[830, 'Channel Islands'],
	[835, 'United Republic of Tanzania (Mainland)'],
	[836, 'United Republic of Tanzania (Zanzibar)'],
	[889, 'World Trade Organization (WTO) Member States'],
	[890, 'Yugoslavia [former]'],
	[891, 'Serbia and Montenegro [former]'],
	[896, 'Areas not elsewhere specified'],
	[9, 'Oceania'],
	[901, 'Africa (ILO)'],
	[902, 'Asia and the Pacific (ILO)'],
	[903, 'Central and Eastern Europe (ILO)'],
	[904, 'Middle East and North Africa (ILO)'],
	[905, 'Middle East (ILO)'],
	[906, 'North America (ILO)'],
	[907, 'Other regions (ILO)'],
	[908, 'Western Europe (ILO)'],
	[909, 'Eastern Southern South-Eastern Asia and Oceania (MDG)'],
	[910, 'High income economies (WB)'],
	[911, 'Low income economies (WB)'],
	[912, 'Lower middle economies (WB)'],
	[913, 'Low and middle income economies (WB)'],
	[914, 'Upper middle economies (WB)'],
	[915, 'WTO Developing Member States'],
	[916, 'WTO Developed Member States'],
	[917, 'International Centers (FAO)'],
	[918, 'European Union (EU) Institutions'],
	[919, 'Regional Centres (FAO)'],
	[920, 'Azores Islands'],
	[921, 'ODA residual'],
	[922, 'Custom groupings of data providers'],
	[923, 'LLDC Africa'],
	[924, 'LLDC Americas'],
	[925, 'LLDC Asia'],
	[926, 'LLDC Europe'],
	[927, 'LDC Africa'],
	[928, 'LDC Americas'],
	[929, 'LDC Asia'],
	[930, 'LDC Oceania'],
	[931, 'SIDS Africa'],
	[932, 'SIDS Americas'],
	[933, 'SIDS Asia'],
	[934, 'SIDS Oceania'],
	[935, 'World (total) by SDG regions'],
	[936, 'World (total) by continental regions'],
	[937, 'World (total) by MDG regions'],
	[938, 'Member States'],
	[951, 'Other Africa (IEA)'],
	[97, 'European Union']
]);

/** World Bank codes of regions and groupings (DataBank exports list them after the countries). */
const WB_AGGREGATES: Record<string, string> = {
	AFE: 'Africa Eastern and Southern',
	AFW: 'Africa Western and Central',
	ARB: 'Arab World',
	CEB: 'Central Europe and the Baltics',
	CHI: 'Channel Islands',
	CSS: 'Caribbean small states',
	EAP: 'East Asia & Pacific (excluding high income)',
	EAR: 'Early-demographic dividend',
	EAS: 'East Asia & Pacific',
	ECA: 'Europe & Central Asia (excluding high income)',
	ECS: 'Europe & Central Asia',
	EMU: 'Euro area',
	EUU: 'European Union',
	FCS: 'Fragile and conflict affected situations',
	HIC: 'High income',
	HPC: 'Heavily indebted poor countries (HIPC)',
	IBD: 'IBRD only',
	IBT: 'IDA & IBRD total',
	IDA: 'IDA total',
	IDB: 'IDA blend',
	IDX: 'IDA only',
	INX: 'Not classified',
	LAC: 'Latin America & Caribbean (excluding high income)',
	LCN: 'Latin America & Caribbean',
	LDC: 'Least developed countries: UN classification',
	LIC: 'Low income',
	LMC: 'Lower middle income',
	LMY: 'Low & middle income',
	LTE: 'Late-demographic dividend',
	MEA: 'Middle East & North Africa',
	MIC: 'Middle income',
	MNA: 'Middle East & North Africa (excluding high income)',
	NAC: 'North America',
	OED: 'OECD members',
	OSS: 'Other small states',
	PRE: 'Pre-demographic dividend',
	PSS: 'Pacific island small states',
	PST: 'Post-demographic dividend',
	SAS: 'South Asia',
	SSA: 'Sub-Saharan Africa (excluding high income)',
	SSF: 'Sub-Saharan Africa',
	SST: 'Small states',
	TEA: 'East Asia & Pacific (IDA & IBRD countries)',
	TEC: 'Europe & Central Asia (IDA & IBRD countries)',
	TLA: 'Latin America & the Caribbean (IDA & IBRD countries)',
	TMN: 'Middle East & North Africa (IDA & IBRD countries)',
	TSA: 'South Asia (IDA & IBRD)',
	TSS: 'Sub-Saharan Africa (IDA & IBRD countries)',
	WLD: 'World'
};

/**
 * Names that i18n-iso-countries does not list, as World Bank DataBank, the UN and
 * national platforms write them. Applied after the library's names, so they also settle
 * ambiguous ones ('Congo' is the Republic of the Congo in UN and World Bank usage).
 */
const NAME_ALIASES: Record<string, readonly string[]> = {
	ANT: ['Netherlands Antilles', 'Netherlands-Antilles'],
	BHS: ['Bahamas, The'],
	BOL: ['Bolivia (Plurinational State of)'],
	CIV: ["Cote d'Ivoire", 'Ivory Coast'],
	COD: ['Congo, Dem. Rep', 'Congo, Dem. Rep.', 'DR Congo', 'Congo (Kinshasa)'],
	COG: ['Congo', 'Congo, Rep.', 'Congo (Brazzaville)'],
	CPV: ['Cabo Verde'],
	CUW: ['Curacao'],
	CZE: ['Czech Republic'],
	EGY: ['Egypt, Arab Rep.'],
	FSM: ['Micronesia, Fed. Sts.', 'Micronesia (Federated States of)'],
	GBR: ['United Kingdom of Great Britain and Northern Ireland'],
	GMB: ['Gambia, The'],
	HKG: [
		'Hong Kong SAR, China',
		'Hong Kong, China',
		'China, Hong Kong SAR',
		'China, Hong Kong Special Administrative Region'
	],
	IRN: ['Iran, Islamic Rep.', 'Iran (Islamic Republic of)'],
	KGZ: ['Kyrgyz Republic'],
	KNA: ['St. Kitts and Nevis'],
	KOR: ['Korea, Rep.', 'Korea'],
	LAO: ['Lao PDR', 'Lao, PDR', 'Laos'],
	LCA: ['St. Lucia'],
	MAC: [
		'Macao SAR, China',
		'Macau',
		'China, Macao SAR',
		'China, Macao Special Administrative Region'
	],
	MAF: ['St. Martin (French part)'],
	MDA: ['Moldova', 'Republic of Moldova'],
	MKD: ['Macedonia, FYR', 'The former Yugoslav Republic of Macedonia'],
	PRK: ["Korea, Dem. People's Rep.", 'Korea, Dem. Rep.', "Democratic People's Republic of Korea"],
	PSE: ['West Bank and Gaza', 'West Bank/Gaza Strip', 'Palestinian Territories'],
	RUS: ['Russian Federation', 'Russia'],
	SVK: ['Slovak Republic'],
	SWZ: ['Swaziland'],
	SXM: ['Sint Maarten'],
	TUR: ['Turkey', 'Turkiye'],
	TZA: ['Tanzania'],
	USA: ['United States of America', 'United States'],
	VCT: ['St. Vincent and the Grenadines'],
	VEN: ['Venezuela, RB', 'Venezuela (Bolivarian Republic of)'],
	VGB: ['British Virgin Islands'],
	VIR: ['Virgin Islands (U.S.)', 'United States Virgin Islands', 'US Virgin Islands'],
	VNM: ['Vietnam', 'Viet Nam'],
	XKX: ['Kosovo'],
	YEM: ['Yemen, Rep.']
};

/** Lower-case ASCII words: accents, punctuation, '&' → 'and', 'St.' → 'saint', 'the' dropped. */
function nameKey(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.filter((w) => w !== 'the')
		.map((w) => (w === 'st' ? 'saint' : w))
		.join(' ');
}

function toIso3(alpha2OrNumeric: string): string | undefined {
	const iso3 = /^\d+$/.test(alpha2OrNumeric)
		? countries.numericToAlpha3(alpha2OrNumeric)
		: countries.alpha2ToAlpha3(alpha2OrNumeric);
	return iso3 === undefined ? undefined : (CODE_ALIASES[iso3] ?? iso3);
}

let names: Map<string, CountryResolution> | null = null;

function nameIndex(): Map<string, CountryResolution> {
	if (names) return names;
	const index = new Map<string, CountryResolution>();
	for (const name of M49_AGGREGATES.values()) index.set(nameKey(name), { aggregate: true, name });
	for (const name of Object.values(WB_AGGREGATES)) {
		const key = nameKey(name);
		if (!index.has(key)) index.set(key, { aggregate: true, name });
	}
	const localeNames = (en as { countries: Record<string, string | string[]> }).countries;
	for (const [alpha2, value] of Object.entries(localeNames)) {
		const iso3 = toIso3(alpha2);
		if (!iso3) continue;
		for (const name of Array.isArray(value) ? value : [value]) {
			const key = nameKey(name);
			if (!index.has(key)) index.set(key, { iso3 });
		}
	}
	for (const [iso3, aliases] of Object.entries(NAME_ALIASES)) {
		for (const alias of aliases) index.set(nameKey(alias), { iso3 });
	}
	names = index;
	return index;
}

function resolveUncached(raw: string): CountryResolution | null {
	const s = raw.trim();
	if (s === '') return null;
	if (/^\d{1,3}$/.test(s)) {
		const code = s.padStart(3, '0');
		const iso3 = NUMERIC_ALIASES[code] ?? toIso3(code);
		if (iso3) return { iso3 };
		const aggregate = M49_AGGREGATES.get(Number(s));
		if (aggregate === undefined) return null;
		const region = regionCode(s);
		return region
			? { aggregate: true, name: aggregate, region }
			: { aggregate: true, name: aggregate };
	}
	if (/^\d+$/.test(s)) {
		const aggregate = M49_AGGREGATES.get(Number(s));
		return aggregate === undefined ? null : { aggregate: true, name: aggregate };
	}
	if (/^[A-Za-z]{3}$/.test(s)) {
		const code = s.toUpperCase();
		const alias = CODE_ALIASES[code];
		if (alias) return { iso3: alias };
		if (countries.alpha3ToAlpha2(code)) return { iso3: code };
		const aggregate = WB_AGGREGATES[code];
		if (aggregate) return { aggregate: true, name: aggregate };
	}
	return nameIndex().get(nameKey(s)) ?? null;
}

const cache = new Map<string, CountryResolution | null>();
const CACHE_LIMIT = 10_000;

/**
 * Resolves a country cell: an ISO3 code (any case), a UN M49 numeric code ('84', '084',
 * '484'), or an English name ('Korea, Rep.', 'Congo, Dem. Rep', 'St. Lucia', "Côte
 * d'Ivoire"…). Regions and groupings (M49 1, 2, 419…, World Bank WLD, LCN…, 'World')
 * resolve to `{ aggregate: true, name }`; anything else unknown to null.
 */
export function resolveCountry(raw: string): CountryResolution | null {
	const hit = cache.get(raw);
	if (hit !== undefined) return hit;
	const result = resolveUncached(raw);
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(raw, result);
	return result;
}

/** The skip reason of a kept region (`013`) whose indicator is not regional, as the file wrote it. */
export function regionSkipReason(region: string): string {
	const resolved = resolveCountry(region);
	const name = resolved && 'aggregate' in resolved ? resolved.name : region;
	return aggregateReason(String(Number(region)), name);
}

/** The skip reason for an aggregate: 'regional aggregate (M49 419 Latin America and the Caribbean)'. */
export function aggregateReason(raw: string, name: string): string {
	const code = raw.trim();
	if (/^\d+$/.test(code)) return `regional aggregate (M49 ${code} ${name})`;
	if (/^[A-Za-z]{3}$/.test(code)) return `regional aggregate (${code.toUpperCase()} ${name})`;
	return `regional aggregate (${name})`;
}

/**
 * The M49 region an aggregate stands for when the reader keeps regional series (the pipeline
 * asks for them and skips them itself for indicators that are not `regional`); null: skip it.
 */
export function keptRegion(
	resolved: { aggregate: true; region?: string },
	opts: { keepRegions?: boolean }
): string | null {
	return opts.keepRegions && resolved.region ? resolved.region : null;
}
