import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/authz';
import { createRound, listRounds } from '$lib/server/desk/rounds';
import { announceRound } from '$lib/server/desk/notify';
import { isAppError } from '$lib/server/http/errors';
import { roundCreateSchema } from '$lib/schemas/desk';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// Reporting rounds (issue 17 §4): the list, and the form admins open a round with.
export const load: PageServerLoad = async ({ locals }) => ({
	rounds: listRounds(getDb(), locals.actor!),
	canOpen: isAdmin(locals.actor)
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const values = {
			name: String(form.get('name') ?? ''),
			opensOn: String(form.get('opensOn') ?? ''),
			dueOn: String(form.get('dueOn') ?? '')
		};
		const parsed = roundCreateSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, { values, message: parsed.error.issues.map((i) => i.message).join(' ') });
		let id: number;
		try {
			const round = createRound(getDb(), locals.actor!, parsed.data);
			announceRound(getDb(), round);
			id = round.id;
		} catch (e) {
			if (isAppError(e)) return fail(e.status, { values, message: e.message });
			throw e;
		}
		redirect(303, localizeHref(`/rounds/${id}`));
	}
};
