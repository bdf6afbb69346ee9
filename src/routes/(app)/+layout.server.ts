import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/authz';
import { isDemoData } from '$seed/demo';
import { adminNotices } from '$lib/server/health/banner';
import { unreadCount } from '$lib/server/desk/notify';
import { reviewCount } from '$lib/server/desk/queue';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.actor) {
		const back = url.pathname + url.search;
		redirect(303, localizeHref(`/signin?redirectTo=${encodeURIComponent(back)}`));
	}
	const { name, role, countries } = locals.actor;
	// Admins see a banner when the disk is low or the last backup is old (health/banner.ts).
	const notices = isAdmin(locals.actor) ? await adminNotices() : [];
	return {
		actor: { name, role, countries },
		demo: isDemoData(getDb()),
		notices,
		// Issue 17: the bell's unread count and the review queue's count in the navigation.
		unread: unreadCount(getDb(), locals.actor),
		reviewCount: reviewCount(getDb(), locals.actor)
	};
};
