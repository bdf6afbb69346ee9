// The shape of an edition's snapshot (issue 18; docs/editions.md): what data.json holds, read
// back by the edition pages, the diff and the DOCX reports.
import type { CeilingResult, Flag, Method, ProgressComponents, Status } from '$lib/progress';

export type Lang = 'en' | 'es' | 'fr';
export type PerLang = Record<Lang, string>;

export interface EditionArticle {
	number: number;
	themes: string[];
	/** Title and text per language; English where a translation is missing (see `translated`). */
	title: PerLang;
	text: PerLang;
	translated: Record<Lang, { title: boolean; text: boolean }>;
	gcm: string[];
	sdg: string[];
}

export interface EditionIndicator {
	code: string;
	name: PerLang;
	description: PerLang;
	unit: string;
	direction: 'increase' | 'decrease';
	baseline: { year: number | null; value: number | null };
	target: { year: number | null; value: number | null };
	ceiling: number | null;
	ceilingKey: string | null;
	aggregation: 'mean' | 'sum';
	kind: 'continuous' | 'threshold';
	threshold: number | null;
	defaultMethod: Method;
	articles: number[];
	sdg: string[];
	gcm: number[];
	custodian: string;
	source: string;
	methodNotes: string;
}

export interface EditionUpdate {
	id: number;
	date: string;
	note: string;
	status: string | null;
	percentComplete: number | null;
	language: string;
}

export interface EditionEvidence {
	id: number;
	url: string;
	title: string;
	kind: string;
	publishedOn: string | null;
	note: string | null;
	/** What it is attached to: an action or update id, an article number, an indicator code. */
	target: { type: string; id: string };
	/** The action it belongs to (directly or through an update), else null. */
	actionId: number | null;
	country: string | null;
}

export interface EditionAction {
	id: number;
	title: string;
	description: string;
	country: string | null;
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
	statusHistory: { date: string; status: string; percentComplete: number | null }[];
	updates: EditionUpdate[];
}

export interface EditionObservation {
	indicator: string;
	country: string | null;
	period: string;
	disaggregation: Record<string, string>;
	value: number;
	status: 'provisional' | 'final';
	source: string | null;
	/** The footnote. */
	note: string | null;
}

export interface EditionVerdict {
	indicator: string;
	country: string | null;
	method: Method;
	status: Status;
	series: string | null;
	reason: string | null;
	components: ProgressComponents;
	ceiling: CeilingResult | null;
	flags: Flag[];
}

export interface EditionSnapshot {
	format: 'avance-edition/1';
	edition: { slug: string; name: string; asOf: string; createdAt: string; roundId: number | null };
	framework: { slug: string; title: string; preamble: string; source: string };
	members: string[];
	methods: Method[];
	articles: EditionArticle[];
	indicators: EditionIndicator[];
	actions: EditionAction[];
	evidence: EditionEvidence[];
	observations: EditionObservation[];
	verdicts: EditionVerdict[];
}
