// Choices the action forms offer: the countries the person may edit, articles, indicators.
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/authz';
import { canEdit } from '$lib/server/auth/authz';
import { listArticles } from '$lib/server/declaration/articles';
import { listCountries } from '$lib/server/declaration/countries';
import { indicatorChoices } from '$lib/server/actions';
import type { Locale } from '$lib/server/db/schema';

export function actionFormChoices(db: Db, actor: Actor, locale: Locale) {
	return {
		countries: listCountries(db, { member: true, locale })
			.filter((c) => canEdit(actor, c.iso3))
			.map((c) => ({ iso3: c.iso3, name: c.name })),
		allowRegional: canEdit(actor, null),
		articles: listArticles(db, locale).map((a) => ({ number: a.number, title: a.title })),
		indicators: indicatorChoices(db)
	};
}
