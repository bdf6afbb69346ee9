// The open dataset of a share link's scope (data.json): its licence and source line, the
// published fields of each action and indicator (picked one by one), and its validated
// observations.
import type { Db } from '../db';
import type { ResolvedShareLink } from '../sharing/share-links';
import type { PublishedAction } from '../visibility/published';
import type { IndicatorRecord } from '../indicators/catalogue';
import { dataVersion } from '../cache';
import { scopeContent, type OpenLocale } from './scope';
import { validatedObservations, type OpenObservation } from './observations';

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

function openIndicator(i: IndicatorRecord): OpenIndicator {
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
		source: i.source
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
			.map(openIndicator),
		observations
	};
}
