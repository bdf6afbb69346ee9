// The actions linked to an indicator (§6), each in the version the reader may see: the working
// version for those who may read drafts of the action's country, else the validated one.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { action, actionIndicator, type ActionStatus } from '../db/schema';
import { canReadDrafts, type Actor } from '../auth/authz';
import { unauthorized } from '../http/errors';
import { countryName } from '../declaration/countries';
import { indicatorByCode } from './rows';
import type { LinkedAction, ReadOptions } from './types';

function allowRead(actor: Actor | null, opts: ReadOptions) {
	if (!actor && !opts.validatedOnly) throw unauthorized();
}

/**
 * The actions linked to an indicator (table action_indicator), not deleted. Where the reader may
 * not see drafts of the action's country (or with validatedOnly), the validated version is shown,
 * and actions never validated are left out.
 */
export function listIndicatorActions(
	db: Db,
	actor: Actor | null,
	code: string,
	opts: ReadOptions = {}
): LinkedAction[] {
	allowRead(actor, opts);
	const row = indicatorByCode(db, code);
	const rows = db
		.select({
			id: action.id,
			title: action.title,
			country: action.countryIso3,
			status: action.status,
			percentComplete: action.percentComplete,
			reviewState: action.reviewState,
			validated: action.validated
		})
		.from(actionIndicator)
		.innerJoin(action, eq(action.id, actionIndicator.actionId))
		.where(and(eq(actionIndicator.indicatorId, row.id), isNull(action.deletedAt)))
		.orderBy(asc(action.countryIso3), asc(action.title))
		.all();
	const out: LinkedAction[] = [];
	const locale = opts.locale ?? 'en';
	for (const r of rows) {
		const working = !opts.validatedOnly && canReadDrafts(actor, r.country);
		let view = { title: r.title, status: r.status, percentComplete: r.percentComplete };
		if (!working) {
			if (r.reviewState === 'validated') {
				// the record itself is the validated version
			} else if (r.validated) {
				const v = r.validated as Partial<typeof view>;
				view = {
					title: typeof v.title === 'string' ? v.title : r.title,
					status: (v.status as ActionStatus) ?? r.status,
					percentComplete:
						typeof v.percentComplete === 'number' ? v.percentComplete : r.percentComplete
				};
			} else continue;
		}
		out.push({
			id: r.id,
			...view,
			country: r.country,
			countryName: r.country ? countryName(r.country, locale) : null,
			reviewState: working ? r.reviewState : 'validated'
		});
	}
	return out;
}
