/**
 * DESIGN §6 progress methods as pure functions (no I/O), shared by server and browser.
 */
export * from './types';
export { parsePeriod, periodToYear, comparePeriods, type ParsedPeriod } from './period';
export { annualSeries, disaggregationKey, isHeadline } from './series';
export { ceilingAnalysis } from './ceiling';
export { collectFlags, STALE_AFTER_YEARS } from './flags';
export { timeWeightedFit } from './methods/anticipated-progress';
export {
	computeProgress,
	chooseBaseYear,
	cagr,
	statusForValue,
	THRESHOLDS,
	DEFAULT_BASE_YEAR,
	DEFAULT_TARGET_YEAR,
	ZERO_TARGET_SUBSTITUTE,
	type BaseYearChoice
} from './compute';
export { formatValue, formatPercent, formatRatio } from './format';
