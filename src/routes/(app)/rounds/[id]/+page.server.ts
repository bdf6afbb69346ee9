import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/authz';
import { closeRound, expectedYear, getRound, roundCompleteness } from '$lib/server/desk/rounds';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { isAppError } from '$lib/server/http/errors';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// One reporting round (issue 17 §4): the member-state × article completeness grid.
export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.id);
	if (!/^\d{1,9}$/.test(params.id)) error(404, { message: 'Not found.' });
	try {
		const round = getRound(getDb(), locals.actor!, id);
		const locale = requestLocale();
		const rows = roundCompleteness(getDb(), locals.actor!, id).map((r) => ({
			...r,
			name: countryName(r.country, locale)
		}));
		return {
			round,
			rows,
			year: expectedYear(round),
			canClose: isAdmin(locals.actor) && round.status !== 'closed'
		};
	} catch (e) {
		if (isAppError(e)) error(e.status, { message: e.message });
		throw e;
	}
};

export const actions: Actions = {
	close: async ({ locals, params }) => {
		try {
			closeRound(getDb(), locals.actor!, Number(params.id));
		} catch (e) {
			if (isAppError(e)) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, localizeHref(`/rounds/${params.id}`));
	}
};
