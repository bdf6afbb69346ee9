// Progress, server side — the verdicts: one indicator × one scope × one method (DESIGN §6), the
// five methods side by side (`method=all`, §11), the method a reader gets by default (the
// indicator's, else the site's), and the per-indicator cache the summary pages share.
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appMeta } from '../db/schema';
import type { Actor } from '../auth/authz';
import { cacheKey, indicatorVersion, readerKey, remember } from '../cache';
import { indicatorByCode, progressInput, type IndicatorRow } from '../indicators/catalogue';
import { explainVerdict } from '$lib/charts/verdict-words';
import {
	computeProgress,
	METHODS,
	onTrackSide,
	type AnnualPoint,
	type CeilingResult,
	type Flag,
	type Method,
	type ObservationInput,
	type ProgressComponents,
	type SeriesKind,
	type Status
} from '$lib/progress';
import {
	knownScope,
	loadSeries,
	normaliseScope,
	scopeCountry,
	type ProgressReadOptions,
	type Scope
} from './series';

/** The verdict as data (DESIGN §6, §11), with the explanation pages show. */
export interface Verdict {
	indicator: string;
	/** ISO3, or null for the region (RCM-wide). */
	country: string | null;
	method: Method;
	status: Status;
	series: SeriesKind | null;
	components: ProgressComponents;
	ceiling: CeilingResult | null;
	/** What the reader should know about the data behind the verdict. */
	flags: Flag[];
	/** One sentence in the reader's language, built from the numbers. */
	explanation: string;
	/** Why there is no verdict (insufficient_data, not_computable); else null. */
	reason: string | null;
	/** The formulas with the numbers substituted (plain English). */
	formula: string[];
	/** The annual series the verdict was computed on. */
	points: AnnualPoint[];
	unit: string;
}

/** `method=all`: the five methods side by side. */
export interface VerdictComparison {
	indicator: string;
	country: string | null;
	methods: Verdict[];
	/** agree when every method with a verdict puts the series on the same side of on-track. */
	agreement: 'agree' | 'disagree';
}

export const SITE_METHOD_KEY = 'progress_default_method';

/** The site's default method (app_meta), else cagr-ratio. */
export function siteDefaultMethod(db: Db): Method {
	const v = db
		.select({ v: appMeta.value })
		.from(appMeta)
		.where(eq(appMeta.key, SITE_METHOD_KEY))
		.get()?.v;
	return (METHODS as readonly string[]).includes(v ?? '') ? (v as Method) : 'cagr-ratio';
}

/**
 * The method a page's address asks for (`?method=`), or null when it asks for none or for one
 * that does not exist: null means each indicator's default, then the site's (methodFor).
 */
export function askedMethod(url: URL): Method | null {
	const v = url.searchParams.get('method');
	return (METHODS as readonly string[]).includes(v ?? '') ? (v as Method) : null;
}

/** The method a reader gets: the one asked for, else the indicator's default, else the site's. */
export function methodFor(
	db: Db,
	ind: Pick<IndicatorRow, 'defaultMethod'>,
	requested?: Method | null
): Method {
	return requested ?? ind.defaultMethod ?? siteDefaultMethod(db);
}

export function toVerdict(
	ind: IndicatorRow,
	scope: Scope,
	obs: ObservationInput[],
	method: Method,
	opts: ProgressReadOptions
): Verdict {
	const r = computeProgress(progressInput(ind), obs, method, {
		currentYear: opts.asOfYear
	});
	const verdict: Verdict = {
		indicator: ind.code,
		country: scopeCountry(scope),
		method,
		status: r.status,
		series: r.series,
		components: r.components,
		ceiling: r.ceiling,
		flags: r.flags,
		explanation: '',
		reason: r.reason,
		formula: r.formula,
		points: r.points,
		unit: ind.unit
	};
	verdict.explanation = explainVerdict(verdict, opts.locale ?? 'en');
	return verdict;
}

/**
 * The verdict of one indicator for one country (null/'REGION' = regional) with one method
 * (default: the indicator's, then the site's): `GET /indicators/{code}/progress?country=&method=`.
 * An unknown country is 404.
 */
export function countryVerdict(
	db: Db,
	actor: Actor | null,
	code: string,
	country: string | null,
	method?: Method | null,
	opts: ProgressReadOptions = {}
): Verdict {
	const ind = indicatorByCode(db, code);
	const scope = knownScope(db, country);
	const obs = loadSeries(db, actor, ind.id, { ...opts, scopes: [scope] }).get(scope) ?? [];
	return toVerdict(ind, scope, obs, methodFor(db, ind, method), opts);
}

/** Whether verdicts agree: every one with a verdict on the same side of on-track. */
export function agreementOf(verdicts: { status: Status }[]): 'agree' | 'disagree' {
	const sides = new Set(verdicts.map((v) => onTrackSide(v.status)).filter((s) => s !== null));
	return sides.size > 1 ? 'disagree' : 'agree';
}

/** `method=all`: the five verdicts of one indicator for one country, side by side. */
export function allMethodVerdicts(
	db: Db,
	actor: Actor | null,
	code: string,
	country: string | null,
	opts: ProgressReadOptions = {}
): VerdictComparison {
	const ind = indicatorByCode(db, code);
	const scope = knownScope(db, country);
	const obs = loadSeries(db, actor, ind.id, { ...opts, scopes: [scope] }).get(scope) ?? [];
	const methods = METHODS.map((method) => toVerdict(ind, scope, obs, method, opts));
	return {
		indicator: ind.code,
		country: scopeCountry(scope),
		methods,
		agreement: agreementOf(methods)
	};
}

/** Verdicts of one indicator for every country (and the region) with data, or the given ones. */
export function indicatorVerdicts(
	db: Db,
	actor: Actor | null,
	code: string,
	method?: Method | null,
	opts: ProgressReadOptions & { countries?: (string | null)[] } = {}
): Verdict[] {
	const ind = indicatorByCode(db, code);
	const scopes = opts.countries?.map(normaliseScope) ?? null;
	return [...scopeVerdicts(db, actor, ind, scopes, methodFor(db, ind, method), opts).entries()]
		.sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0))
		.map(([, verdict]) => verdict);
}

// The verdicts of an indicator, computed from every one of its observations, are kept in the
// one cache ($lib/server/cache) under the indicator's own version (its observation revision,
// moved by triggers on any write of its observations, and its row version): a write to another
// indicator, an action or an update leaves them as they are, so summary pages that draw every
// indicator (overview, articles) recompute only what changed.

/** The verdicts of `scopes` (null: every scope with data) that have data. */
export function scopeVerdicts(
	db: Db,
	actor: Actor | null,
	ind: IndicatorRow,
	scopes: Scope[] | null,
	method: Method,
	opts: ProgressReadOptions
): Map<Scope, Verdict> {
	const key = cacheKey(db, {
		kind: 'verdicts',
		version: indicatorVersion(db, ind.id, ind.version),
		reader: opts.validatedOnly ? 'validated' : readerKey(actor),
		parts: [method, opts.locale ?? 'en', opts.asOfYear ?? '', scopes ? scopes.join(',') : '*']
	});
	return remember(key, () => {
		const series = loadSeries(db, actor, ind.id, { ...opts, scopes: scopes ?? undefined });
		const out = new Map<Scope, Verdict>();
		for (const s of scopes ?? series.keys()) {
			const obs = series.get(s);
			if (obs) out.set(s, toVerdict(ind, s, obs, method, opts));
		}
		return out;
	});
}
