import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listNotifications, markRead } from '$lib/server/desk/notify';
import { requestLocale } from '$lib/server/http/locale';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The bell's page (issue 17 §5): the reader's notifications, newest first.
export const load: PageServerLoad = async ({ locals }) => ({
	items: listNotifications(getDb(), locals.actor!, requestLocale())
});

export const actions: Actions = {
	read: async ({ locals }) => {
		markRead(getDb(), locals.actor!);
		redirect(303, localizeHref('/notifications'));
	}
};
