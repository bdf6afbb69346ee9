/**
 * Open SDG indicator CSV (national reporting platforms): `Year` first, `Value` last,
 * optional `GeoCode`, disaggregation columns between (blank = total), and the attribute
 * columns `Units`, `Series`, `COMMENT_OBS` and `Observation status`.
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
import { Harmoniser, isTotalCode } from '../dimensions';
import { MultiplierLog, scaled, singleUnit } from '../units';
import { ImportFormatError } from '../errors';
import { normalisePeriod } from '../periods';
import type { ParsedObservation, ReadOptions, ReadResult } from '../types';

const GEOCODE = new Set(['geocode', 'geo code', 'geo_code']);
const COMMENT = new Set(['comment_obs', 'comment obs']);
const OBS_STATUS = new Set([
	'observation status',
	'observation_status',
	'obs_status',
	'obs status'
]);
const UNITS = new Set(['units', 'unit', 'unit measure', 'unit_measure', 'unidad', 'unité']);
const MULTIPLIER = new Set(['unit multiplier', 'unit_multiplier', 'unit_mult', 'unit mult']);
/** Attributes that describe the series rather than split it; not disaggregations. */
const IGNORED_ATTRIBUTES = new Set(['series', 'comment_ts', 'comment ts']);

/** `Observation status` values that mean provisional (SDMX `P`, English/Spanish/French words). */
const PROVISIONAL_STATUS = /^(?:p|prov\.?|provisoire|preliminar)$|provisional|prelim/i;

export const NO_GEOGRAPHY_MESSAGE =
	'This file has no geography column; choose the country it describes.';

export function read(text: string, opts: ReadOptions): ReadResult {
	const table = parseCsv(text);
	const decimalComma = table.delimiter !== ',';
	const headers = table.header.map(normaliseHeader);
	const labels = table.header.map(displayHeader);

	const yearCol = headers.indexOf('year');
	const valueCol = headers.lastIndexOf('value');
	const missing: string[] = [];
	if (yearCol === -1) missing.push('Year');
	if (valueCol === -1) missing.push('Value');
	if (missing.length > 0) {
		throw new ImportFormatError(
			`This Open SDG file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')} (expected Year first and Value last).`,
			missing
		);
	}

	let geoCol = -1;
	let commentCol = -1;
	let statusCol = -1;
	let unitCol = -1;
	let multCol = -1;
	const disaggCols: number[] = [];
	const disaggKeys: string[] = [];
	const harmoniser = new Harmoniser(opts.dimensionMappings ?? null);
	for (let i = 0; i < headers.length; i++) {
		const h = headers[i];
		if (i === yearCol || i === valueCol || h === '') continue;
		if (GEOCODE.has(h)) geoCol = i;
		else if (COMMENT.has(h)) commentCol = i;
		else if (OBS_STATUS.has(h)) statusCol = i;
		else if (UNITS.has(h)) unitCol = i;
		else if (MULTIPLIER.has(h)) multCol = i;
		else if (!IGNORED_ATTRIBUTES.has(h)) {
			disaggCols.push(i);
			disaggKeys.push(harmoniser.key(table.header[i], slug(table.header[i]) || `column_${i + 1}`));
		}
	}

	const result: ReadResult = {
		format: 'opensdg',
		rowsRead: 0,
		rows: [],
		errors: [],
		skipped: [],
		mappings: harmoniser.applied
	};
	const multipliers = new MultiplierLog();
	if (unitCol !== -1) {
		const unit = singleUnit(
			table.records.map((rec, r) => ({ line: table.lines[r], unit: rec[unitCol] ?? '' })),
			labels[unitCol]
		);
		if ('error' in unit) throw new ImportFormatError(unit.error, [labels[unitCol]]);
		result.unit = unit.unit;
	}
	const indicator = opts.indicator?.trim() || null;

	let fileCountry: string | null = null;
	if (opts.country !== undefined && opts.country.trim() !== '') {
		const resolved = resolveCountry(opts.country);
		if (resolved && 'iso3' in resolved) fileCountry = resolved.iso3;
		else {
			result.rowsRead = countDataRows(table.records);
			result.errors.push({
				line: table.headerLine,
				column: null,
				message: `Unknown country ${quote(opts.country)} chosen for this file; give an ISO3 code.`
			});
			return result;
		}
	}
	if (geoCol === -1 && fileCountry === null) {
		result.rowsRead = countDataRows(table.records);
		result.errors.push({
			line: table.headerLine,
			column: null,
			message: NO_GEOGRAPHY_MESSAGE
		});
		return result;
	}

	for (let r = 0; r < table.records.length; r++) {
		const record = table.records[r];
		if (isBlankRecord(record)) continue;
		const line = table.lines[r];
		result.rowsRead++;
		const errorsBefore = result.errors.length;

		let country: string | null = fileCountry;
		let region: string | null = null;
		if (geoCol !== -1) {
			const geo = (record[geoCol] ?? '').trim();
			if (geo !== '') {
				const resolved = resolveCountry(geo);
				if (resolved === null) {
					result.errors.push({
						line,
						column: labels[geoCol],
						message: `Unknown country ${quote(geo)}.`
					});
				} else if ('aggregate' in resolved) {
					region = keptRegion(resolved, opts);
					if (region === null) {
						result.skipped.push({
							line,
							reason: aggregateReason(geo, resolved.name)
						});
						continue;
					}
					country = null;
				} else country = resolved.iso3;
			} else if (fileCountry === null) {
				result.errors.push({
					line,
					column: labels[geoCol],
					message: 'This row has no GeoCode; choose the country the file describes.'
				});
			}
		}

		const rawValue = record[valueCol] ?? '';
		if (isMissing(rawValue)) {
			result.errors.length = errorsBefore;
			result.skipped.push({ line, reason: 'missing value' });
			continue;
		}
		let value = parseNumber(rawValue, decimalComma);
		const multCell = multCol === -1 ? '' : (record[multCol] ?? '');
		const factor = multipliers.apply(multCell);
		if (factor === null) {
			result.errors.push({
				line,
				column: labels[multCol],
				message: `${quote(multCell.trim())} is not a unit multiplier (expected e.g. Units, Thousands, Millions, or a power of ten).`
			});
		} else if (value !== null) value = scaled(value, factor);
		if (value === null) {
			result.errors.push({
				line,
				column: labels[valueCol],
				message: `${quote(rawValue.trim())} is not a number.`
			});
		}

		const rawPeriod = record[yearCol] ?? '';
		const period = normalisePeriod(rawPeriod);
		if (period === null) {
			result.errors.push({
				line,
				column: labels[yearCol],
				message: `${quote(rawPeriod.trim())} is not a period (expected e.g. 2023, 2023-Q1, 2023/I, 2016 to 2021).`
			});
		}

		if (result.errors.length > errorsBefore || period === null || value === null) continue;

		let disaggregation: Record<string, string> = {};
		for (let k = 0; k < disaggCols.length; k++) {
			const cell = record[disaggCols[k]] ?? '';
			if (!isTotalCode(cell)) disaggregation[disaggKeys[k]] = harmoniser.value(disaggKeys[k], cell);
		}
		disaggregation = sortedDisaggregation(disaggregation);

		const statusCell = statusCol === -1 ? '' : (record[statusCol] ?? '').trim();
		const provisional =
			period.provisional || (statusCell !== '' && PROVISIONAL_STATUS.test(statusCell));
		const comment = noteOf(
			commentCol === -1 ? '' : (record[commentCol] ?? '').trim(),
			provisional ? '' : statusCell
		);

		const row: ParsedObservation = {
			line,
			indicator,
			country,
			...(region ? { region } : {}),
			period: period.period,
			disaggregation,
			value,
			status: provisional ? 'provisional' : 'final',
			source: null,
			note: comment === '' ? null : comment
		};
		result.rows.push(row);
	}
	result.multipliers = multipliers.applied;
	return result;
}

/** Statuses that mean a normal, final value (no note needed). */
const FINAL_STATUS = /^(?:a|normal|normal value|final|definitive|definitivo|définitif|definitif)$/i;

/** The note of a value: its footnote, and a status other than final/provisional kept in words. */
function noteOf(comment: string, status: string): string {
	if (status === '' || FINAL_STATUS.test(status)) return comment;
	const kept = `Observation status: ${status}`;
	return comment === '' ? kept : `${comment} (${kept})`;
}

function countDataRows(records: string[][]): number {
	let n = 0;
	for (const record of records) if (!isBlankRecord(record)) n++;
	return n;
}
