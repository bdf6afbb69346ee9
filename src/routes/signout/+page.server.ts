import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { signOut } from '$lib/server/auth/signin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async (event) => {
		await signOut(event);
		redirect(303, localizeHref('/signin'));
	}
};
