import { getDb } from '$lib/server/db';
import { listCountries } from '$lib/server/countries';
import { requestLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	members: listCountries(getDb(), { member: true, locale: requestLocale() })
});
