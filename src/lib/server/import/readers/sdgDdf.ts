/**
 * UN SDG Global Database series reshaped as DDF datapoints (open-numbers): `geo_area`
 * (M49), dimension columns, `year`, and a value column named after the series, e.g.
 * `geo_area,nature,units,year,sm_dth_migr`.
 */
import {
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
import { aggregateReason, keptRegion, resolveCountry } from '../countries';
import { DIMENSION_KEYS, Harmoniser, isTotalCode, TOTAL_CODES } from '../dimensions';
import { singleUnit } from '../units';
import { ImportFormatError } from '../errors';
import { normalisePeriod } from '../periods';
import type { ReadOptions, ReadResult } from '../types';

/** SDG series (lower-case, as the value column is named) → Avance indicator code. */
export const DDF_SERIES_INDICATORS: Readonly<Record<string, string>> = {
	sm_dth_migr: '10.7.3',
	sg_cpa_migrs: '10.7.2',
	sl_emp_ftlinjur: '8.8.1'
};

/** DDF dimension column → disaggregation key (the one table of ../dimensions). */
export const DDF_DIMENSION_KEYS: Readonly<Record<string, string>> = DIMENSION_KEYS;

/** Dimension codes that mean "all" / "total" (the one table of ../dimensions). */
export const DDF_TOTAL_CODES: ReadonlySet<string> = TOTAL_CODES;

/** `nature` codes worth a note; country (`c`) and global monitoring (`g`) data need none. */
const NATURE_NOTES: Record<string, string> = {
	ca: 'Country data adjusted (SDG Global Database nature CA)',
	e: 'Estimated (SDG Global Database nature E)',
	m: 'Modelled (SDG Global Database nature M)',
	n: 'Non-relevant (SDG Global Database nature N)'
};

const NOT_DIMENSIONS = new Set(['geo_area', 'year', 'nature', 'units']);

export function read(text: string, opts: ReadOptions): ReadResult {
	const table = parseCsv(text);
	const decimalComma = table.delimiter !== ',';
	const headers = table.header.map(normaliseHeader);
	const labels = table.header.map(displayHeader);

	const geoCol = headers.indexOf('geo_area');
	const yearCol = headers.indexOf('year');
	const valueCol = headers.length - 1;
	const series = headers[valueCol] ?? '';
	const missing: string[] = [];
	if (geoCol === -1) missing.push('geo_area');
	if (yearCol === -1) missing.push('year');
	if (series === '' || NOT_DIMENSIONS.has(series))
		missing.push('the value column (named after the series)');
	if (missing.length > 0) {
		throw new ImportFormatError(
			`This SDG DDF file lacks ${missing.join(' and ')} (expected e.g. geo_area,nature,units,year,sm_dth_migr).`,
			missing
		);
	}

	const natureCol = headers.indexOf('nature');
	const unitsCol = headers.indexOf('units');
	const dimCols: number[] = [];
	const dimKeys: string[] = [];
	const harmoniser = new Harmoniser(opts.dimensionMappings ?? null);
	for (let i = 0; i < valueCol; i++) {
		if (NOT_DIMENSIONS.has(headers[i]) || headers[i] === '') continue;
		dimCols.push(i);
		dimKeys.push(harmoniser.key(table.header[i], slug(headers[i])));
	}

	const seriesKey = series.toLowerCase();
	const indicator = opts.indicator?.trim() || DDF_SERIES_INDICATORS[seriesKey] || null;
	const source = `UN SDG Global Database (${seriesKey.toUpperCase()})`;
	const result: ReadResult = {
		format: 'sdg-ddf',
		rowsRead: 0,
		rows: [],
		errors: [],
		skipped: [],
		mappings: harmoniser.applied
	};
	if (unitsCol !== -1) {
		const unit = singleUnit(
			table.records.map((rec, r) => ({ line: table.lines[r], unit: rec[unitsCol] ?? '' })),
			labels[unitsCol]
		);
		if ('error' in unit) throw new ImportFormatError(unit.error, [labels[unitsCol]]);
		result.unit = unit.unit;
	}

	for (let r = 0; r < table.records.length; r++) {
		const record = table.records[r];
		if (isBlankRecord(record)) continue;
		const line = table.lines[r];
		result.rowsRead++;

		const geo = (record[geoCol] ?? '').trim();
		const resolved = geo === '' ? null : resolveCountry(geo);
		const region = resolved !== null && 'aggregate' in resolved ? keptRegion(resolved, opts) : null;
		if (resolved !== null && 'aggregate' in resolved && region === null) {
			result.skipped.push({
				line,
				reason: aggregateReason(geo, resolved.name)
			});
			continue;
		}
		const rawValue = record[valueCol] ?? '';
		if (isMissing(rawValue)) {
			result.skipped.push({ line, reason: 'missing value' });
			continue;
		}
		let bad = false;
		if (resolved === null) {
			result.errors.push({
				line,
				column: labels[geoCol],
				message: geo === '' ? 'No geo_area code.' : `Unknown country or area code ${quote(geo)}.`
			});
			bad = true;
		}
		const value = parseNumber(rawValue, decimalComma);
		if (value === null) {
			result.errors.push({
				line,
				column: labels[valueCol],
				message: `${quote(rawValue.trim())} is not a number.`
			});
			bad = true;
		}
		const rawYear = record[yearCol] ?? '';
		const period = normalisePeriod(rawYear);
		if (period === null) {
			result.errors.push({
				line,
				column: labels[yearCol],
				message: `${quote(rawYear.trim())} is not a year.`
			});
			bad = true;
		}
		if (bad || resolved === null || value === null || period === null) continue;

		let disaggregation: Record<string, string> = {};
		for (let k = 0; k < dimCols.length; k++) {
			const cell = record[dimCols[k]] ?? '';
			if (isTotalCode(cell)) continue;
			disaggregation[dimKeys[k]] = harmoniser.value(dimKeys[k], cell);
		}
		disaggregation = sortedDisaggregation(disaggregation);
		const nature = natureCol === -1 ? '' : (record[natureCol] ?? '').trim().toLowerCase();

		result.rows.push({
			line,
			indicator,
			country: 'iso3' in resolved ? resolved.iso3 : null,
			...(region ? { region } : {}),
			period: period.period,
			disaggregation,
			value,
			status: period.provisional ? 'provisional' : 'final',
			source,
			note: NATURE_NOTES[nature] ?? null
		});
	}
	return result;
}
