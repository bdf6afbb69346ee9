// Open data of a share link's scope (DESIGN §5: validated data only): what the scope holds
// (actions, indicators, articles — also used by the printable report), its validated
// observations, and the downloads built from them: JSON, CSV and Open SDG CSV per indicator.
// Nothing here reads drafts, submitted edits, review comments or people (names, emails).
import type { Db } from '../db';
import { inScope, type ResolvedShareLink } from '../sharing/share-links';
import { publishedActions, type PublishedAction } from '../visibility/published';
import { compareCodes, listIndicators, type IndicatorRecord } from '../indicators/catalogue';
import { listArticles } from '../declaration/articles';
import { dataVersion } from '../cache';
import { comparePeriods } from '$lib/progress';
import { toCsv, type CsvValue } from '$lib/csv';

export type OpenLocale = 'en' | 'es' | 'fr';

export const LICENCE = {
	id: 'CC-BY-4.0',
	name: 'Creative Commons Attribution 4.0 International',
	url: 'https://creativecommons.org/licenses/by/4.0/'
} as const;

export const SOURCE =
	'Regional Conference on Migration (RCM), Avance: validated by the RCM Technical Secretariat from the reports of the member states.';

/** What a link's scope holds: its published actions, its indicators and its articles. */
export interface ScopeContent {
	/** The one country of a country link (observations are limited to it), else null. */
	country: string | null;
	actions: PublishedAction[];
	indicators: IndicatorRecord[];
	/** Article numbers in scope, ascending. */
	articles: number[];
}

/**
 * - framework: every published action, every indicator, all articles;
 * - article n: the actions of article n, the indicators of article n, article n;
 * - country: that country's actions, every indicator (observations of that country only),
 *   the articles that country's actions serve;
 * - indicator: the actions linked to it, that indicator, its articles.
 */
export function scopeContent(db: Db, link: ResolvedShareLink, locale: OpenLocale): ScopeContent {
	const asOf = link.asOf;
	const indicators = listIndicators(db, null, { locale });
	const { type, target } = link.scope;
	switch (type) {
		case 'framework':
			return {
				country: null,
				actions: publishedActions(db, { asOf, locale }),
				indicators,
				articles: listArticles(db, locale).map((a) => a.number)
			};
		case 'article': {
			const n = Number(target);
			return {
				country: null,
				actions: publishedActions(db, { article: n, asOf, locale }),
				indicators: indicators.filter((i) => i.articles.includes(n)),
				articles: [n]
			};
		}
		case 'country': {
			const actions = publishedActions(db, { country: target, asOf, locale });
			return {
				country: target,
				actions,
				indicators,
				articles: [...new Set(actions.flatMap((a) => a.articles))].sort((a, b) => a - b)
			};
		}
		case 'indicator': {
			const ind = indicators.filter((i) => i.code === target);
			return {
				country: null,
				actions: publishedActions(db, { asOf, locale }).filter((a) =>
					a.indicators.includes(target)
				),
				indicators: ind,
				articles: ind[0]?.articles ?? []
			};
		}
	}
}

/**
 * An indicator a link may show, by code (any letter case), or null (unknown or out of scope).
 * Framework links: every indicator; article links: the indicators of their article; indicator
 * links: their own; country links: every indicator, for that country's values (`forCountry`,
 * only where the caller shows a country's values: open data, not the indicator pages).
 */
export function scopedIndicator(
	db: Db,
	link: ResolvedShareLink,
	code: string,
	locale: OpenLocale,
	opts: { forCountry?: boolean } = {}
): IndicatorRecord | null {
	const wanted = code.trim().toLowerCase();
	const ind = listIndicators(db, null, { locale }).find((i) => i.code.toLowerCase() === wanted);
	if (!ind) return null;
	if (link.scope.type === 'country') return opts.forCountry ? ind : null;
	return inScope(link.scope, { type: 'indicator', code: ind.code, articles: ind.articles })
		? ind
		: null;
}

/** One validated observation, as open data publishes it. */
export interface OpenObservation {
	indicator: string;
	/** ISO3, or null for a regional (RCM-wide) value. */
	country: string | null;
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
 * (values never validated are left out), optionally of one country and frozen at an as-of day
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
			`select i.code, o.country_iso3 as country, o.period, o.disaggregation, o.value, o.status,
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

// ---------------------------------------------------------------------------------------------
// The dataset (data.json)

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

// ---------------------------------------------------------------------------------------------
// CSV: the one writer ($lib/csv), without a byte-order mark (so that the first header is read as
// it is written).

/** `corridor=USA>MEX;sex=female` (keys sorted), '' for the headline — the template's form. */
export function disaggregationText(d: Record<string, string>): string {
	return Object.keys(d)
		.sort()
		.map((k) => `${k}=${d[k]}`)
		.join(';');
}

export type CsvTable = 'all' | 'actions' | 'observations';

export const ACTION_COLUMNS = [
	'action_id',
	'title',
	'description',
	'country',
	'articles',
	'lead_agency',
	'action_status',
	'percent_complete',
	'start_date',
	'due_date',
	'completed_on',
	'overdue',
	'linked_indicators',
	'language',
	'validated_at'
] as const;

export const OBSERVATION_COLUMNS = [
	'indicator',
	'country',
	'period',
	'disaggregation',
	'value',
	'unit',
	'observation_status',
	'source',
	'note'
] as const;

export function actionCells(a: OpenAction): Record<(typeof ACTION_COLUMNS)[number], CsvValue> {
	return {
		action_id: a.id,
		title: a.title,
		description: a.description,
		country: a.country ?? '',
		articles: a.articles.join(';'),
		lead_agency: a.leadAgency,
		action_status: a.status,
		percent_complete: a.percentComplete,
		start_date: a.startDate,
		due_date: a.dueDate,
		completed_on: a.completedOn,
		overdue: a.overdue,
		linked_indicators: a.indicators.join(';'),
		language: a.language,
		validated_at: a.validatedAt
	};
}

export function observationCells(
	o: OpenObservation,
	units: Map<string, string>
): Record<(typeof OBSERVATION_COLUMNS)[number], CsvValue> {
	return {
		indicator: o.indicator,
		country: o.country ?? '',
		period: o.period,
		disaggregation: disaggregationText(o.disaggregation),
		value: o.value,
		unit: units.get(o.indicator) ?? '',
		observation_status: o.status,
		source: o.source,
		note: o.note
	};
}

/**
 * The dataset as CSV. `actions` and `observations` are one table each; `all` (data.csv) is
 * both in one long table: a `record` column (`action` | `observation`) first, then the
 * columns of both (a column that does not apply to a row is empty). An empty country is a
 * regional (RCM-wide) record.
 */
export function datasetCsv(ds: OpenDataset, table: CsvTable = 'all'): string {
	const units = new Map(ds.indicators.map((i) => [i.code, i.unit]));
	if (table === 'actions') {
		return toCsv([
			[...ACTION_COLUMNS],
			...ds.actions.map((a) => {
				const c = actionCells(a);
				return ACTION_COLUMNS.map((k) => c[k]);
			})
		]);
	}
	if (table === 'observations') {
		return toCsv([
			[...OBSERVATION_COLUMNS],
			...ds.observations.map((o) => {
				const c = observationCells(o, units);
				return OBSERVATION_COLUMNS.map((k) => c[k]);
			})
		]);
	}
	const columns = [
		'record',
		...new Set<string>([...ACTION_COLUMNS, ...OBSERVATION_COLUMNS])
	] as string[];
	const row = (record: string, cells: Record<string, CsvValue>) =>
		columns.map((k) => (k === 'record' ? record : (cells[k] ?? null)));
	return toCsv([
		columns,
		...ds.actions.map((a) => row('action', actionCells(a))),
		...ds.observations.map((o) => row('observation', observationCells(o, units)))
	]);
}

// ---------------------------------------------------------------------------------------------
// Open SDG CSV (one indicator)

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A period as the `Year` of an Open SDG file. Years stay numbers (`2023`). Quarters take the
 * label Mexico's Open SDG platform publishes and Avance's importer reads back: `2023/I` …
 * `2023/IV` (these sort correctly as text, after the year itself). Months stay `2023-05`;
 * ranges become `2016 to 2021`, as Canada's platform writes them.
 */
export function openSdgYear(period: string): string {
	const q = /^(\d{4})-Q([1-4])$/.exec(period);
	if (q) return `${q[1]}/${ROMAN[Number(q[2]) - 1]}`;
	const range = /^(\d{4})\/(\d{4})$/.exec(period);
	if (range) return `${range[1]} to ${range[2]}`;
	return period;
}

export const OPEN_SDG_PROVISIONAL = 'Provisional value';
export const OPEN_SDG_NORMAL = 'Normal value';

/**
 * Columns: `Year`, `Series`, `Units`, one column per disaggregation key (blank = total),
 * `Observation status` (SDMX words: `Normal value` / `Provisional value`), `COMMENT_OBS` when any
 * value carries a note, `GeoCode` (ISO3; blank for a regional value) and `Value` last. Rows are
 * ordered by series (country, disaggregation) and period.
 */
export function openSdgCsv(
	indicator: { code: string; name: string; unit: string },
	observations: OpenObservation[]
): string {
	const keys = [...new Set(observations.flatMap((o) => Object.keys(o.disaggregation)))].sort();
	const withNotes = observations.some((o) => o.note);
	const header = [
		'Year',
		'Series',
		'Units',
		...keys,
		'Observation status',
		...(withNotes ? ['COMMENT_OBS'] : []),
		'GeoCode',
		'Value'
	];
	const sorted = [...observations].sort((a, b) => {
		const ka = `${a.country ?? ''}|${disaggregationText(a.disaggregation)}`;
		const kb = `${b.country ?? ''}|${disaggregationText(b.disaggregation)}`;
		if (ka !== kb) return ka < kb ? -1 : 1;
		return safeComparePeriods(a.period, b.period);
	});
	return toCsv([
		header,
		...sorted.map((o) => [
			openSdgYear(o.period),
			indicator.name,
			indicator.unit,
			...keys.map((k) => o.disaggregation[k] ?? ''),
			o.status === 'provisional' ? OPEN_SDG_PROVISIONAL : OPEN_SDG_NORMAL,
			...(withNotes ? [o.note ?? ''] : []),
			o.country ?? '',
			o.value
		])
	]);
}

function safeComparePeriods(a: string, b: string): number {
	try {
		return comparePeriods(a, b);
	} catch {
		return a < b ? -1 : a > b ? 1 : 0;
	}
}

/** `10.c.1` → `indicator_10-c-1.csv`, the file name Open SDG platforms use. */
export function openSdgFileName(code: string): string {
	return `indicator_${code.replace(/[^A-Za-z0-9]+/g, '-')}.csv`;
}

/** A file name for a scope's downloads: `avance-article-2.csv`, `avance-rcm-gcm.json`. */
export function scopeFileName(link: ResolvedShareLink, ext: 'csv' | 'json', suffix = ''): string {
	const target = link.scope.target.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
	const base =
		link.scope.type === 'framework' ? `avance-${target}` : `avance-${link.scope.type}-${target}`;
	return `${base}${suffix ? `-${suffix}` : ''}${link.asOf ? `-as-of-${link.asOf}` : ''}.${ext}`;
}

/** Response headers of a download: type, attachment name, licence (CSV carries it in headers). */
export function downloadHeaders(
	kind: 'csv' | 'json',
	fileName: string,
	describedBy?: string
): Record<string, string> {
	const links = [`<${LICENCE.url}>; rel="license"`];
	if (describedBy) links.push(`<${describedBy}>; rel="describedby"; type="application/json"`);
	return {
		'content-type': kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
		'content-disposition': `attachment; filename="${fileName}"`,
		'x-licence': LICENCE.id,
		link: links.join(', ')
	};
}
