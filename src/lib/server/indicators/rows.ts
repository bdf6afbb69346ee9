// One indicator row: finding it by code (any letter case), the natural order of codes, and what
// the pure progress functions need to know about it (its effective aggregation included).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { indicator } from '../db/schema';
import { notFound } from '../http/errors';
import type { IndicatorInput } from '$lib/progress';
import type { IndicatorRow } from './types';

/** The row of an indicator by code (case-insensitive for SDG letters), or 404. */
export function indicatorByCode(db: Pick<Db, 'select'>, code: string): IndicatorRow {
	const trimmed = code.trim();
	const row =
		db.select().from(indicator).where(eq(indicator.code, trimmed)).get() ??
		db.select().from(indicator).where(eq(indicator.code, trimmed.toLowerCase())).get() ??
		db
			.select()
			.from(indicator)
			.where(sql`lower(${indicator.code}) = ${trimmed.toLowerCase()}`)
			.get();
	if (!row) throw notFound(`There is no indicator with the code ${trimmed}.`);
	return row;
}

/** What the pure progress functions need to know about an indicator. */
export function progressInput(row: IndicatorRow): IndicatorInput {
	return {
		code: row.code,
		direction: row.direction,
		baselineYear: row.baselineYear,
		baselineValue: row.baselineValue,
		targetYear: row.targetYear,
		targetValue: row.targetValue,
		ceiling: row.ceiling,
		ceilingKey: row.ceilingKey,
		aggregation: effectiveAggregation(row),
		kind: row.kind,
		threshold: row.threshold
	};
}

/** The indicator's aggregation, else by unit: counts sum, rates, scores and percentages average. */
export function effectiveAggregation(row: Pick<IndicatorRow, 'aggregation' | 'unit'>) {
	return row.aggregation ?? (row.unit === 'count' ? 'sum' : 'mean');
}

/** Natural order of codes: 8.8.1 < 10.7.2 < 10.c.1 < 17.3.2 < RCM-1. */
export function compareCodes(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}
