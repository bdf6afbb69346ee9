/**
 * Avance's own CSV: `indicator,country,period,disaggregation,value,status,source,note`.
 * `disaggregation` is `key=value;key=value` (empty = headline), `country` an ISO3 code
 * (empty = regional), `status` `provisional` or `final` (empty = final, or provisional
 * when the period carries a `P/` marker).
 */
import {
	disaggregationKey,
	displayHeader,
	isBlankRecord,
	isMissing,
	normaliseHeader,
	parseCsv,
	parseNumber,
	quote,
	slug,
	sortedDisaggregation
} from '../csv';
import { toCsv } from '$lib/csv';
import { keptRegion, resolveCountry } from '../countries';
import { ImportFormatError } from '../errors';
import { normalisePeriod } from '../periods';
import type { ParsedObservation, ReadOptions, ReadResult } from '../types';

export const TEMPLATE_COLUMNS = [
	'indicator',
	'country',
	'period',
	'disaggregation',
	'value',
	'status',
	'source',
	'note'
] as const;
export const TEMPLATE_HEADER = TEMPLATE_COLUMNS.join(',');
/** Columns the observations' Excel export adds to the template's: read past, so it reads back. */
export const TEMPLATE_EXPORT_EXTRAS = ['country_name', 'year', 'review_state', 'updated_at'];
const REQUIRED = ['indicator', 'country', 'period', 'value'];

const SDG_CODE = /^\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2}$/i;
const CUSTOM_CODE = /^([A-Za-z][A-Za-z0-9]{0,9})-([0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*)$/;

/**
 * An indicator code in canonical form: SDG codes (`10.c.1`, letters lower-case) or custom
 * codes with an upper-case prefix (`RCM-11.1`). Null when the text is neither.
 */
export function normaliseIndicatorCode(raw: string): string | null {
	const s = raw.trim();
	if (SDG_CODE.test(s)) return s.toLowerCase();
	const m = CUSTOM_CODE.exec(s);
	return m ? `${m[1].toUpperCase()}-${m[2]}` : null;
}

type ParsedDisaggregation = { ok: Record<string, string> } | { error: string };

/** Reads `key=value;key=value`; keys become slugs (`Country of origin` → `country_of_origin`). */
export function parseDisaggregation(raw: string): ParsedDisaggregation {
	const out: Record<string, string> = {};
	for (const part of raw.split(';')) {
		if (part.trim() === '') continue;
		const eq = part.indexOf('=');
		if (eq === -1) return { error: `${quote(part.trim())} is not key=value.` };
		const key = slug(part.slice(0, eq));
		const value = part.slice(eq + 1).trim();
		if (key === '') return { error: `${quote(part.trim())} has no key.` };
		if (value === '') return { error: `${quote(part.trim())} has no value.` };
		if (key in out) return { error: `The key ${quote(key)} appears twice.` };
		out[key] = value;
	}
	return { ok: sortedDisaggregation(out) };
}

export function read(text: string, opts: ReadOptions): ReadResult {
	const table = opts.table ?? parseCsv(text);
	const decimalComma = table.delimiter !== ',';
	const headers = table.header.map(normaliseHeader);
	const labels = table.header.map(displayHeader);

	const missing = REQUIRED.filter((c) => !headers.includes(c));
	const known = new Set<string>([...TEMPLATE_COLUMNS, ...TEMPLATE_EXPORT_EXTRAS]);
	const unexpected = labels.filter((l, i) => l !== '' && !known.has(headers[i]));
	if (missing.length > 0 || unexpected.length > 0) {
		const parts: string[] = [];
		if (missing.length > 0)
			parts.push(`lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
		if (unexpected.length > 0)
			parts.push(`has unexpected columns ${unexpected.map(quote).join(', ')}`);
		throw new ImportFormatError(
			`This template file ${parts.join(' and ')}; the header must be ${TEMPLATE_HEADER}.`,
			missing
		);
	}
	const col = (name: string) => headers.indexOf(name);
	const [cInd, cCountry, cPeriod, cDisagg, cValue, cStatus, cSource, cNote] =
		TEMPLATE_COLUMNS.map(col);
	const label = (i: number, fallback: string) => (i === -1 ? fallback : labels[i]);

	const defaultIndicator = opts.indicator?.trim() ? normaliseIndicatorCode(opts.indicator) : null;
	const indicators = new Map<string, string | null>();
	const disaggregations = new Map<string, ParsedDisaggregation>();
	const result: ReadResult = {
		format: 'template',
		rowsRead: 0,
		rows: [],
		errors: [],
		skipped: []
	};
	const cell = (record: string[], i: number) => (i === -1 ? '' : (record[i] ?? '').trim());

	for (let r = 0; r < table.records.length; r++) {
		const record = table.records[r];
		if (isBlankRecord(record)) continue;
		const line = table.lines[r];
		result.rowsRead++;

		const rawValue = cell(record, cValue);
		if (isMissing(rawValue)) {
			result.skipped.push({ line, reason: 'missing value' });
			continue;
		}
		const errorsBefore = result.errors.length;
		const fail = (column: number, name: string, message: string) =>
			result.errors.push({ line, column: label(column, name), message });

		// indicator
		const rawIndicator = cell(record, cInd);
		let indicator: string | null;
		if (rawIndicator === '') {
			indicator = defaultIndicator;
			if (indicator === null) fail(cInd, 'indicator', 'No indicator code.');
		} else {
			indicator = indicators.get(rawIndicator) ?? null;
			if (!indicators.has(rawIndicator)) {
				indicator = normaliseIndicatorCode(rawIndicator);
				indicators.set(rawIndicator, indicator);
			}
			if (indicator === null) {
				fail(
					cInd,
					'indicator',
					`${quote(rawIndicator)} is not an indicator code (expected e.g. 10.c.1 or RCM-11.1).`
				);
			}
		}

		// country
		const rawCountry = cell(record, cCountry);
		let country: string | null = null;
		let region: string | null = null;
		if (rawCountry !== '') {
			const resolved = resolveCountry(rawCountry);
			if (resolved === null) fail(cCountry, 'country', `Unknown country ${quote(rawCountry)}.`);
			else if ('aggregate' in resolved && (region = keptRegion(resolved, opts)) !== null) {
				// An M49 region (`013`): a regional series, if the indicator is regional.
			} else if ('aggregate' in resolved) {
				fail(
					cCountry,
					'country',
					`${quote(rawCountry)} is a regional aggregate (${resolved.name}); leave country empty for a regional observation.`
				);
			} else country = resolved.iso3;
		}

		// period
		const rawPeriod = cell(record, cPeriod);
		const period = normalisePeriod(rawPeriod);
		if (period === null) {
			fail(
				cPeriod,
				'period',
				rawPeriod === ''
					? 'No period.'
					: `${quote(rawPeriod)} is not a period (expected 2023, 2023-Q2, 2023-05 or 2016/2021).`
			);
		}

		// disaggregation
		const rawDisagg = cell(record, cDisagg);
		let disaggregation: Record<string, string> = {};
		if (rawDisagg !== '') {
			let parsed = disaggregations.get(rawDisagg);
			if (parsed === undefined) {
				parsed = parseDisaggregation(rawDisagg);
				disaggregations.set(rawDisagg, parsed);
			}
			if ('error' in parsed) fail(cDisagg, 'disaggregation', parsed.error);
			else disaggregation = { ...parsed.ok };
		}

		// value
		const value = parseNumber(rawValue, decimalComma);
		if (value === null) fail(cValue, 'value', `${quote(rawValue)} is not a number.`);

		// status
		const rawStatus = cell(record, cStatus).toLowerCase();
		let status: ParsedObservation['status'] = period?.provisional ? 'provisional' : 'final';
		if (rawStatus === 'provisional' || rawStatus === 'final') status = rawStatus;
		else if (rawStatus !== '') {
			fail(
				cStatus,
				'status',
				`${quote(cell(record, cStatus))} is not a status (provisional or final).`
			);
		}

		if (result.errors.length > errorsBefore || period === null || value === null) continue;
		const source = cell(record, cSource);
		const note = cell(record, cNote);
		result.rows.push({
			line,
			indicator,
			country,
			...(region ? { region } : {}),
			period: period.period,
			disaggregation,
			value,
			status,
			source: source === '' ? null : source,
			note: note === '' ? null : note
		});
	}
	return result;
}

/**
 * Writes observations as a template CSV (header included, LF line ends), the inverse of
 * `read`, through the one CSV writer ($lib/csv: text that would start a spreadsheet formula gets
 * an apostrophe). Disaggregation keys and values should not hold `;` or `=`.
 */
export function write(
	rows: readonly Omit<ParsedObservation, 'line'>[],
	options: { bom?: boolean } = {}
): string {
	return toCsv(
		[
			TEMPLATE_COLUMNS,
			...rows.map((row) => [
				row.indicator ?? '',
				row.country ?? row.region ?? '',
				row.period,
				disaggregationKey(row.disaggregation),
				row.value,
				row.status,
				row.source ?? '',
				row.note ?? ''
			])
		],
		{ bom: options.bom, eol: '\n' }
	);
}
