/**
 * SDMX-CSV (the 1.0 layout): `DATAFLOW` first, then the dimensions (FREQ, SERIES, REF_AREA as
 * an M49 code, SEX, AGE, …), `TIME_PERIOD`, `OBS_VALUE`, then attributes (`OBS_STATUS` A/P/E,
 * `COMMENT_OBS`, `SOURCE_DETAIL`, `UNIT_MEASURE`, …). What Avance writes (sdmx/csv.ts) it reads
 * back; other dimension columns become disaggregations (`_T` and other totals = headline).
 * Headers and codes may carry labels (`REF_AREA: Reference area`, `484: Mexico`).
 */
import {
	displayHeader,
	isBlankRecord,
	isMissing,
	parseCsv,
	parseNumber,
	quote,
	slug,
	sortedDisaggregation
} from '../csv';
import { aggregateReason, keptRegion, resolveCountry } from '../countries';
import { ImportFormatError } from '../errors';
import { normalisePeriod } from '../periods';
import { DDF_SERIES_INDICATORS } from './sdgDdf';
import { isTotalCode } from '../dimensions';
import { MultiplierLog, scaled, singleUnit } from '../units';
import { normaliseIndicatorCode } from './template';
import type { ParsedObservation, ReadOptions, ReadResult } from '../types';
import { REGIONAL_AREA, SDG_SERIES, keyOf, statusOf, valueOf } from '../../sdmx/codes';

/** Columns that are not disaggregations. */
const NOT_DIMENSIONS = new Set([
	'DATAFLOW',
	'STRUCTURE',
	'STRUCTURE_ID',
	'ACTION',
	'FREQ',
	'INDICATOR',
	'SERIES',
	'REF_AREA',
	'TIME_PERIOD',
	'OBS_VALUE',
	'UNIT_MEASURE',
	'UNIT_MULT',
	'OBS_STATUS',
	'COMMENT_OBS',
	'SOURCE_DETAIL',
	'NATURE',
	'TIME_DETAIL',
	'TIME_COVERAGE',
	'BASE_PER',
	'LOWER_BOUND',
	'UPPER_BOUND',
	'GEO_INFO_URL',
	'OBS_CONF',
	'REPORTING_TYPE',
	'DECIMALS'
]);

const SERIES_INDICATORS: Readonly<Record<string, string>> = {
	...Object.fromEntries(
		Object.entries(DDF_SERIES_INDICATORS).map(([s, i]) => [s.toUpperCase(), i])
	),
	...Object.fromEntries(Object.entries(SDG_SERIES).map(([i, s]) => [s, i]))
};

/** `REF_AREA: Reference area` → REF_AREA. */
const concept = (header: string) => displayHeader(header).split(':')[0].trim().toUpperCase();
/** `484: Mexico` → 484 (codes with labels). */
const code = (cell: string) => {
	const m = /^([^\s:]+):\s/.exec(cell.trim());
	return m ? m[1] : cell.trim();
};

export function read(text: string, opts: ReadOptions): ReadResult {
	const table = parseCsv(text);
	const concepts = table.header.map(concept);
	const col = (name: string) => concepts.indexOf(name);
	const missing = ['TIME_PERIOD', 'OBS_VALUE'].filter((c) => col(c) === -1);
	if (missing.length > 0) {
		throw new ImportFormatError(
			`This SDMX-CSV file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
			missing
		);
	}
	const cArea = col('REF_AREA');
	if (cArea === -1 && !opts.country) {
		throw new ImportFormatError(
			'This SDMX-CSV file has no REF_AREA column: give the country it describes (country=ISO3).',
			['REF_AREA']
		);
	}
	const [cInd, cSeries, cPeriod, cValue, cStatus, cComment, cSource, cUnit, cMult] = [
		'INDICATOR',
		'SERIES',
		'TIME_PERIOD',
		'OBS_VALUE',
		'OBS_STATUS',
		'COMMENT_OBS',
		'SOURCE_DETAIL',
		'UNIT_MEASURE',
		'UNIT_MULT'
	].map(col);
	const dims = concepts
		.map((c, i) => ({ i, key: slug(keyOf(c)) }))
		.filter(({ i, key }) => key !== '' && !NOT_DIMENSIONS.has(concepts[i]));
	const fallbackIndicator = opts.indicator?.trim() ? normaliseIndicatorCode(opts.indicator) : null;
	const result: ReadResult = { format: 'sdmx-csv', rowsRead: 0, rows: [], errors: [], skipped: [] };
	const cell = (record: string[], i: number) => (i === -1 ? '' : (record[i] ?? '').trim());
	const multipliers = new MultiplierLog();
	if (cUnit !== -1) {
		const label = displayHeader(table.header[cUnit]);
		const unit = singleUnit(
			table.records.map((rec, r) => ({ line: table.lines[r], unit: code(cell(rec, cUnit)) })),
			label
		);
		if ('error' in unit) throw new ImportFormatError(unit.error, [label]);
		result.unit = unit.unit;
	}

	for (let r = 0; r < table.records.length; r++) {
		const record = table.records[r];
		if (isBlankRecord(record)) continue;
		const line = table.lines[r];
		result.rowsRead++;
		const fail = (i: number, message: string) =>
			result.errors.push({
				line,
				column: i === -1 ? null : displayHeader(table.header[i]),
				message
			});
		const errorsBefore = result.errors.length;

		const rawValue = cell(record, cValue);
		if (isMissing(rawValue) || rawValue.toUpperCase() === 'NAN') {
			result.skipped.push({ line, reason: 'missing value' });
			continue;
		}

		const rawArea = code(cell(record, cArea));
		let country: string | null = opts.country ?? null;
		let region: string | null = null;
		if (cArea !== -1) {
			if (rawArea.toUpperCase() === REGIONAL_AREA) country = null;
			else {
				const resolved = rawArea === '' ? null : resolveCountry(rawArea);
				if (resolved !== null && 'aggregate' in resolved) {
					region = keptRegion(resolved, opts);
					if (region === null) {
						result.skipped.push({ line, reason: aggregateReason(rawArea, resolved.name) });
						continue;
					}
					country = null;
				} else if (resolved === null) fail(cArea, `Unknown REF_AREA ${quote(rawArea)}.`);
				else country = resolved.iso3;
			}
		}

		const rawIndicator = code(cell(record, cInd));
		const rawSeries = code(cell(record, cSeries)).toUpperCase();
		const indicator =
			(rawIndicator ? normaliseIndicatorCode(rawIndicator) : null) ??
			(rawSeries ? (SERIES_INDICATORS[rawSeries] ?? null) : null) ??
			fallbackIndicator;
		if (indicator === null) {
			fail(
				cInd !== -1 ? cInd : cSeries,
				rawIndicator || rawSeries
					? `${quote(rawIndicator || rawSeries)} names no indicator of the catalogue; give indicator= for this file.`
					: 'No indicator: the file has no INDICATOR or known SERIES; give indicator= for this file.'
			);
		}

		const rawPeriod = cell(record, cPeriod);
		const period = normalisePeriod(rawPeriod);
		if (period === null) {
			fail(
				cPeriod,
				`${quote(rawPeriod)} is not a period (expected 2023, 2023-Q2, 2023-05 or 2016/2021).`
			);
		}

		let value = parseNumber(rawValue);
		if (value === null) fail(cValue, `${quote(rawValue)} is not a number.`);
		const factor = multipliers.apply(code(cell(record, cMult)));
		if (factor === null)
			fail(cMult, `${quote(cell(record, cMult))} is not a UNIT_MULT (a power of ten, e.g. 3).`);
		else if (value !== null) value = scaled(value, factor);

		const status = statusOf(code(cell(record, cStatus)));
		if (status === null) {
			fail(cStatus, `${quote(cell(record, cStatus))} is not an OBS_STATUS (A, P or E).`);
		}

		const disaggregation: Record<string, string> = {};
		for (const { i, key } of dims) {
			const raw = code(cell(record, i));
			if (isTotalCode(raw)) continue;
			disaggregation[key] = valueOf(key, raw);
		}

		if (result.errors.length > errorsBefore || period === null || value === null || !status) {
			continue;
		}
		const note = cell(record, cComment);
		const source = cell(record, cSource);
		const row: ParsedObservation = {
			line,
			indicator,
			country,
			...(region ? { region } : {}),
			period: period.period,
			disaggregation: sortedDisaggregation(disaggregation),
			value,
			status: period.provisional ? 'provisional' : status,
			source: source === '' ? null : source,
			note: note === '' ? null : note
		};
		result.rows.push(row);
	}
	result.multipliers = multipliers.applied;
	return result;
}
