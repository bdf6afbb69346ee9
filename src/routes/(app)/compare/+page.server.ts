import { getDb } from '$lib/server/db';
import { requestLocale } from '$lib/server/http/locale';
import { listIndicators } from '$lib/server/indicators/catalogue';
import { readThrough } from '$lib/server/cache';
import { pageError } from '$lib/server/http/pages';
import { compareMembers, comparedMembers } from '$lib/server/progress/compare';
import { METHODS, type Method } from '$lib/progress';
import type { PageServerLoad } from './$types';

// /compare?indicator=10.c.1&countries=MEX,GTM,HND (or repeated `countries=`), &method=
export const load: PageServerLoad = async ({ locals, url }) =>
	readThrough(getDb(), locals.actor, `compare|${url.search}|${requestLocale()}`, () => {
		const db = getDb();
		const locale = requestLocale();
		const indicators = listIndicators(db, locals.actor, { locale });
		const asked = url.searchParams.get('indicator');
		const code =
			indicators.find((i) => i.code === asked)?.code ??
			indicators.find((i) => i.observationCount > 0)?.code ??
			indicators[0]?.code;
		const { members, chosen } = comparedMembers(
			db,
			url.searchParams.getAll('countries').flatMap((v) => v.split(',')),
			locale
		);
		const m = url.searchParams.get('method');
		const method = (METHODS as readonly string[]).includes(m ?? '') ? (m as Method) : null;
		try {
			return {
				locale,
				indicators: indicators.map((i) => ({ code: i.code, name: i.name })),
				members: members.map((c) => ({ iso3: c.iso3, name: c.name })),
				chosen: chosen.map((c) => c.iso3),
				askedMethod: method,
				comparison: code
					? compareMembers(
							db,
							locals.actor,
							code,
							chosen.map((c) => c.iso3),
							{ locale, method }
						)
					: null
			};
		} catch (e) {
			pageError(e);
		}
	});
