import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canSeeReviewQueue } from '$lib/server/auth/authz';
import { actionReviewQueue } from '$lib/server/review/actions';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { observationReviewGroups } from '$lib/server/observations';
import type { PageServerLoad } from './$types';

// The review queue, in sections: actions here; other records add their own section.
export const load: PageServerLoad = async ({ locals }) => {
	if (!canSeeReviewQueue(locals.actor)) error(403, { message: 'Viewers have no review queue.' });
	const locale = requestLocale();
	const queue = actionReviewQueue(getDb(), locals.actor);
	const named = <T extends { country: string | null }>(items: T[]) =>
		items.map((a) => ({ ...a, countryName: a.country ? countryName(a.country, locale) : null }));
	return {
		isAdmin: locals.actor!.role === 'admin',
		actions: { awaiting: named(queue.awaiting), returned: named(queue.returned) },
		// Issue 4: indicator values awaiting validation (and returned ones), by indicator and country.
		observations: observationReviewGroups(getDb(), locals.actor, { locale })
	};
};
