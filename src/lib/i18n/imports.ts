// The import pipeline reports row problems in English (the API answers in English); pages
// show the common ones in the page's language. Anything not recognised stays English and is
// marked so (`translated: false` → put lang="en" on it).
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { toAppLocale, type AppLocale } from './format';

type Rule = [RegExp, (match: RegExpExecArray, o: { locale: AppLocale }) => string];

const RULES: Rule[] = [
	[
		/^Repeats line (\d+) \(same indicator, country, period and disaggregation\)\.$/,
		(x, o) => m.imp_repeats_line({ line: x[1] }, o)
	],
	[
		/^This file has no geography column; choose the country it describes\.$/,
		(_, o) => m.imp_no_geography({}, o)
	],
	[
		/^This row has no GeoCode; choose the country the file describes\.$/,
		(_, o) => m.imp_no_geocode({}, o)
	],
	[/^No geo_area code\.$/, (_, o) => m.imp_no_geo_area({}, o)],
	[/^No indicator code\.$/, (_, o) => m.imp_no_indicator({}, o)],
	[
		/^Unknown country (.+) chosen for this file; give an ISO3 code\.$/,
		(x, o) => m.imp_unknown_country_chosen({ value: x[1] }, o)
	],
	[
		/^Unknown country(?: or area code)? (.+)\.$/,
		(x, o) => m.imp_unknown_country({ value: x[1] }, o)
	],
	[
		/^(.+) is not a number, so it cannot be aggregated \((\w+)\)\.$/,
		(x, o) => m.imp_profile_not_number_aggregate({ value: x[1], aggregate: x[2] }, o)
	],
	[/^(.+) is not a number\.$/, (x, o) => m.imp_not_number({ value: x[1] }, o)],
	[
		/^The profile '.*' names columns? the file does not have: (.+) \(the file has .*\)\.$/,
		(x, o) => m.imp_profile_missing_columns({ columns: x[1] }, o)
	],
	[
		/^The period pattern ('.*') has no \{yyyy\}/,
		(x, o) =>
			m.imp_profile_pattern_no_year(
				{ pattern: x[1], year: '{yyyy}', examples: '{yyyy}, {yyyy}_{q}Q, {yyyy}-{mm}' },
				o
			)
	],
	[
		/^No cell of (.+) matches the period pattern ('.*')\.$/,
		(x, o) => m.imp_profile_pattern_none({ column: x[1], pattern: x[2] }, o)
	],
	[
		/^(.+) does not match the period pattern ('.*')\.$/,
		(x, o) => m.imp_profile_pattern_mismatch({ value: x[1], pattern: x[2] }, o)
	],
	[/^Unknown fixed geography (.+)\.$/, (x, o) => m.imp_profile_unknown_fixed({ value: x[1] }, o)],
	[/^(.+) is not a year\.$/, (x, o) => m.imp_not_year({ value: x[1] }, o)],
	[/^(.+) is not a period \(expected [^)]*\)\.$/, (x, o) => m.imp_not_period({ value: x[1] }, o)],
	[/^The file is empty(?:: it has no header row)?\.$/, (_, o) => m.imp_file_empty({}, o)],
	[/^The file's format was not recognised\./, (_, o) => m.imp_format_unknown({}, o)],
	[
		/^This (?:Open SDG|DataBank|template) file (?:also )?lacks the columns? (.+?)(?: \(.*\))?[.;]/,
		(x, o) => m.imp_missing_columns({ columns: x[1] }, o)
	],
	[
		/^The workbook has no sheet ("[^"]*"); its sheets are (.+)\.$/,
		(x, o) => m.intake_sheet_missing({ sheet: x[1], sheets: x[2] }, o)
	],
	[/^The file looks like an Excel workbook \(\.xlsx\) but/, (_, o) => m.intake_xlsx_broken({}, o)],
	[/^An Excel sheet is read in Avance's template layout/, (_, o) => m.intake_xlsx_layout({}, o)],
	[/^missing value$/, (_, o) => m.imp_skip_missing({}, o)],
	[/^regional aggregate \((.+)\)$/, (x, o) => m.imp_skip_aggregate({ what: x[1] }, o)],
	[
		/^filtered out \((.+) = (.*)\)$/,
		(x, o) => m.imp_skip_filtered({ column: x[1], value: x[2] }, o)
	],
	[
		/^unknown geography (.*) in (.+)$/,
		(x, o) => m.imp_skip_unknown_geography({ value: x[1], column: x[2] }, o)
	],
	[
		/^(kept .+) \((\S+) (\S+), not in the file\)$/,
		(x, o) =>
			m.imp_skip_not_in_file(
				{ why: localizeImportMessage(x[1], o.locale).text, country: x[2], period: x[3] },
				o
			)
	],
	[/^kept the stored value \(existing=keep\)$/, (_, o) => m.imp_skip_kept_stored({}, o)],
	[/^kept the value from (.+)$/, (x, o) => m.imp_skip_kept_ranked({ source: x[1] }, o)]
];

function current(): AppLocale {
	try {
		return toAppLocale(getLocale());
	} catch {
		return 'en';
	}
}

/** An import problem or skip reason in `locale`; `translated` is false when left in English. */
export function localizeImportMessage(
	message: string,
	locale: AppLocale = current()
): { text: string; translated: boolean } {
	for (const [pattern, render] of RULES) {
		const match = pattern.exec(message);
		if (match) return { text: render(match, { locale }), translated: true };
	}
	return { text: message, translated: locale === 'en' };
}
