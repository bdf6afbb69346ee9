// The shared pages of a link to an edition (issue 18): the overview, article, country and
// indicator views read from the edition's frozen snapshot — never from the live tables — with
// the link's scope checked against the edition.
import { redirect } from '@sveltejs/kit';
import type { Db } from '../db';
import {
	editionArticle,
	editionCountry,
	editionIndicator,
	editionOverview,
	editionSnapshot,
	editionSummaryUnchecked,
	type EditionSummary,
	type Lang
} from '../editions';
import { canonicalJson } from '../editions/canonical';
import { isAppError } from '../http/errors';
import { reportDocx } from '../reports/report-docx';
import { annexDocx } from '../reports/annex-docx';
import type { ResolvedShareLink } from './share-links';
import { requireInScope, sharedNotFound } from './shared-pages';

/** The edition a link shows, or null for a link to the live data. */
export function linkEdition(db: Db, link: ResolvedShareLink): EditionSummary | null {
	return link.edition ? editionSummaryUnchecked(db, link.edition) : null;
}

function snapshotOf(db: Db, link: ResolvedShareLink) {
	if (!link.edition) sharedNotFound();
	return editionSnapshot(db, link.edition);
}

/** An edition's 404 (unknown article, country, indicator) is the shared site's one 404. */
function orNotFound<T>(read: () => T): T {
	try {
		return read();
	} catch (e) {
		if (isAppError(e) && e.status === 404) sharedNotFound();
		throw e;
	}
}

export function sharedEditionOverview(db: Db, link: ResolvedShareLink, locale: Lang) {
	requireInScope(link, { type: 'overview' });
	const s = snapshotOf(db, link);
	return {
		kind: 'overview' as const,
		title: s.framework.title,
		overview: editionOverview(s, locale)
	};
}

export function sharedEditionArticle(db: Db, link: ResolvedShareLink, n: number, locale: Lang) {
	requireInScope(link, { type: 'article', number: n });
	const s = snapshotOf(db, link);
	return { kind: 'article' as const, article: orNotFound(() => editionArticle(s, n, locale)) };
}

export function sharedEditionCountry(db: Db, link: ResolvedShareLink, iso3: string, locale: Lang) {
	requireInScope(link, { type: 'country', iso3: iso3.toUpperCase() });
	const s = snapshotOf(db, link);
	return { kind: 'country' as const, country: orNotFound(() => editionCountry(s, iso3, locale)) };
}

export function sharedEditionIndicator(
	db: Db,
	link: ResolvedShareLink,
	code: string,
	locale: Lang
) {
	const s = snapshotOf(db, link);
	const ind = s.indicators.find((i) => i.code.toLowerCase() === code.toLowerCase());
	if (!ind) sharedNotFound();
	requireInScope(link, { type: 'indicator', code: ind.code, articles: ind.articles });
	return { kind: 'indicator' as const, view: editionIndicator(s, ind.code, locale) };
}

/**
 * A link to an edition reads its pages under /s/{token}/edition/…: the live page of such a
 * link sends the reader there (same language, same query); nothing live is shown.
 */
export function editionRedirect(link: ResolvedShareLink, token: string, url: URL): void {
	if (!link.edition) return;
	const at = `/s/${token}`;
	const i = url.pathname.indexOf(at);
	if (i < 0) sharedNotFound();
	const rest = url.pathname.slice(i + at.length);
	redirect(307, `${url.pathname.slice(0, i)}${at}/edition${rest}${url.search}`);
}

/** The link of a request to an edition page; a link to the live data has none. */
export function requireEditionLink(locals: App.Locals): ResolvedShareLink & { edition: string } {
	const link = locals.share;
	if (!link?.edition) sharedNotFound();
	return link as ResolvedShareLink & { edition: string };
}

/** The edition's report (the whole declaration: framework links) or a country's annex. */
export async function sharedEditionDocx(
	db: Db,
	link: ResolvedShareLink,
	iso3: string | null,
	lang: Lang
): Promise<{ bytes: Buffer; fileName: string }> {
	if (iso3 === null) requireInScope(link, { type: 'overview' });
	else requireInScope(link, { type: 'country', iso3: iso3.toUpperCase() });
	const s = snapshotOf(db, link);
	if (iso3 !== null && !s.members.includes(iso3.toUpperCase())) sharedNotFound();
	const slug = s.edition.slug;
	return iso3 === null
		? { bytes: await reportDocx(s, lang), fileName: `avance-report-${slug}-${lang}.docx` }
		: {
				bytes: await annexDocx(s, iso3, lang),
				fileName: `avance-annex-${iso3.toUpperCase()}-${slug}-${lang}.docx`
			};
}

/**
 * The data of a link to an edition: the whole canonical snapshot (the bytes whose SHA-256 is
 * the edition's hash) for a framework link; for a narrower link, the part of the snapshot
 * inside its scope (not canonical: it has no hash of its own).
 */
export function sharedEditionData(db: Db, link: ResolvedShareLink): string {
	const s = snapshotOf(db, link);
	const { type, target } = link.scope;
	if (type === 'framework') return canonicalJson(s);
	const inArticle = (n: number) => type !== 'article' || String(n) === target;
	const indicators = s.indicators.filter(
		(i) =>
			(type !== 'indicator' || i.code === target) &&
			(type !== 'article' || i.articles.some(inArticle))
	);
	const codes = new Set(indicators.map((i) => i.code));
	const actions = s.actions.filter(
		(a) =>
			(type !== 'country' || a.country === target) &&
			(type !== 'article' || a.articles.some(inArticle)) &&
			(type !== 'indicator' || a.indicators.includes(target))
	);
	const ids = new Set(actions.map((a) => a.id));
	const byScope = <T extends { indicator: string; country: string | null }>(list: T[]) =>
		list.filter((o) => codes.has(o.indicator) && (type !== 'country' || o.country === target));
	const part = {
		format: s.format,
		edition: s.edition,
		hash: editionSummaryUnchecked(db, s.edition.slug).hash,
		scope: link.scope,
		framework: s.framework,
		members: type === 'country' ? [target] : s.members,
		methods: s.methods,
		articles: s.articles.filter((a) => inArticle(a.number)),
		indicators,
		actions,
		evidence: s.evidence.filter(
			(e) =>
				(e.actionId !== null && ids.has(e.actionId)) ||
				(type === 'country' && e.country === target && e.actionId === null) ||
				(e.actionId === null && e.target.type === type && e.target.id === target)
		),
		observations: byScope(s.observations),
		verdicts: byScope(s.verdicts)
	};
	return canonicalJson(part);
}
