// The three headline figures that open the shared overview (owns: what those figures count).
// Everything is read through the existing validated-only services: published action counts,
// the monthly status history and the indicator verdicts of progress.ts.
import type { Db } from '../db';
import { publishedActionCounts } from '../visibility/published';
import { actionStatusHistory, indicatorVerdicts, memberScopes } from '../progress';
import { listIndicators } from '../indicators/catalogue';
import type { Method, Status } from '$lib/progress';

const ON_TRACK: ReadonlySet<Status> = new Set(['on_track', 'target_achieved']);

export interface Headlines {
	/** Published actions now in progress. */
	inProgress: number;
	/** Actions completed since the start of the year (net, from their status history). */
	completedThisYear: number;
	year: number;
	/** Indicator × member state verdicts that are on track (or have met their target). */
	onTrack: number;
	/** Indicator × member state pairs with a verdict other than "no data". */
	withVerdict: number;
	/** Member states with at least one published action. */
	membersReporting: number;
	members: number;
}

export function sharedHeadlines(
	db: Db,
	opts: {
		asOf: string | null;
		asOfYear?: number;
		locale: 'en' | 'es' | 'fr';
		method: Method | null;
	},
	membersWithActions: { total?: number }[]
): Headlines {
	const read = { validatedOnly: true as const, locale: opts.locale, asOfYear: opts.asOfYear };
	const counts = publishedActionCounts(db, { asOf: opts.asOf, locale: opts.locale });
	const until = opts.asOf?.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
	const year = Number(until.slice(0, 4));
	const history = actionStatusHistory(db, null, { ...read, until });
	const completedAt = (month: string) => {
		let i = -1;
		for (let k = 0; k < history.months.length; k++) if (history.months[k] <= month) i = k;
		return i < 0 ? 0 : history.byStatus.completed[i];
	};
	const completedThisYear = Math.max(0, completedAt(until) - completedAt(`${year - 1}-12`));
	const scopes = memberScopes(db).filter((s) => s !== '');
	let onTrack = 0;
	let withVerdict = 0;
	for (const ind of listIndicators(db, null, { locale: opts.locale })) {
		for (const v of indicatorVerdicts(db, null, ind.code, opts.method, {
			...read,
			countries: scopes
		})) {
			if (v.status === 'insufficient_data' || v.status === 'not_computable') continue;
			withVerdict++;
			if (ON_TRACK.has(v.status)) onTrack++;
		}
	}
	return {
		inProgress: counts.byStatus.in_progress,
		completedThisYear,
		year,
		onTrack,
		withVerdict,
		membersReporting: membersWithActions.filter((m) => (m.total ?? 0) > 0).length,
		members: membersWithActions.length
	};
}
