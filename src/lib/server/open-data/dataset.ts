// The open dataset of a share link's scope (data.json): its licence and source line, the
// published fields of each action and indicator (picked one by one) with each indicator's
// verdicts (its default method, the ceiling part and the flags in words), and its validated
// observations.
import type { Db } from '../db';
import type { ResolvedShareLink } from '../sharing/share-links';
import type { PublishedAction } from '../visibility/published';
import type { IndicatorRecord } from '../indicators/catalogue';
import { dataVersion } from '../cache';
import { scopeContent, type OpenLocale } from './scope';
import { validatedObservations, type OpenObservation } from './observations';
import { indicatorVerdictGroups, type IndicatorVerdictGroup } from '../progress';
import { readOptions } from '../sharing/shared-pages';

export const LICENCE = {
	id: 'CC-BY-4.0',
	name: 'Creative Commons Attribution 4.0 International',
	url: 'https://creativecommons.org/licenses/by/4.0/'
} as const;

export const SOURCE =
	'Regional Conference on Migration (RCM), Avance: validated by the RCM Technical Secretariat from the reports of the member states.';

export interface OpenAction {
	id: number;
	title: string;
	description: string;
	country: string | null;
	countryName: string | null;
	articles: number[];
	leadAgency: string;
	status: string;
	percentComplete: number;
	startDate: string | null;
	dueDate: string | null;
	completedOn: string | null;
	overdue: boolean;
	indicators: string[];
	language: string;
	validatedAt: string;
}

export interface OpenIndicator {
	code: string;
	name: string;
	unit: string;
	direction: 'increase' | 'decrease';
	baseline: { year: number | null; value: number | null };
	target: { year: number | null; value: number | null };
	ceiling: number | null;
	articles: number[];
	sdg: string[];
	custodian: string;
	source: string;
	/** How the aggregate is formed when there is no headline (issue 16 §5). */
	aggregation: 'mean' | 'sum';
	/** The verdict of each member state (or the link's country) and the region with data. */
	verdicts: OpenVerdict[];
}

/** One verdict as published: its method, status, ceiling part and flags in words (§16). */
export interface OpenVerdict {
	country: string | null;
	method: string;
	status: string;
	latestYear: number | null;
	latestValue: number | null;
	/** The ceiling part, shown beside the status ("1 of 2 corridors above 5%: …"). */
	ceiling: { status: 'clear' | 'breached'; text: string } | null;
	flags: string[];
	explanation: string;
}

export interface OpenDataset {
	licence: typeof LICENCE & { attribution: string };
	source: string;
	generatedAt: string;
	dataVersion: string;
	scope: { type: string; target: string; label: string };
	/** The day the link is frozen at (only data validated on or before it), or null. */
	asOf: string | null;
	actions: OpenAction[];
	indicators: OpenIndicator[];
	observations: OpenObservation[];
}

/** Only the published fields, picked one by one (a stored snapshot may hold more). */
function openAction(a: PublishedAction): OpenAction {
	return {
		id: a.id,
		title: a.title,
		description: a.description ?? '',
		country: a.country ?? null,
		countryName: a.countryName,
		articles: [...(a.articles ?? [])].sort((x, y) => x - y),
		leadAgency: a.leadAgency ?? '',
		status: a.status,
		percentComplete: a.percentComplete,
		startDate: a.startDate ?? null,
		dueDate: a.dueDate ?? null,
		completedOn: a.completedOn ?? null,
		overdue: a.overdue,
		indicators: [...(a.indicators ?? [])],
		language: a.language ?? 'en',
		validatedAt: a.validatedAt
	};
}

function openVerdicts(group: IndicatorVerdictGroup | undefined): OpenVerdict[] {
	return (group?.verdicts ?? []).map((v) => ({
		country: v.country,
		method: group!.method,
		status: v.status,
		latestYear: v.latestYear,
		latestValue: v.latestValue,
		ceiling:
			v.ceilingStatus && v.ceilingText ? { status: v.ceilingStatus, text: v.ceilingText } : null,
		flags: v.flagTexts,
		explanation: v.explanation
	}));
}

function openIndicator(i: IndicatorRecord, group?: IndicatorVerdictGroup): OpenIndicator {
	return {
		code: i.code,
		name: i.name,
		unit: i.unit,
		direction: i.direction,
		baseline: { year: i.baselineYear, value: i.baselineValue },
		target: { year: i.targetYear, value: i.targetValue },
		ceiling: i.ceiling,
		articles: i.articles,
		sdg: i.sdg,
		custodian: i.custodian,
		source: i.source,
		aggregation: i.aggregation,
		verdicts: openVerdicts(group)
	};
}

export function openDataset(
	db: Db,
	link: ResolvedShareLink,
	locale: OpenLocale,
	now = new Date()
): OpenDataset {
	const content = scopeContent(db, link, locale);
	const observations = validatedObservations(
		db,
		content.indicators.map((i) => i.code),
		{ country: content.country, asOf: link.asOf }
	);
	const withData = new Set(observations.map((o) => o.indicator));
	const groups = new Map(
		indicatorVerdictGroups(
			db,
			null,
			content.indicators.map((i) => i.code),
			{
				...readOptions(link, locale),
				...(content.country ? { scopes: [content.country] } : {})
			}
		).map((g) => [g.code, g])
	);
	return {
		licence: { ...LICENCE, attribution: 'Regional Conference on Migration, Avance' },
		source: SOURCE,
		generatedAt: now.toISOString(),
		dataVersion: dataVersion(db),
		scope: { type: link.scope.type, target: link.scope.target, label: link.label },
		asOf: link.asOf,
		actions: content.actions.map(openAction),
		// A country link lists the indicators it has values of; the others every indicator in scope.
		indicators: content.indicators
			.filter((i) => !content.country || withData.has(i.code))
			.map((i) => openIndicator(i, groups.get(i.code))),
		observations
	};
}
