// Outliers flagged at entry (issue 15 §7, as DHIS2 does): a value more than N median absolute
// deviations (MADs) from its series' median, or a jump of more than P% from the period before,
// is flagged for a second look; it still saves when the user confirms. A series is one
// indicator × geography × disaggregation. N and P are set per indicator (null: 3 and 50;
// 0: that test off). Owns: the tests and their wording, and the flags of one value entered on
// the value form (flagsOfEntry); the import preview (import/compare.ts) flags a file's values.
import type { Db } from '../db';
import { disaggregationKey } from '$lib/progress';
import { periodSortKey } from './records';

export const DEFAULT_OUTLIER_MADS = 3;
export const DEFAULT_OUTLIER_JUMP_PERCENT = 50;

export interface OutlierSettings {
	/** Flag a value more than this many MADs from the median; 0: off. */
	mads: number;
	/** Flag a change of more than this percent from the period before; 0: off. */
	jumpPercent: number;
}

/** The settings of an indicator (its stored columns; null = the default). */
export function outlierSettings(ind: {
	outlierMads?: number | null;
	outlierJumpPercent?: number | null;
}): OutlierSettings {
	return {
		mads: ind.outlierMads ?? DEFAULT_OUTLIER_MADS,
		jumpPercent: ind.outlierJumpPercent ?? DEFAULT_OUTLIER_JUMP_PERCENT
	};
}

/** Why a value was flagged: `message` in words (English; pages word it from the numbers). */
export type OutlierFlag =
	| { kind: 'mad'; mads: number; median: number; message: string }
	| { kind: 'jump'; percent: number; from: string; message: string };

export interface SeriesPoint {
	period: string;
	value: number;
}

function median(sorted: number[]): number {
	const n = sorted.length;
	const mid = Math.floor(n / 2);
	return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A number for a message: at most 2 decimals, no trailing zeros. */
export function roundForText(n: number): string {
	return String(Number(n.toFixed(Math.abs(n) >= 100 ? 0 : 2)));
}

/**
 * The flags of one value of a series. `series` holds every value of the series, this one
 * included (as it would be after saving). The MAD test needs a spread: a series whose MAD is
 * 0 (all but a few values equal) or that has fewer than 3 values is left to the jump test. The
 * jump is measured from the period before (|change| / |value before|); from a 0 it cannot be.
 */
export function flagValue(
	series: readonly SeriesPoint[],
	point: SeriesPoint,
	settings: OutlierSettings
): OutlierFlag[] {
	return seriesFlagger(series, settings)(point);
}

/**
 * `flagValue` for many values of one series: the median, the MAD and the order of periods are
 * worked out once (an import flags every value of a file against its series).
 */
export function seriesFlagger(
	series: readonly SeriesPoint[],
	settings: OutlierSettings
): (point: SeriesPoint) => OutlierFlag[] {
	let med = 0;
	let mad = 0;
	if (settings.mads > 0 && series.length >= 3) {
		const values = series.map((p) => p.value).sort((a, b) => a - b);
		med = median(values);
		mad = median(values.map((v) => Math.abs(v - med)).sort((a, b) => a - b));
	}
	// In period order (stable: of equal periods, the first given comes first).
	const ordered =
		settings.jumpPercent > 0
			? series
					.map((p) => ({ key: periodSortKey(p.period), p }))
					.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
			: [];
	/** The value of the latest period before `key` (the first given, of equal ones). */
	function before(key: string): SeriesPoint | null {
		let lo = 0;
		let hi = ordered.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (ordered[mid].key < key) lo = mid + 1;
			else hi = mid;
		}
		let i = lo - 1;
		if (i < 0) return null;
		while (i > 0 && ordered[i - 1].key === ordered[i].key) i--;
		return ordered[i].p;
	}
	return (point) => {
		const flags: OutlierFlag[] = [];
		if (mad > 0) {
			const distance = Math.abs(point.value - med) / mad;
			if (distance > settings.mads) {
				const mads = Number(distance.toFixed(1));
				flags.push({
					kind: 'mad',
					mads,
					median: Number(med.toPrecision(12)),
					message: `${mads} MADs from the series median ${roundForText(med)}`
				});
			}
		}
		const prev = settings.jumpPercent > 0 ? before(periodSortKey(point.period)) : null;
		if (prev !== null && prev.value !== 0) {
			const percent = (Math.abs(point.value - prev.value) / Math.abs(prev.value)) * 100;
			if (percent > settings.jumpPercent) {
				const rounded = Math.round(percent);
				flags.push({
					kind: 'jump',
					percent: rounded,
					from: prev.period,
					message: `jump of ${rounded}% from ${prev.period}`
				});
			}
		}
		return flags;
	};
}

/**
 * The series after writing `incoming` over `stored` (same period: the incoming value), for
 * flagging each incoming value against it.
 */
export function mergeSeries(
	stored: readonly SeriesPoint[],
	incoming: readonly SeriesPoint[]
): SeriesPoint[] {
	const byPeriod = new Map<string, SeriesPoint>();
	for (const p of stored) byPeriod.set(p.period, p);
	for (const p of incoming) byPeriod.set(p.period, p);
	return [...byPeriod.values()];
}

/**
 * The flags of one value about to be saved on the value form, against the stored series of its
 * indicator × geography × disaggregation; none when the value is what is stored already.
 */
export function flagsOfEntry(
	db: Pick<Db, '$client'>,
	code: string,
	entry: {
		country: string | null;
		period: string;
		disaggregation: Record<string, string>;
		value: number;
	}
): OutlierFlag[] {
	const ind = db.$client
		.prepare(
			`select id, outlier_mads as outlierMads, outlier_jump_percent as outlierJumpPercent
			 from indicator where lower(code) = lower(?)`
		)
		.get(code) as { id: number; outlierMads: number | null; outlierJumpPercent: number | null };
	if (!ind) return [];
	const stored = db.$client
		.prepare(
			'select period, value from observation where indicator_id = ? and scope_key = ? and disagg_key = ?'
		)
		.all(ind.id, entry.country ?? '', disaggregationKey(entry.disaggregation)) as SeriesPoint[];
	if (stored.some((p) => p.period === entry.period && p.value === entry.value)) return [];
	const point = { period: entry.period, value: entry.value };
	return flagValue(mergeSeries(stored, [point]), point, outlierSettings(ind));
}
