// What shared pages, embeds, reports and open data show: validated data only, in its last
// validated version (DESIGN §5). Drafts, submitted edits, internal notes (review comments)
// and people (names, emails) never leave through here.
import { and, desc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import type { Db } from './db';
import { action, evidence, observation } from './db/schema';
import type { ActionSnapshot } from './actions';
import { countryName, type NameLocale } from './countries';
import { isoToday } from './articles';

export interface PublishedAction extends ActionSnapshot {
	id: number;
	countryName: string | null;
	overdue: boolean;
	validatedAt: string;
}

export interface PublishedEvidence {
	id: number;
	url: string;
	title: string;
	kind: string;
	publishedOn: string | null;
	targetType: string;
	targetId: number;
}

export interface PublishedQuery {
	article?: number;
	country?: string | null;
	/** Only what was validated on or before this day (YYYY-MM-DD). */
	asOf?: string | null;
	locale?: NameLocale;
}

function asOfEnd(asOf: string | null | undefined): Date | null {
	return asOf ? new Date(`${asOf}T23:59:59.999Z`) : null;
}

/** Validated actions (their validated version), optionally for one article or country. */
export function publishedActions(db: Db, q: PublishedQuery = {}): PublishedAction[] {
	const where = [
		isNull(action.deletedAt),
		isNotNull(action.validated),
		isNotNull(action.validatedAt)
	];
	const end = asOfEnd(q.asOf);
	if (end) where.push(sql`${action.validatedAt} <= ${end.getTime()}`);
	if (q.country !== undefined) {
		where.push(q.country === null ? isNull(action.countryIso3) : eq(action.countryIso3, q.country));
	}
	if (q.article !== undefined) {
		where.push(
			sql`exists (select 1 from json_each(${action.validated}, '$.articles') where json_each.value = ${q.article})`
		);
	}
	const today = q.asOf ?? isoToday();
	return db
		.select({ id: action.id, validated: action.validated, validatedAt: action.validatedAt })
		.from(action)
		.where(and(...where))
		.orderBy(desc(action.validatedAt), desc(action.id))
		.all()
		.map((r) => {
			const s = r.validated as unknown as ActionSnapshot;
			return {
				...s,
				id: r.id,
				countryName: s.country ? countryName(s.country, q.locale ?? 'en') : null,
				overdue:
					!!s.dueDate && s.dueDate < today && s.status !== 'completed' && s.status !== 'cancelled',
				validatedAt: r.validatedAt!.toISOString()
			};
		});
}

/** Evidence attached to published actions (and to the given articles or indicators). */
export function publishedEvidence(
	db: Db,
	targets: { actions?: number[]; articles?: number[]; indicators?: number[] }
): PublishedEvidence[] {
	const ors = [];
	if (targets.actions?.length) {
		ors.push(and(eq(evidence.targetType, 'action'), inArray(evidence.targetId, targets.actions)));
	}
	if (targets.articles?.length) {
		ors.push(and(eq(evidence.targetType, 'article'), inArray(evidence.targetId, targets.articles)));
	}
	if (targets.indicators?.length) {
		ors.push(
			and(eq(evidence.targetType, 'indicator'), inArray(evidence.targetId, targets.indicators))
		);
	}
	if (ors.length === 0) return [];
	return db
		.select({
			id: evidence.id,
			url: evidence.url,
			title: evidence.title,
			kind: evidence.kind,
			publishedOn: evidence.publishedOn,
			targetType: evidence.targetType,
			targetId: evidence.targetId
		})
		.from(evidence)
		.where(and(isNull(evidence.deletedAt), sql`(${sql.join(ors, sql` or `)})`))
		.orderBy(desc(evidence.publishedOn), desc(evidence.id))
		.all()
		.filter((e) => /^https?:\/\//i.test(e.url));
}

/** When data was last validated (actions or observations), for the freshness line. */
export function lastValidatedAt(db: Db): string | null {
	const a =
		db
			.select({ at: max(action.validatedAt) })
			.from(action)
			.get()?.at ?? null;
	const o =
		db
			.select({ at: max(observation.validatedAt) })
			.from(observation)
			.get()?.at ?? null;
	const latest = [a, o]
		.filter((d): d is Date => d instanceof Date)
		.sort((x, y) => y.getTime() - x.getTime())[0];
	return latest ? latest.toISOString() : null;
}
