// Numbers, percentages and dates formatted with Intl for the page's language.
// The implementation lives in $lib/i18n/format (periods, units and more are there too).
export {
	formatPercent,
	formatPercentValue,
	formatNumber,
	formatDate,
	formatDateTime,
	formatPeriod,
	formatUnitValue,
	unitLabel,
	disaggregationKeyLabel
} from './i18n/format';
