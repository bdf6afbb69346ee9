import { getDb } from '$lib/server/db';
import { isAdmin, reviewQueueStage } from '$lib/server/auth/authz';
import { myWork } from '$lib/server/desk/work';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import type { PageServerLoad } from './$types';

// My work (issue 17 §1): the page a coordinator or an admin lands on after signing in.
export const load: PageServerLoad = async ({ locals }) => {
	const locale = requestLocale();
	const work = myWork(getDb(), locals.actor!);
	const names: Record<string, string> = {};
	const name = (iso3: string | null) => {
		if (iso3 && !names[iso3]) names[iso3] = countryName(iso3, locale);
	};
	for (const s of [
		work.awaitingNationalApproval,
		work.drafts,
		work.returned,
		work.submitted,
		work.overdue,
		work.dueSoon
	])
		for (const i of s.items) name(i.country);
	for (const i of work.staleIndicators.items) name(i.country);
	for (const r of work.rounds) for (const i of r.items) name(i.country);
	for (const c of locals.actor!.countries) name(c);
	return {
		work,
		names,
		isAdmin: isAdmin(locals.actor),
		// Issue 17 §6: a focal point's first list is what waits for their national approval.
		focal: reviewQueueStage(locals.actor) === 'national'
	};
};
