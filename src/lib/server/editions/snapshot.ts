// Builds an edition's snapshot (issue 18): everything validated at `asOf` under one cut-off
// rule — the validated version of each record whose validation is on or before the day —
// read through the same published/open-data queries shared pages use (visibility: validated
// only): article texts in every language, indicator definitions, actions with their status
// history and updates, evidence, observations with status and footnotes, and every verdict
// under every method computed from those observations.
import type { Db } from '../db';
import { FRAMEWORK_SLUG } from '../seed/seed';
import { getArticleText, getFramework } from '../declaration/articles';
import { listIndicators, type IndicatorRecord } from '../indicators/catalogue';
import { publishedActions } from '../visibility/published';
import { validatedObservations } from '../open-data/open-data';
import { siteDefaultMethod } from '../progress';
import { computeProgress, METHODS, type IndicatorInput } from '$lib/progress';
import type {
	EditionAction,
	EditionArticle,
	EditionEvidence,
	EditionIndicator,
	EditionObservation,
	EditionSnapshot,
	EditionUpdate,
	EditionVerdict,
	Lang
} from './types';

const LANGS: Lang[] = ['en', 'es', 'fr'];

function endOf(asOf: string): number {
	return new Date(`${asOf}T23:59:59.999Z`).getTime();
}

function snapshotArticles(db: Db): EditionArticle[] {
	const numbers = (
		db.$client
			.prepare(
				'select a.number from article a join framework f on f.id = a.framework_id where f.slug = ? order by a.number'
			)
			.all(FRAMEWORK_SLUG) as { number: number }[]
	).map((r) => r.number);
	return numbers.map((n) => {
		const per = LANGS.map((l) => getArticleText(db, n, l));
		const [en] = per;
		return {
			number: n,
			themes: en.themes,
			title: { en: per[0].title, es: per[1].title, fr: per[2].title },
			text: { en: per[0].text, es: per[1].text, fr: per[2].text },
			translated: {
				en: { title: true, text: true },
				es: { title: per[1].titleTranslated, text: per[1].textTranslated },
				fr: { title: per[2].titleTranslated, text: per[2].textTranslated }
			},
			gcm: en.references.gcm.map((r) => r.code),
			sdg: en.references.sdg.map((r) => r.code)
		};
	});
}

function snapshotIndicator(i: IndicatorRecord, siteMethod: EditionIndicator['defaultMethod']) {
	const es = i.translations.es;
	const fr = i.translations.fr;
	return {
		code: i.code,
		name: { en: i.name, es: es?.name || i.name, fr: fr?.name || i.name },
		description: {
			en: i.description,
			es: es?.description || i.description,
			fr: fr?.description || i.description
		},
		unit: i.unit,
		direction: i.direction,
		baseline: { year: i.baselineYear, value: i.baselineValue },
		target: { year: i.targetYear, value: i.targetValue },
		ceiling: i.ceiling,
		ceilingKey: i.ceilingKey,
		aggregation: i.aggregation,
		kind: i.kind,
		threshold: i.threshold,
		defaultMethod: i.defaultMethod ?? siteMethod,
		articles: i.articles,
		sdg: i.sdg,
		gcm: i.gcm,
		custodian: i.custodian,
		source: i.source,
		methodNotes: i.methodNotes
	} satisfies EditionIndicator;
}

function progressInputOf(i: EditionIndicator): IndicatorInput {
	return {
		code: i.code,
		direction: i.direction,
		baselineYear: i.baseline.year,
		baselineValue: i.baseline.value,
		targetYear: i.target.year,
		targetValue: i.target.value,
		ceiling: i.ceiling,
		ceilingKey: i.ceilingKey,
		aggregation: i.aggregation,
		kind: i.kind,
		threshold: i.threshold
	};
}

/** Every verdict of every indicator, scope with data and method, from the snapshot's values. */
export function snapshotVerdicts(
	indicators: EditionIndicator[],
	observations: EditionObservation[],
	asOf: string
): EditionVerdict[] {
	const currentYear = Number(asOf.slice(0, 4));
	const byKey = new Map<string, EditionObservation[]>();
	for (const o of observations) {
		const key = `${o.indicator}\u0000${o.country ?? ''}`;
		const list = byKey.get(key);
		if (list) list.push(o);
		else byKey.set(key, [o]);
	}
	const out: EditionVerdict[] = [];
	for (const ind of indicators) {
		const input = progressInputOf(ind);
		const scopes = [...byKey.keys()]
			.filter((k) => k.startsWith(`${ind.code}\u0000`))
			.map((k) => k.slice(ind.code.length + 1))
			.sort();
		for (const scope of scopes) {
			const obs = byKey.get(`${ind.code}\u0000${scope}`)!;
			for (const method of METHODS) {
				const r = computeProgress(input, obs, method, { currentYear });
				out.push({
					indicator: ind.code,
					country: scope === '' ? null : scope,
					method,
					status: r.status,
					series: r.series,
					reason: r.reason,
					components: r.components,
					ceiling: r.ceiling,
					flags: r.flags
				});
			}
		}
	}
	return out;
}

interface UpdateRow {
	id: number;
	action_id: number;
	date: string;
	note: string;
	status: string | null;
	percent_complete: number | null;
	language: string;
}

interface EvidenceRow {
	id: number;
	url: string;
	title: string;
	kind: string;
	published_on: string | null;
	note: string | null;
	target_type: string;
	target_id: number;
	country_iso3: string | null;
}

function snapshotActions(
	db: Db,
	asOf: string
): { actions: EditionAction[]; updateOf: Map<number, number> } {
	const end = endOf(asOf);
	const published = publishedActions(db, { asOf }).sort((a, b) => a.id - b.id);
	const ids = new Set(published.map((a) => a.id));
	const updates = (
		db.$client
			.prepare(
				`select id, action_id, date, note, status, percent_complete, language from action_update
				  where date <= ? and created_at <= ? order by action_id, date, id`
			)
			.all(asOf, end) as UpdateRow[]
	).filter((u) => ids.has(u.action_id));
	const byAction = new Map<number, EditionUpdate[]>();
	const updateOf = new Map<number, number>();
	for (const u of updates) {
		updateOf.set(u.id, u.action_id);
		const item: EditionUpdate = {
			id: u.id,
			date: u.date,
			note: u.note,
			status: u.status,
			percentComplete: u.percent_complete,
			language: u.language
		};
		const list = byAction.get(u.action_id);
		if (list) list.push(item);
		else byAction.set(u.action_id, [item]);
	}
	const actions = published.map((a) => {
		const ups = byAction.get(a.id) ?? [];
		return {
			id: a.id,
			title: a.title,
			description: a.description ?? '',
			country: a.country ?? null,
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
			validatedAt: a.validatedAt,
			statusHistory: ups
				.filter((u) => u.status !== null)
				.map((u) => ({ date: u.date, status: u.status!, percentComplete: u.percentComplete })),
			updates: ups
		} satisfies EditionAction;
	});
	return { actions, updateOf };
}

function snapshotEvidence(
	db: Db,
	asOf: string,
	actions: EditionAction[],
	updateOf: Map<number, number>
): EditionEvidence[] {
	const actionCountry = new Map(actions.map((a) => [a.id, a.country]));
	const articleNumber = new Map(
		(
			db.$client.prepare('select id, number from article').all() as { id: number; number: number }[]
		).map((r) => [r.id, r.number])
	);
	const indicatorCode = new Map(
		(
			db.$client.prepare('select id, code from indicator').all() as { id: number; code: string }[]
		).map((r) => [r.id, r.code])
	);
	const rows = db.$client
		.prepare(
			`select id, url, title, kind, published_on, note, target_type, target_id, country_iso3 from evidence
			  where deleted_at is null and created_at <= ?
			    and (lower(url) like 'http://%' or lower(url) like 'https://%')
			  order by id`
		)
		.all(endOf(asOf)) as EvidenceRow[];
	const out: EditionEvidence[] = [];
	for (const e of rows) {
		let actionId: number | null = null;
		let targetId: string | null = null;
		if (e.target_type === 'action' && actionCountry.has(e.target_id)) {
			actionId = e.target_id;
			targetId = String(e.target_id);
		} else if (e.target_type === 'action_update' && updateOf.has(e.target_id)) {
			actionId = updateOf.get(e.target_id)!;
			targetId = String(e.target_id);
		} else if (e.target_type === 'article' && articleNumber.has(e.target_id)) {
			targetId = String(articleNumber.get(e.target_id));
		} else if (e.target_type === 'indicator' && indicatorCode.has(e.target_id)) {
			targetId = indicatorCode.get(e.target_id)!;
		}
		if (targetId === null) continue;
		out.push({
			id: e.id,
			url: e.url,
			title: e.title,
			kind: e.kind,
			publishedOn: e.published_on,
			note: e.note,
			target: { type: e.target_type, id: targetId },
			actionId,
			country: actionId !== null ? (actionCountry.get(actionId) ?? null) : e.country_iso3
		});
	}
	return out;
}

/** The snapshot of the validated data at `asOf` (YYYY-MM-DD), for an edition being made. */
export function buildSnapshot(
	db: Db,
	meta: { slug: string; name: string; asOf: string; createdAt: string; roundId: number | null }
): EditionSnapshot {
	const fw = getFramework(db);
	const siteMethod = siteDefaultMethod(db);
	const indicators = listIndicators(db, null, { locale: 'en' }).map((i) =>
		snapshotIndicator(i, siteMethod)
	);
	// The member states' and the RCM's values. M49 regional series (issue 15 §5) are not part of
	// an edition yet: its views, verdicts and diff key values by member state or the RCM, where a
	// region's values would be taken for the RCM's.
	const observations = validatedObservations(
		db,
		indicators.map((i) => i.code),
		{ asOf: meta.asOf }
	).filter((o) => !o.region) as EditionObservation[];
	const { actions, updateOf } = snapshotActions(db, meta.asOf);
	const members = (
		db.$client.prepare('select iso3 from country where member = 1 order by iso3').all() as {
			iso3: string;
		}[]
	).map((r) => r.iso3);
	return {
		format: 'avance-edition/1',
		edition: meta,
		framework: { slug: fw.slug, title: fw.title, preamble: fw.preamble, source: fw.source },
		members,
		methods: [...METHODS],
		articles: snapshotArticles(db),
		indicators,
		actions,
		evidence: snapshotEvidence(db, meta.asOf, actions, updateOf),
		observations,
		verdicts: snapshotVerdicts(indicators, observations, meta.asOf)
	};
}
