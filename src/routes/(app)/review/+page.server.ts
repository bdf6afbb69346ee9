import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { canSeeReviewQueue, canValidate, reviewQueueStage } from '$lib/server/auth/authz';
import { actionReviewQueue } from '$lib/server/review/actions';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { observationReviewGroups } from '$lib/server/observations';
import { fail } from '@sveltejs/kit';
import { reviewQueueItems } from '$lib/server/desk/queue';
import { bulkReview } from '$lib/server/desk/bulk';
import { isAppError } from '$lib/server/http/errors';
import { reviewQueueQuery } from '$lib/schemas/desk';
import type { Actions, PageServerLoad } from './$types';

// The review queue, in sections: actions here; other records add their own section.
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canSeeReviewQueue(locals.actor)) error(403, { message: 'Viewers have no review queue.' });
	const locale = requestLocale();
	const queue = actionReviewQueue(getDb(), locals.actor);
	const filters = reviewQueueQuery.safeParse({
		country: url.searchParams.get('country') || undefined,
		type: url.searchParams.get('type') || undefined,
		olderThan: url.searchParams.get('olderThan') || undefined
	});
	const named = <T extends { country: string | null }>(items: T[]) =>
		items.map((a) => ({ ...a, countryName: a.country ? countryName(a.country, locale) : null }));
	return {
		// Issue 17 §6: focal points review (with the bulk steps) what waits for national approval.
		national: reviewQueueStage(locals.actor) === 'national',
		canReview: canValidate(locals.actor) || reviewQueueStage(locals.actor) === 'national',
		actions: { awaiting: named(queue.awaiting), returned: named(queue.returned) },
		// Issue 4: indicator values awaiting validation (and returned ones), by indicator and country.
		observations: observationReviewGroups(getDb(), locals.actor, { locale }),
		// Issue 17: each waiting item with its submitter and its changes, filtered.
		filters: filters.success ? filters.data : {},
		queue: reviewQueueItems(getDb(), locals.actor, filters.success ? filters.data : {}).map(
			(i) => ({ ...i, countryName: i.country ? countryName(i.country, locale) : null })
		)
	};
};

export const actions: Actions = {
	bulk: async ({ request, locals }) => {
		const form = await request.formData();
		const keys = form.getAll('item').map(String);
		const op = form.get('op') === 'return' ? 'return' : 'validate';
		const comment = String(form.get('comment') ?? '');
		try {
			return { bulk: bulkReview(getDb(), locals.actor, keys, op, comment) };
		} catch (e) {
			if (isAppError(e)) return fail(e.status, { bulkError: e.message, comment });
			throw e;
		}
	}
};
