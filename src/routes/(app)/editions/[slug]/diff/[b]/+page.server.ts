import { getDb } from '$lib/server/db';
import { diffEditions } from '$lib/server/editions';
import { pageError } from '$lib/server/http/pages';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	await parent();
	try {
		const diff = diffEditions(getDb(), locals.actor, params.slug, params.b);
		// The member states named in the page's language (the diff itself keeps ISO3 codes).
		const codes = new Set(
			[
				...Object.values(diff.actions).flat(),
				...diff.verdicts,
				...diff.values.changed,
				...diff.byCountry
			].flatMap((r) => (r.country ? [r.country] : []))
		);
		const locale = requestLocale();
		const countryNames = Object.fromEntries([...codes].map((c) => [c, countryName(c, locale)]));
		return { diff, countryNames };
	} catch (e) {
		pageError(e);
	}
};
