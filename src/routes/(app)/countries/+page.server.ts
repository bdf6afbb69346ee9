import { getDb } from '$lib/server/db';
import { listCountries } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	members: listCountries(getDb(), { member: true, locale: requestLocale() })
});
