/**
 * Any layout, mapped by an import profile (issue 15): which column holds the period (with a
 * pattern such as `{yyyy}_{q}Q`), the geography (ISO3, M49 or names; or a fixed one), the
 * value and the disaggregations (a column each, or a template over columns such as
 * `{source_code}>{destination_code}`); row filters; and an aggregation per period ×
 * geography × disaggregation for record-level files (IOM's incidents summed by year and
 * country of origin). Pure; the pipeline validates the result like any other reader's.
 */
import {
	displayHeader,
	disaggregationKey,
	isBlankRecord,
	isMissing,
	normaliseHeader,
	parseCsv,
	parseNumber,
	quote,
	sortedDisaggregation
} from '../csv';
import { aggregateReason, keptRegion, resolveCountry } from '../countries';
import { Harmoniser, isTotalCode } from '../dimensions';
import { ImportFormatError } from '../errors';
import { normalisePeriod } from '../periods';
import type { ParsedObservation, ReadOptions, ReadResult } from '../types';

export type ProfileAggregate = 'sum' | 'mean' | 'count' | 'max';

/** The mapping of a file's layout (the body of `POST /api/v1/import-profiles`). */
export interface ImportProfileSpec {
	name: string;
	indicator: string;
	period: { column: string; pattern?: string | null };
	geography: { column: string; kind: 'iso3' | 'm49' | 'name' } | { fixed: string };
	value: { column: string };
	disaggregations?: ({ key: string; column: string } | { key: string; template: string })[];
	filters?: ({ column: string; equals: string } | { column: string; in: string[] })[];
	aggregate?: ProfileAggregate | null;
}

/** `{yyyy}_{q}Q` → a matcher giving the period (`2016-Q2`); null when the pattern has no year. */
export function periodMatcher(pattern: string): ((cell: string) => string | null) | null {
	if (!pattern.includes('{yyyy}')) return null;
	const order: string[] = [];
	const source = pattern
		.split(/(\{yyyy\}|\{q\}|\{mm\}|\{m\})/)
		.map((part) => {
			if (part === '{yyyy}') return (order.push('y'), '(\\d{4})');
			if (part === '{q}') return (order.push('q'), '([1-4])');
			if (part === '{mm}' || part === '{m}') return (order.push('m'), '(\\d{1,2})');
			return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('');
	const re = new RegExp(`^${source}$`, 'i');
	return (cell) => {
		const m = re.exec(cell.trim());
		if (!m) return null;
		let y = '';
		let q = '';
		let mo = '';
		order.forEach((k, i) => {
			if (k === 'y') y = m[i + 1];
			else if (k === 'q') q = m[i + 1];
			else mo = m[i + 1];
		});
		if (mo !== '') {
			const n = Number(mo);
			return n >= 1 && n <= 12 ? `${y}-${String(n).padStart(2, '0')}` : null;
		}
		return q !== '' ? `${y}-Q${q}` : y;
	};
}

interface Group {
	row: ParsedObservation;
	values: number[];
}

export function read(text: string, opts: ReadOptions & { profile: ImportProfileSpec }): ReadResult {
	const profile = opts.profile;
	const table = opts.table ?? parseCsv(text);
	const headers = table.header.map(normaliseHeader);
	const labels = table.header.map(displayHeader);
	const missing: string[] = [];
	const col = (name: string): number => {
		const i = headers.indexOf(normaliseHeader(name));
		if (i === -1 && !missing.includes(name)) missing.push(name);
		return i;
	};
	const periodCol = col(profile.period.column);
	const geoCol = 'column' in profile.geography ? col(profile.geography.column) : -1;
	const aggregate = profile.aggregate ?? null;
	const valueCol = col(profile.value.column);
	const filters = (profile.filters ?? []).map((f) => ({
		i: col(f.column),
		label: f.column,
		accept: new Set(('in' in f ? f.in : [f.equals]).map((v) => v.trim().toLowerCase()))
	}));
	const harmoniser = new Harmoniser(opts.dimensionMappings ?? null);
	const disaggs = (profile.disaggregations ?? []).map((d) => {
		if ('column' in d) {
			const i = col(d.column);
			return { key: harmoniser.key(d.key, d.key), build: (r: string[]) => r[i] ?? '' };
		}
		const parts = d.template.split(/\{([^}]+)\}/);
		const idx = parts.map((p, k) => (k % 2 === 1 ? col(p) : -1));
		return {
			key: harmoniser.key(d.key, d.key),
			build: (r: string[]) =>
				parts.map((p, k) => (k % 2 === 1 ? (r[idx[k]] ?? '').trim() : p)).join('')
		};
	});
	if (missing.length > 0) {
		throw new ImportFormatError(
			`The profile ${quote(profile.name)} names column${missing.length > 1 ? 's' : ''} the file does not have: ${missing.join(', ')} (the file has ${labels.join(', ')}).`,
			missing
		);
	}
	const matcher = profile.period.pattern ? periodMatcher(profile.period.pattern) : null;
	if (profile.period.pattern && matcher === null) {
		throw new ImportFormatError(
			`The period pattern ${quote(profile.period.pattern)} has no {yyyy}; use e.g. {yyyy}, {yyyy}_{q}Q or {yyyy}-{mm}.`,
			[profile.period.column]
		);
	}

	let fixed: string | null = null;
	if ('fixed' in profile.geography) {
		const r = resolveCountry(profile.geography.fixed);
		if (!r || !('iso3' in r))
			throw new ImportFormatError(`Unknown fixed geography ${quote(profile.geography.fixed)}.`);
		fixed = r.iso3;
	}

	const result: ReadResult = {
		format: 'profile',
		rowsRead: 0,
		rows: [],
		errors: [],
		skipped: [],
		mappings: harmoniser.applied
	};
	const groups = new Map<string, Group>();
	let periodMatched = 0;
	const geoLabel = geoCol === -1 ? null : labels[geoCol];

	for (let r = 0; r < table.records.length; r++) {
		const record = table.records[r];
		if (isBlankRecord(record)) continue;
		const line = table.lines[r];
		result.rowsRead++;
		const failed = filters.find((f) => !f.accept.has((record[f.i] ?? '').trim().toLowerCase()));
		if (failed) {
			result.skipped.push({
				line,
				reason: `filtered out (${failed.label} = ${quote((record[failed.i] ?? '').trim())})`
			});
			continue;
		}
		const rawPeriod = (record[periodCol] ?? '').trim();
		const period = matcher ? matcher(rawPeriod) : (normalisePeriod(rawPeriod)?.period ?? null);
		if (period === null) {
			result.errors.push({
				line,
				column: labels[periodCol],
				message: profile.period.pattern
					? `${quote(rawPeriod)} does not match the period pattern ${quote(profile.period.pattern)}.`
					: `${quote(rawPeriod)} is not a period (expected e.g. 2023, 2023-Q1, 2023-05).`
			});
			continue;
		}
		periodMatched++;

		let country = fixed;
		let region: string | null = null;
		if (geoCol !== -1) {
			const geo = (record[geoCol] ?? '').trim();
			const resolved = geo === '' ? null : resolveCountry(geo);
			if (resolved === null) {
				result.skipped.push({
					line,
					reason: `unknown geography ${quote(geo)} in ${geoLabel}`
				});
				continue;
			}
			if ('aggregate' in resolved) {
				// An M49 region (`013`) is kept as a regional series when the pipeline asks (it
				// skips it for indicators that are not regional); other groupings are skipped.
				region = keptRegion(resolved, opts);
				if (region === null) {
					result.skipped.push({ line, reason: aggregateReason(geo, resolved.name) });
					continue;
				}
				country = null;
			} else country = resolved.iso3;
		}

		let value = 1;
		if (aggregate !== 'count') {
			const raw = record[valueCol] ?? '';
			if (isMissing(raw)) {
				result.skipped.push({ line, reason: 'missing value' });
				continue;
			}
			const n = parseNumber(raw);
			if (n === null) {
				result.errors.push({
					line,
					column: labels[valueCol],
					message: aggregate
						? `${quote(raw.trim())} is not a number, so it cannot be aggregated (${aggregate}).`
						: `${quote(raw.trim())} is not a number.`
				});
				continue;
			}
			value = n;
		}

		let disaggregation: Record<string, string> = {};
		for (const d of disaggs) {
			const cell = d.build(record);
			if (!isTotalCode(cell)) disaggregation[d.key] = harmoniser.value(d.key, cell);
		}
		disaggregation = sortedDisaggregation(disaggregation);
		const row: ParsedObservation = {
			line,
			indicator: profile.indicator,
			country,
			...(region ? { region } : {}),
			period,
			disaggregation,
			value,
			status: 'final',
			source: null,
			note: null
		};
		if (aggregate === null) {
			result.rows.push(row);
			continue;
		}
		const key = `${country ?? region ?? ''}\u0000${period}\u0000${disaggregationKey(disaggregation)}`;
		const group = groups.get(key);
		if (group) group.values.push(value);
		else groups.set(key, { row, values: [value] });
	}

	if (result.rowsRead > 0 && periodMatched === 0 && profile.period.pattern) {
		result.errors.unshift({
			line: table.headerLine,
			column: labels[periodCol],
			message: `No cell of ${labels[periodCol]} matches the period pattern ${quote(profile.period.pattern)}.`
		});
	}
	for (const { row, values } of groups.values()) {
		row.value = combine(aggregate!, values);
		row.note = values.length > 1 ? `${aggregate} of ${values.length} records` : null;
		result.rows.push(row);
	}
	return result;
}

function combine(aggregate: ProfileAggregate, values: number[]): number {
	if (aggregate === 'count') return values.length;
	if (aggregate === 'max') return Math.max(...values);
	let sum = 0;
	for (const v of values) sum += v;
	const out = aggregate === 'mean' ? sum / values.length : sum;
	return Number(out.toPrecision(15));
}
