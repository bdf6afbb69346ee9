import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import {
	kindsFor,
	listNotifications,
	markRead,
	preferencesOf,
	setPreferences
} from '$lib/server/desk/notify';
import { mailEnabled } from '$lib/server/desk/mail';
import { requestLocale } from '$lib/server/http/locale';
import { localizeHref } from '$lib/paraglide/runtime';
import { NOTIFICATION_KINDS, notificationPreferencesSchema } from '$lib/schemas/desk';
import type { Actions, PageServerLoad } from './$types';

// The bell's page (issue 17 §5): the reader's notifications, newest first, and how they want
// to be told of each kind.
export const load: PageServerLoad = async ({ locals, url }) => ({
	items: listNotifications(getDb(), locals.actor!, requestLocale()),
	preferences: preferencesOf(getDb(), locals.actor!),
	// Only the kinds that reach the reader (a coordinator is never asked about focal points').
	kinds: kindsFor(locals.actor!),
	mail: mailEnabled(),
	saved: url.searchParams.get('saved') === '1'
});

export const actions: Actions = {
	read: async ({ locals }) => {
		markRead(getDb(), locals.actor!);
		redirect(303, localizeHref('/notifications'));
	},
	preferences: async ({ locals, request }) => {
		const form = await request.formData();
		const parsed = notificationPreferencesSchema.safeParse(
			Object.fromEntries(
				NOTIFICATION_KINDS.filter((k) => form.has(k)).map((k) => [k, String(form.get(k))])
			)
		);
		if (!parsed.success) return fail(422, { prefsError: true });
		setPreferences(getDb(), locals.actor!, parsed.data);
		redirect(303, localizeHref('/notifications?saved=1') + '#preferences');
	}
};
