// The validated observations open data publishes: each value in its last validated version
// (never a draft or a submitted edit), optionally of one country and frozen at an as-of day.
import type { Db } from '../db';
import { compareCodes } from '../indicators/catalogue';

/** One validated observation, as open data publishes it. */
export interface OpenObservation {
	indicator: string;
	/** ISO3, or null for a regional value (RCM-wide, or the M49 region below). */
	country: string | null;
	/** M49 code of a regional series (`013`); present only on those. */
	region?: string;
	period: string;
	disaggregation: Record<string, string>;
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
}

interface ObservationDbRow {
	code: string;
	country: string | null;
	region: string | null;
	period: string;
	disaggregation: string;
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	note: string | null;
	review_state: string;
	validated: string | null;
	validated_at: number | null;
}

function readSnapshot(raw: string | null) {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as Record<string, unknown>;
		if (typeof v.value !== 'number') return null;
		return {
			value: v.value,
			status: v.status === 'provisional' ? ('provisional' as const) : ('final' as const),
			source: typeof v.source === 'string' ? v.source : null,
			note: typeof v.note === 'string' ? v.note : null
		};
	} catch {
		return null;
	}
}

/**
 * The validated observations of the given indicators, in their last validated version
 * (values never validated are left out), optionally of one country or M49 region (`013`) and
 * frozen at an as-of day
 * (only what was validated on or before it). Ordered by indicator, country, disaggregation,
 * period.
 */
export function validatedObservations(
	db: Db,
	codes: string[],
	opts: { country?: string | null; asOf?: string | null } = {}
): OpenObservation[] {
	if (codes.length === 0) return [];
	const params: (string | number)[] = [...codes];
	let where = `i.code in (${codes.map(() => '?').join(',')})`;
	if (opts.country) {
		where += ' and o.scope_key = ?';
		params.push(opts.country);
	}
	const end = opts.asOf ? new Date(`${opts.asOf}T23:59:59.999Z`).getTime() : null;
	const rows = db.$client
		.prepare(
			`select i.code, o.country_iso3 as country, o.region_m49 as region, o.period, o.disaggregation, o.value, o.status,
			        o.source, o.note, o.review_state, o.validated, o.validated_at
			   from observation o join indicator i on i.id = o.indicator_id
			  where ${where}
			  order by o.scope_key, o.disagg_key, o.period_sort`
		)
		.all(...params) as ObservationDbRow[];
	const out: OpenObservation[] = [];
	for (const r of rows) {
		if (end !== null && (r.validated_at === null || r.validated_at > end)) continue;
		const snapshot = readSnapshot(r.validated);
		const shown =
			r.review_state === 'validated'
				? (snapshot ?? { value: r.value, status: r.status, source: r.source, note: r.note })
				: snapshot;
		if (!shown) continue;
		let disaggregation: Record<string, string> = {};
		try {
			disaggregation = JSON.parse(r.disaggregation) as Record<string, string>;
		} catch {
			/* stored by the services as JSON; an unreadable one counts as the headline */
		}
		out.push({
			indicator: r.code,
			country: r.country,
			...(r.region ? { region: r.region } : {}),
			period: r.period,
			disaggregation,
			...shown
		});
	}
	// Stable across calls: indicator in natural code order, then the SQL order.
	const rank = new Map([...codes].sort(compareCodes).map((c, i) => [c, i]));
	return out
		.map((o, i) => ({ o, i }))
		.sort((a, b) => rank.get(a.o.indicator)! - rank.get(b.o.indicator)! || a.i - b.i)
		.map(({ o }) => o);
}
