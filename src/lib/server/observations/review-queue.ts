// The review queue's observations: values waiting for validation (admins: all; coordinators:
// their countries', with the drafts returned to them), one by one or grouped by indicator and
// country.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { indicator, observation } from '../db/schema';
import { canSeeReviewQueue, isAdmin, reviewQueueStage, type Actor } from '../auth/authz';
import { awaitsNationalSql } from '../review/national';
import { unauthorized } from '../http/errors';
import { comparePeriods } from '$lib/progress';
import { view, type ObservationRecord } from './records';

export interface ReviewGroup {
	indicator: string;
	indicatorName: string;
	country: string | null;
	countryName: string | null;
	submitted: number;
	returned: number;
	/** First and last period of the values listed. */
	from: string;
	to: string;
	comments: string[];
}

/** The review queue's observations grouped by indicator and country (see listObservationsForReview). */
export function observationReviewGroups(
	db: Db,
	actor: Actor | null,
	opts: { locale?: 'en' | 'es' | 'fr' } = {}
): ReviewGroup[] {
	const items = listObservationsForReview(db, actor, { limit: 100_000, locale: opts.locale });
	const groups = new Map<string, ReviewGroup>();
	for (const o of items) {
		const key = `${o.indicator}|${o.country ?? ''}`;
		let g = groups.get(key);
		if (!g) {
			g = {
				indicator: o.indicator,
				indicatorName: o.indicatorName,
				country: o.country,
				countryName: o.countryName,
				submitted: 0,
				returned: 0,
				from: o.period,
				to: o.period,
				comments: []
			};
			groups.set(key, g);
		}
		if (o.reviewState === 'submitted') g.submitted++;
		else g.returned++;
		if (o.reviewComment && !g.comments.includes(o.reviewComment)) g.comments.push(o.reviewComment);
		if (comparePeriods(o.period, g.from) < 0) g.from = o.period;
		if (comparePeriods(o.period, g.to) > 0) g.to = o.period;
	}
	return [...groups.values()];
}

export interface ReviewItem extends ObservationRecord {
	indicatorName: string;
}

/**
 * Observations waiting for validation (`submitted`), for the review queue: all of them for
 * admins (but those waiting for national approval), those of their own countries for
 * coordinators, those waiting for their national approval for focal points. Returned drafts
 * (with a comment) are listed for coordinators too.
 */
export function listObservationsForReview(
	db: Db,
	actor: Actor | null,
	opts: { limit?: number; locale?: 'en' | 'es' | 'fr' } = {}
): ReviewItem[] {
	if (!actor) throw unauthorized();
	if (!canSeeReviewQueue(actor)) return [];
	const limit = opts.limit ?? 500;
	const stage = reviewQueueStage(actor);
	const waits = awaitsNationalSql('observation', {
		id: observation.id,
		version: observation.version,
		country: observation.countryIso3
	});
	const states =
		stage === 'secretariat'
			? sql`${observation.reviewState} = 'submitted' and not ${waits}`
			: stage === 'national'
				? sql`${observation.reviewState} = 'submitted' and ${waits}`
				: sql`(${observation.reviewState} = 'submitted' or (${observation.reviewState} = 'draft' and ${observation.reviewComment} is not null))`;
	const scope = isAdmin(actor)
		? sql`1 = 1`
		: actor.countries.length === 0
			? sql`0 = 1`
			: inArray(observation.scopeKey, actor.countries);
	const rows = db
		.select({ o: observation, code: indicator.code, name: indicator.name })
		.from(observation)
		.innerJoin(indicator, eq(indicator.id, observation.indicatorId))
		.where(and(states, scope))
		.orderBy(
			asc(indicator.code),
			asc(observation.scopeKey),
			asc(observation.disaggKey),
			asc(observation.periodSort)
		)
		.limit(limit)
		.all();
	return rows.map((r) => ({
		...view(r.o, r.code, actor, { locale: opts.locale })!,
		indicatorName: r.name
	}));
}

/** How many observations wait for validation (admins) or are returned drafts (coordinators). */
export function countObservationsForReview(db: Db, actor: Actor | null): number {
	return listObservationsForReview(db, actor, { limit: 100_000 }).length;
}
