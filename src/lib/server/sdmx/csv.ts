// Writes observations as SDMX-CSV (the 1.0 layout: DATAFLOW first, then the dimensions,
// TIME_PERIOD, OBS_VALUE, then the attributes), through the project's one CSV writer.
import { toCsv } from '$lib/csv';
import { disaggregationKey } from '$lib/progress';
import {
	DATAFLOW,
	LEADING_DIMENSIONS,
	PREFERRED_DIMENSIONS,
	REGIONAL_AREA,
	SDG_SERIES,
	TOTAL,
	TRAILING_COLUMNS,
	codeOf,
	conceptOf,
	freqOf,
	obsStatus,
	unitCode
} from './codes';

export interface SdmxObservation {
	country: string | null;
	/** M49 code of a regional series (`013`): its REF_AREA. */
	region?: string | null;
	period: string;
	disaggregation: Record<string, string>;
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
}

export interface SdmxIndicator {
	code: string;
	unit: string;
}

/** M49 code (3 digits) of an ISO3 country code. */
export type M49Of = (iso3: string) => number | null;

function dimensionKeys(observations: readonly SdmxObservation[]): string[] {
	const keys = [...new Set(observations.flatMap((o) => Object.keys(o.disaggregation)))];
	const rank = (k: string) => {
		const i = PREFERRED_DIMENSIONS.indexOf(conceptOf(k));
		return i === -1 ? PREFERRED_DIMENSIONS.length : i;
	};
	return keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function sdmxCsv(
	indicator: SdmxIndicator,
	observations: readonly SdmxObservation[],
	m49Of: M49Of
): string {
	const keys = dimensionKeys(observations);
	const header = [...LEADING_DIMENSIONS, ...keys.map(conceptOf), ...TRAILING_COLUMNS] as string[];
	const series = SDG_SERIES[indicator.code] ?? '';
	const unit = unitCode(indicator.unit);
	const sorted = [...observations].sort((a, b) => {
		const ka = `${a.country ?? a.region ?? ''}|${disaggregationKey(a.disaggregation)}|${a.period}`;
		const kb = `${b.country ?? b.region ?? ''}|${disaggregationKey(b.disaggregation)}|${b.period}`;
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	});
	const rows = sorted.map((o) => {
		const m49 = o.country ? m49Of(o.country) : null;
		const area =
			o.country === null ? (o.region ?? REGIONAL_AREA) : m49 === null ? o.country : pad(m49);
		return [
			DATAFLOW,
			freqOf(o.period),
			indicator.code,
			series,
			area,
			...keys.map((k) => (k in o.disaggregation ? codeOf(k, o.disaggregation[k]) : TOTAL)),
			o.period,
			o.value,
			unit,
			0,
			obsStatus(o.status),
			o.note ?? '',
			o.source ?? ''
		];
	});
	return toCsv([header, ...rows], { bom: true });
}

const pad = (m49: number) => String(m49).padStart(3, '0');

export function sdmxFileName(code: string, country?: string | null): string {
	return `${code}${country ? '-' + country : ''}-sdmx.csv`.replace(/[^\w.-]/g, '_');
}
