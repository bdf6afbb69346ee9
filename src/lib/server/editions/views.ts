// What the edition pages, the DOCX reports and share links of an edition show, read from the
// stored snapshot only (never from the live tables): the overview, one article, one country
// and one indicator, in the reader's language. Verdicts use each indicator's default method as
// recorded in the snapshot; every method's verdict is kept for the indicator view.
import { countryName, type NameLocale } from '../declaration/countries';
import { notFound } from '../http/errors';
import { ACTION_STATUSES } from '$lib/domain';
import type {
	EditionAction,
	EditionEvidence,
	EditionIndicator,
	EditionObservation,
	EditionSnapshot,
	EditionVerdict,
	Lang
} from './types';

export interface StatusCounts {
	byStatus: Record<string, number>;
	total: number;
	completed: number;
	overdue: number;
}

function countStatuses(actions: EditionAction[]): StatusCounts {
	const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<string, number>;
	for (const a of actions) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
	return {
		byStatus,
		total: actions.length,
		completed: byStatus.completed ?? 0,
		overdue: actions.filter((a) => a.overdue).length
	};
}

export interface IndicatorRow {
	code: string;
	name: string;
	unit: string;
	ceiling: number | null;
	methodNotes: string;
	country: string | null;
	latest: { period: string; value: number; status: string } | null;
	/** The verdict under the indicator's default method. */
	verdict: EditionVerdict | null;
	method: string;
}

export function headline(obs: EditionObservation[]): EditionObservation | null {
	const h = obs.filter((o) => Object.keys(o.disaggregation).length === 0);
	const list = h.length ? h : obs;
	return list.length ? list[list.length - 1] : null;
}

function indicatorRow(
	s: EditionSnapshot,
	ind: EditionIndicator,
	country: string | null,
	lang: Lang
) {
	const obs = s.observations.filter((o) => o.indicator === ind.code && o.country === country);
	const last = headline(obs);
	return {
		code: ind.code,
		name: ind.name[lang],
		unit: ind.unit,
		ceiling: ind.ceiling,
		methodNotes: ind.methodNotes,
		country,
		latest: last ? { period: last.period, value: last.value, status: last.status } : null,
		verdict:
			s.verdicts.find(
				(v) => v.indicator === ind.code && v.country === country && v.method === ind.defaultMethod
			) ?? null,
		method: ind.defaultMethod
	} satisfies IndicatorRow;
}

export function editionOverview(s: EditionSnapshot, lang: Lang) {
	return {
		articles: s.articles.map((a) => ({
			number: a.number,
			title: a.title[lang],
			translated: a.translated[lang].title,
			counts: countStatuses(s.actions.filter((x) => x.articles.includes(a.number)))
		})),
		members: s.members.map((iso3) => ({
			iso3,
			name: countryName(iso3, lang as NameLocale),
			counts: countStatuses(s.actions.filter((x) => x.country === iso3))
		})),
		indicators: s.indicators.map((i) => ({
			code: i.code,
			name: i.name[lang],
			verdicts: s.verdicts.filter((v) => v.indicator === i.code && v.method === i.defaultMethod)
				.length
		})),
		totals: countStatuses(s.actions),
		evidence: s.evidence.length,
		observations: s.observations.length
	};
}

function memberNames(s: EditionSnapshot, lang: Lang): Record<string, string> {
	return Object.fromEntries(s.members.map((c) => [c, countryName(c, lang)]));
}

export function editionArticle(s: EditionSnapshot, n: number, lang: Lang) {
	const a = s.articles.find((x) => x.number === n);
	if (!a) throw notFound(`There is no article ${n} in this edition.`);
	const actions = s.actions.filter((x) => x.articles.includes(n));
	const ids = new Set(actions.map((x) => x.id));
	const indicators = s.indicators.filter((i) => i.articles.includes(n));
	return {
		number: n,
		title: a.title[lang],
		text: a.text[lang],
		translated: a.translated[lang],
		gcm: a.gcm,
		sdg: a.sdg,
		counts: countStatuses(actions),
		actions: actions.map((x) => ({
			...x,
			countryName: x.country ? countryName(x.country, lang) : null
		})),
		indicators: indicators.flatMap((i) =>
			[null, ...s.members]
				.map((c) => indicatorRow(s, i, c, lang))
				.filter((r) => r.verdict || r.latest)
		),
		countryNames: memberNames(s, lang),
		evidence: s.evidence.filter(
			(e) =>
				(e.actionId !== null && ids.has(e.actionId)) ||
				(e.target.type === 'article' && e.target.id === String(n))
		)
	};
}

export function editionCountry(s: EditionSnapshot, iso3: string, lang: Lang) {
	const code = iso3.toUpperCase();
	if (!s.members.includes(code)) throw notFound(`${iso3} is not a member state in this edition.`);
	const actions = s.actions.filter((x) => x.country === code);
	const ids = new Set(actions.map((x) => x.id));
	const byArticle = s.articles
		.map((a) => ({
			number: a.number,
			title: a.title[lang],
			translated: a.translated[lang].title,
			actions: actions.filter((x) => x.articles.includes(a.number))
		}))
		.filter((g) => g.actions.length > 0);
	const gcmOf = new Map(s.articles.map((a) => [a.number, a.gcm]));
	const objectives = new Map<string, EditionAction[]>();
	for (const x of actions) {
		for (const g of new Set(x.articles.flatMap((n) => gcmOf.get(n) ?? []))) {
			objectives.set(g, [...(objectives.get(g) ?? []), x]);
		}
	}
	return {
		iso3: code,
		name: countryName(code, lang),
		counts: countStatuses(actions),
		byArticle,
		byObjective: [...objectives]
			.sort(([a], [b]) => Number(a) - Number(b))
			.map(([objective, list]) => ({ objective, actions: list })),
		indicators: s.indicators
			.map((i) => indicatorRow(s, i, code, lang))
			.filter((r) => r.verdict || r.latest),
		evidence: s.evidence.filter(
			(e: EditionEvidence) => (e.actionId !== null && ids.has(e.actionId)) || e.country === code
		)
	};
}

export function editionIndicator(s: EditionSnapshot, code: string, lang: Lang) {
	const ind = s.indicators.find((i) => i.code.toLowerCase() === code.toLowerCase());
	if (!ind) throw notFound(`There is no indicator ${code} in this edition.`);
	const verdicts = s.verdicts.filter((v) => v.indicator === ind.code);
	const scopes = [...new Set(verdicts.map((v) => v.country))];
	return {
		indicator: { ...ind, name: ind.name[lang], description: ind.description[lang] },
		methods: s.methods,
		countryNames: memberNames(s, lang),
		rows: scopes.map((c) => ({
			country: c,
			name: c ? countryName(c, lang) : null,
			verdicts: Object.fromEntries(
				verdicts.filter((v) => v.country === c).map((v) => [v.method, v])
			)
		})),
		observations: s.observations.filter(
			(o) => o.indicator === ind.code && Object.keys(o.disaggregation).length === 0
		),
		disaggregated: s.observations.filter(
			(o) => o.indicator === ind.code && Object.keys(o.disaggregation).length > 0
		).length
	};
}
