// Member states compared on one indicator (issue 19 §2): one series per chosen member state on
// a common scale, each with its latest value and verdict, ranked; for an indicator with a
// ceiling key (10.c.1's corridors), the member states' corridors grouped by sending country.
// Reads through the same series, verdicts and visibility as the indicator page.
import type { Db } from '../db';
import type { Actor } from '../auth/authz';
import { countryName, listCountries } from '../declaration/countries';
import { getIndicator } from '../indicators/catalogue';
import { periodToYear, type Method } from '$lib/progress';
import type { ChartPoint } from '$lib/charts/types';
import type { ProgressReadOptions } from './series';
import { indicatorChartData, disaggregateRanking, type RankingItem } from './charts';
import { indicatorVerdicts, methodFor, type Verdict } from './verdicts';

export interface ComparedCountry {
	iso3: string;
	name: string;
	points: ChartPoint[];
	/** mean_of_disaggregates when there is no headline series (the chart says so). */
	kind: 'headline' | 'mean_of_disaggregates' | null;
	latest: ChartPoint | null;
	verdict: Verdict | null;
	/** 1 = best latest value; null without data. */
	rank: number | null;
}

export interface Comparison {
	indicator: { code: string; name: string; unit: string; direction: 'increase' | 'decrease' };
	method: Method;
	target: { value: number; year: number } | null;
	ceiling: number | null;
	/** One common scale for every small chart. */
	scale: { min: number; max: number; firstYear: number; lastYear: number } | null;
	countries: ComparedCountry[];
	/** Sending country (ISO3 or code as written) → its corridors' latest values. */
	corridors: { from: string; fromName: string; items: RankingItem[] }[];
}

/** The member states of `asked` that exist (ISO3, upper case), else all of them. */
export function comparedMembers(db: Db, asked: string[], locale: 'en' | 'es' | 'fr') {
	const members = listCountries(db, { member: true, locale });
	const wanted = new Set(asked.map((c) => c.trim().toUpperCase()).filter(Boolean));
	const chosen = members.filter((c) => wanted.has(c.iso3));
	return { members, chosen: chosen.length > 0 ? chosen : members };
}

export function compareMembers(
	db: Db,
	actor: Actor | null,
	code: string,
	countries: string[],
	opts: ProgressReadOptions & { method?: Method | null } = {}
): Comparison {
	const locale = opts.locale ?? 'en';
	const ind = getIndicator(db, actor, code, { locale });
	const method = methodFor(db, ind, opts.method ?? null);
	const chart = indicatorChartData(db, actor, ind.code, { ...opts, countries });
	const verdicts = new Map(
		indicatorVerdicts(db, actor, ind.code, method, { ...opts, countries }).map((v) => [
			v.country,
			v
		])
	);
	const bySeries = new Map(chart.series.map((s) => [s.key, s]));
	const decrease = ind.direction === 'decrease';
	const rows: ComparedCountry[] = countries.map((iso3) => {
		const s = bySeries.get(iso3);
		const points = s?.points ?? [];
		return {
			iso3,
			name: countryName(iso3, locale),
			points,
			kind: s ? (s.kind === 'mean_of_disaggregates' ? 'mean_of_disaggregates' : 'headline') : null,
			latest: points.at(-1) ?? null,
			verdict: verdicts.get(iso3) ?? null,
			rank: null
		};
	});
	const ranked = rows
		.filter((r) => r.latest)
		.sort((a, b) =>
			decrease ? a.latest!.value - b.latest!.value : b.latest!.value - a.latest!.value
		);
	ranked.forEach((r, i) => (r.rank = i + 1));

	const values = rows.flatMap((r) => r.points.map((p) => p.value));
	const years = rows.flatMap((r) => r.points.map((p) => periodToYear(p.period)));
	const target =
		ind.targetValue !== null ? { value: ind.targetValue, year: ind.targetYear ?? 2030 } : null;
	const refs = [target?.value, ind.ceiling].filter(
		(v): v is number => v !== null && v !== undefined
	);
	const scale =
		values.length === 0
			? null
			: {
					min: Math.min(0, ...values, ...refs),
					max: Math.max(...values, ...refs),
					firstYear: Math.min(...years),
					lastYear: Math.max(...years)
				};

	const corridors: Comparison['corridors'] = [];
	if (ind.ceilingKey === 'corridor') {
		const chosen = new Set(countries);
		const groups = new Map<string, RankingItem[]>();
		for (const item of disaggregateRanking(db, actor, ind.code, opts)) {
			if (!item.country || !chosen.has(item.country)) continue;
			const from = (item.disaggregation.corridor ?? '').split('>')[0] || item.country;
			const list = groups.get(from);
			if (list) list.push(item);
			else groups.set(from, [item]);
		}
		for (const [from, items] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
			corridors.push({
				from,
				fromName: /^[A-Z]{3}$/.test(from) ? countryName(from, locale) : from,
				items: items.sort((a, b) => a.label.localeCompare(b.label))
			});
		}
	}

	return {
		indicator: { code: ind.code, name: ind.name, unit: ind.unit, direction: ind.direction },
		method,
		target,
		ceiling: ind.ceiling,
		scale,
		countries: rows,
		corridors
	};
}
