import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { isDemoData } from '$seed/demo';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.actor) {
		const back = url.pathname + url.search;
		redirect(303, localizeHref(`/signin?redirectTo=${encodeURIComponent(back)}`));
	}
	const { name, role, countries } = locals.actor;
	return { actor: { name, role, countries }, demo: isDemoData(getDb()) };
};
