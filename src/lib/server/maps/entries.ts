// What the region map shows for each member state (owns: turning action counts and indicator
// verdicts into map entries). Reads go through the existing services (visibleActions for the
// signed-in reader's view, publishedActionCounts for shared pages, the verdicts of
// progress.ts), so permissions and validated-only reads stay where they are decided.
import type { Db } from '../db';
import type { Actor } from '../auth/authz';
import { getFramework } from '../declaration/articles';
import { visibleActions } from '../visibility/visibility';
import { publishedActionCounts } from '../visibility/published';
import { listCountries, type NameLocale } from '../declaration/countries';
import type { MapEntry, MapGeometry } from '$lib/charts/map-types';
import type { AnnualPoint, Status } from '$lib/progress';
import { regionMapGeometry } from './geometry';

export interface RegionMapData {
	geometry: MapGeometry;
	entries: MapEntry[];
}

function members(db: Db, locale: NameLocale) {
	return listCountries(db, { member: true, locale });
}

function withGeometry(list: { iso3: string }[], entries: MapEntry[]): RegionMapData {
	return { geometry: regionMapGeometry(list.map((c) => c.iso3)), entries };
}

function shareEntry(
	c: { iso3: string; name: string },
	completed: number,
	total: number,
	href?: string
): MapEntry {
	return {
		iso3: c.iso3,
		name: c.name,
		value: total > 0 ? completed / total : null,
		completed,
		total,
		href
	};
}

/**
 * Actions completed per member state, as the signed-in reader sees them (their drafts
 * included where they may read them); rows link to the country page (`hrefOf`).
 */
export function actionsRegionMap(
	db: Db,
	actor: Actor,
	locale: NameLocale,
	hrefOf: (iso3: string) => string
): RegionMapData {
	const list = members(db, locale);
	// One read of the actions the reader sees, counted per country (not two counts a country).
	const counts = new Map<string, { total: number; completed: number }>();
	for (const a of visibleActions(db, actor, { frameworkId: getFramework(db).id })) {
		if (!a.country) continue;
		const c = counts.get(a.country) ?? { total: 0, completed: 0 };
		c.total++;
		if (a.status === 'completed') c.completed++;
		counts.set(a.country, c);
	}
	const entries = list.map((c) => {
		const n = counts.get(c.iso3) ?? { total: 0, completed: 0 };
		return shareEntry(c, n.completed, n.total, hrefOf(c.iso3));
	});
	return withGeometry(list, entries);
}

/** Published (validated) actions completed per member state, for shared pages. */
export function publishedActionsRegionMap(
	db: Db,
	q: { asOf?: string | null },
	locale: NameLocale,
	hrefOf?: (iso3: string) => string
): RegionMapData {
	const list = members(db, locale);
	const entries = list.map((c) => {
		const counts = publishedActionCounts(db, { country: c.iso3, asOf: q.asOf, locale });
		return shareEntry(c, counts.completed, counts.total, hrefOf?.(c.iso3));
	});
	return withGeometry(list, entries);
}

/** The latest value and verdict of one indicator per member state. */
export interface MemberVerdict {
	country: string | null;
	status: Status;
	latestYear: number | null;
	latestValue: number | null;
}

/** An indicator's verdicts per member state (those without data shown as such). */
export function verdictRegionMap(
	db: Db,
	verdicts: MemberVerdict[],
	locale: NameLocale,
	hrefOf?: (iso3: string) => string
): RegionMapData {
	const list = members(db, locale);
	const byIso = new Map(verdicts.filter((v) => v.country).map((v) => [v.country!, v]));
	const entries = list.map((c): MapEntry => {
		const v = byIso.get(c.iso3);
		return {
			iso3: c.iso3,
			name: c.name,
			value: v?.latestValue ?? null,
			year: v?.latestYear ?? null,
			status: v?.status ?? null,
			href: hrefOf?.(c.iso3)
		};
	});
	return withGeometry(list, entries);
}

/** The same from the verdicts of progress.ts (their annual points give the latest value). */
export function verdictsRegionMap(
	db: Db,
	verdicts: { country: string | null; status: Status; points: AnnualPoint[] }[],
	locale: NameLocale,
	hrefOf?: (iso3: string) => string
): RegionMapData {
	return verdictRegionMap(
		db,
		verdicts.map((v) => {
			const last = v.points[v.points.length - 1];
			return {
				country: v.country,
				status: v.status,
				latestYear: last?.year ?? null,
				latestValue: last?.value ?? null
			};
		}),
		locale,
		hrefOf
	);
}
