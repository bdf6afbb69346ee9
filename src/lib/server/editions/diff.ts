// What changed between two editions (issue 18): actions added, completed, stalled or with a
// changed status; new and changed indicator values; verdicts that changed, per method; evidence
// added — each with before and after, and counted by member state and by article. Computed
// from the two stored snapshots only, so a diff never changes either.
import type { Db } from '../db';
import { assert, type Actor } from '../auth/authz';
import { editionSnapshot } from './editions';
import type { EditionAction, EditionObservation, EditionSnapshot } from './types';

export interface DiffAction {
	id: number;
	title: string;
	country: string | null;
	articles: number[];
	before: string | null;
	after: string;
}

export interface DiffValue {
	indicator: string;
	country: string | null;
	period: string;
	disaggregation: Record<string, string>;
	before: number | null;
	after: number;
}

export interface DiffVerdict {
	indicator: string;
	country: string | null;
	method: string;
	articles: number[];
	before: string | null;
	after: string;
}

export interface DiffEvidence {
	id: number;
	url: string;
	title: string;
	kind: string;
	country: string | null;
	actionId: number | null;
	articles: number[];
}

export interface DiffCounts {
	actionsAdded: number;
	actionsCompleted: number;
	statusChanged: number;
	valuesNew: number;
	valuesChanged: number;
	verdictsChanged: number;
	evidenceAdded: number;
}

export interface EditionDiff {
	from: { slug: string; name: string; asOf: string };
	to: { slug: string; name: string; asOf: string };
	actions: {
		added: DiffAction[];
		completed: DiffAction[];
		stalled: DiffAction[];
		statusChanged: DiffAction[];
	};
	values: { new: DiffValue[]; changed: DiffValue[] };
	verdicts: DiffVerdict[];
	evidence: { added: DiffEvidence[] };
	byCountry: ({ country: string | null } & DiffCounts)[];
	byArticle: ({ article: number } & DiffCounts)[];
}

function obsKey(o: EditionObservation): string {
	const d = Object.keys(o.disaggregation)
		.sort()
		.map((k) => `${k}=${o.disaggregation[k]}`)
		.join(';');
	return `${o.indicator}|${o.country ?? ''}|${o.period}|${d}`;
}

function diffAction(a: EditionAction, before: string | null): DiffAction {
	return {
		id: a.id,
		title: a.title,
		country: a.country,
		articles: a.articles,
		before,
		after: a.status
	};
}

function emptyCounts(): DiffCounts {
	return {
		actionsAdded: 0,
		actionsCompleted: 0,
		statusChanged: 0,
		valuesNew: 0,
		valuesChanged: 0,
		verdictsChanged: 0,
		evidenceAdded: 0
	};
}

/** The difference from snapshot `a` (earlier) to snapshot `b`. */
export function diffSnapshots(a: EditionSnapshot, b: EditionSnapshot): EditionDiff {
	const beforeActions = new Map(a.actions.map((x) => [x.id, x]));
	const actions: EditionDiff['actions'] = {
		added: [],
		completed: [],
		stalled: [],
		statusChanged: []
	};
	for (const x of b.actions) {
		const old = beforeActions.get(x.id);
		if (!old) {
			actions.added.push(diffAction(x, null));
			if (x.status === 'completed') actions.completed.push(diffAction(x, null));
			continue;
		}
		if (old.status === x.status) continue;
		const d = diffAction(x, old.status);
		if (x.status === 'completed') actions.completed.push(d);
		else if (x.status === 'stalled') actions.stalled.push(d);
		actions.statusChanged.push(d);
	}

	const oldValues = new Map(a.observations.map((o) => [obsKey(o), o.value]));
	const values: EditionDiff['values'] = { new: [], changed: [] };
	for (const o of b.observations) {
		const before = oldValues.get(obsKey(o));
		const item = {
			indicator: o.indicator,
			country: o.country,
			period: o.period,
			disaggregation: o.disaggregation,
			before: before ?? null,
			after: o.value
		};
		if (before === undefined) values.new.push(item);
		else if (before !== o.value) values.changed.push(item);
	}

	const indicatorArticles = new Map(b.indicators.map((i) => [i.code, i.articles]));
	const oldVerdicts = new Map(
		a.verdicts.map((v) => [`${v.indicator}|${v.country ?? ''}|${v.method}`, v.status])
	);
	const verdicts: DiffVerdict[] = [];
	for (const v of b.verdicts) {
		const before = oldVerdicts.get(`${v.indicator}|${v.country ?? ''}|${v.method}`) ?? null;
		if (before === v.status) continue;
		verdicts.push({
			indicator: v.indicator,
			country: v.country,
			method: v.method,
			articles: indicatorArticles.get(v.indicator) ?? [],
			before,
			after: v.status
		});
	}

	const oldEvidence = new Set(a.evidence.map((e) => e.id));
	const actionArticles = new Map(b.actions.map((x) => [x.id, x.articles]));
	const evidence = b.evidence
		.filter((e) => !oldEvidence.has(e.id))
		.map((e) => ({
			id: e.id,
			url: e.url,
			title: e.title,
			kind: e.kind,
			country: e.country,
			actionId: e.actionId,
			articles:
				e.actionId !== null
					? (actionArticles.get(e.actionId) ?? [])
					: e.target.type === 'article'
						? [Number(e.target.id)]
						: e.target.type === 'indicator'
							? (indicatorArticles.get(e.target.id) ?? [])
							: []
		}));

	// Counts by member state (null: regional) and by article.
	const byCountry = new Map<string, DiffCounts>();
	const byArticle = new Map<number, DiffCounts>();
	const count = (country: string | null, articles: number[], field: keyof DiffCounts) => {
		const k = country ?? '';
		if (!byCountry.has(k)) byCountry.set(k, emptyCounts());
		byCountry.get(k)![field]++;
		for (const n of new Set(articles)) {
			if (!byArticle.has(n)) byArticle.set(n, emptyCounts());
			byArticle.get(n)![field]++;
		}
	};
	for (const x of actions.added) count(x.country, x.articles, 'actionsAdded');
	for (const x of actions.completed) count(x.country, x.articles, 'actionsCompleted');
	for (const x of actions.statusChanged) count(x.country, x.articles, 'statusChanged');
	for (const v of values.new)
		count(v.country, indicatorArticles.get(v.indicator) ?? [], 'valuesNew');
	for (const v of values.changed)
		count(v.country, indicatorArticles.get(v.indicator) ?? [], 'valuesChanged');
	for (const v of verdicts) count(v.country, v.articles, 'verdictsChanged');
	for (const e of evidence) count(e.country, e.articles, 'evidenceAdded');

	return {
		from: { slug: a.edition.slug, name: a.edition.name, asOf: a.edition.asOf },
		to: { slug: b.edition.slug, name: b.edition.name, asOf: b.edition.asOf },
		actions,
		values,
		verdicts,
		evidence: { added: evidence },
		byCountry: [...byCountry]
			.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
			.map(([k, c]) => ({ country: k === '' ? null : k, ...c })),
		byArticle: [...byArticle].sort(([x], [y]) => x - y).map(([n, c]) => ({ article: n, ...c }))
	};
}

/** `GET /editions/{a}/diff/{b}` (any signed-in reader). */
export function diffEditions(db: Db, actor: Actor | null, a: string, b: string): EditionDiff {
	assert.signedIn(actor);
	return diffSnapshots(editionSnapshot(db, a), editionSnapshot(db, b));
}
