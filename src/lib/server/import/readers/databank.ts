/**
 * World Bank DataBank wide export. With `Sending Countries Code` and `Receiving Countries
 * Code` columns (Remittance Prices Worldwide, corridors) every value becomes an observation
 * of the *receiving* country with disaggregation `corridor = SENDER>RECEIVER` (10.c.1 unless
 * the caller names another indicator). A plain export with a `Country Code` column gives
 * one headline observation per country and period. Period columns look like
 * `2013Q1 [YR2013Q1]` or `2013 [YR2013]`.
 */
import {
	displayHeader,
	isBlankRecord,
	isMissing,
	normaliseHeader,
	parseCsv,
	parseNumber,
	quote
} from '../csv';
import { aggregateReason, resolveCountry } from '../countries';
import { ImportFormatError } from '../errors';
import { normalisePeriod } from '../periods';
import type { ReadOptions, ReadResult } from '../types';

export const RPW_INDICATOR = '10.c.1';
export const RPW_SERIES = 'ATCR.CORR';

const FOOTER = /^\s*(?:data from database|last updated|code|source)\s*:/i;

function findColumn(headers: string[], ...names: string[]): number {
	for (const name of names) {
		const i = headers.indexOf(name);
		if (i !== -1) return i;
	}
	return -1;
}

type Resolved = { iso3: string } | { skip: string } | { error: string };

export function read(text: string, opts: ReadOptions): ReadResult {
	const table = parseCsv(text);
	const decimalComma = table.delimiter !== ',';
	const headers = table.header.map(normaliseHeader);
	const labels = table.header.map(displayHeader);

	const senderCol = findColumn(headers, 'sending countries code', 'sending country code');
	const receiverCol = findColumn(headers, 'receiving countries code', 'receiving country code');
	const countryCol = findColumn(headers, 'country code', 'economy code');
	const seriesCol = findColumn(headers, 'series code');
	const corridor = senderCol !== -1 || receiverCol !== -1;

	const missing: string[] = [];
	if (corridor) {
		if (senderCol === -1) missing.push('Sending Countries Code');
		if (receiverCol === -1) missing.push('Receiving Countries Code');
	} else if (countryCol === -1) {
		missing.push('Sending Countries Code', 'Receiving Countries Code');
	}
	if (missing.length > 0) {
		throw new ImportFormatError(
			`This DataBank file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}` +
				(corridor ? '.' : ' (or a Country Code column).'),
			missing
		);
	}

	const periodCols: number[] = [];
	const periods: string[] = [];
	const provisional: boolean[] = [];
	for (let i = 0; i < table.header.length; i++) {
		if (i === senderCol || i === receiverCol || i === countryCol || i === seriesCol) continue;
		const p = normalisePeriod(table.header[i]);
		if (p) {
			periodCols.push(i);
			periods.push(p.period);
			provisional.push(p.provisional);
		}
	}
	if (periodCols.length === 0) {
		throw new ImportFormatError(
			"This DataBank file has no period columns (headers such as '2013Q1 [YR2013Q1]' or '2013 [YR2013]').",
			['period columns']
		);
	}

	const indicator = opts.indicator?.trim() || (corridor ? RPW_INDICATOR : null);
	const result: ReadResult = {
		format: 'databank',
		rowsRead: 0,
		rows: [],
		errors: [],
		skipped: []
	};

	const resolved = new Map<string, Resolved>();
	const resolve = (raw: string): Resolved => {
		let hit = resolved.get(raw);
		if (hit === undefined) {
			const code = raw.trim();
			const r = code === '' ? null : resolveCountry(code);
			if (r === null)
				hit = {
					error: code === '' ? 'No country code.' : `Unknown country ${quote(code)}.`
				};
			else if ('aggregate' in r) hit = { skip: aggregateReason(code, r.name) };
			else hit = { iso3: r.iso3 };
			resolved.set(raw, hit);
		}
		return hit;
	};
	const sources = new Map<string, string>();
	const sourceFor = (series: string): string => {
		let s = sources.get(series);
		if (s === undefined) {
			s = corridor
				? `World Bank, Remittance Prices Worldwide (${series || RPW_SERIES})`
				: series
					? `World Bank DataBank (${series})`
					: 'World Bank DataBank';
			sources.set(series, s);
		}
		return s;
	};

	for (let r = 0; r < table.records.length; r++) {
		const record = table.records[r];
		if (isBlankRecord(record)) continue;
		if (FOOTER.test(record[0] ?? '') && isBlankRecord(record.slice(1))) continue;
		const line = table.lines[r];
		result.rowsRead++;

		let country: string;
		let corridorKey: string | null = null;
		if (corridor) {
			const sender = resolve(record[senderCol] ?? '');
			const receiver = resolve(record[receiverCol] ?? '');
			if ('error' in sender || 'error' in receiver) {
				if ('error' in sender) {
					result.errors.push({ line, column: labels[senderCol], message: sender.error });
				}
				if ('error' in receiver) {
					result.errors.push({ line, column: labels[receiverCol], message: receiver.error });
				}
				continue;
			}
			if ('skip' in receiver) {
				result.skipped.push({ line, reason: receiver.skip });
				continue;
			}
			if ('skip' in sender) {
				result.skipped.push({ line, reason: sender.skip });
				continue;
			}
			country = receiver.iso3;
			corridorKey = `${sender.iso3}>${receiver.iso3}`;
		} else {
			const c = resolve(record[countryCol] ?? '');
			if ('error' in c) {
				result.errors.push({ line, column: labels[countryCol], message: c.error });
				continue;
			}
			if ('skip' in c) {
				result.skipped.push({ line, reason: c.skip });
				continue;
			}
			country = c.iso3;
		}

		const source = sourceFor(seriesCol === -1 ? '' : (record[seriesCol] ?? '').trim());
		let produced = 0;
		let failed = 0;
		for (let k = 0; k < periodCols.length; k++) {
			const cell = record[periodCols[k]] ?? '';
			if (isMissing(cell)) continue;
			const value = parseNumber(cell, decimalComma);
			if (value === null) {
				failed++;
				result.errors.push({
					line,
					column: labels[periodCols[k]],
					message: `${quote(cell.trim())} is not a number.`
				});
				continue;
			}
			produced++;
			result.rows.push({
				line,
				indicator,
				country,
				period: periods[k],
				// Each observation gets its own map, so later stages may change one safely.
				disaggregation: corridorKey === null ? {} : { corridor: corridorKey },
				value,
				status: provisional[k] ? 'provisional' : 'final',
				source,
				note: null
			});
		}
		if (produced === 0 && failed === 0) result.skipped.push({ line, reason: 'missing value' });
	}
	return result;
}
