// What a share link may show, for the form that makes one: everything for admins, their own
// countries for coordinators.
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { country, indicator } from '../db/schema';
import { assert, canSeeShareLinks, isAdmin, type Actor } from '../auth/authz';
import { FRAMEWORK_SLUG } from '../seed/seed';
import type { ShareScopeType } from './share-links';

export interface ShareTargetOption {
	value: string;
	type: ShareScopeType;
	target: string;
	label: { kind: ShareScopeType; number?: number; title?: string; name?: string; code?: string };
}

/** What an actor may share: everything for admins, their own countries for coordinators. */
export function shareTargets(
	db: Db,
	actor: Actor | null,
	articles: { number: number; title: string }[],
	countryNames: (iso3: string) => string
): ShareTargetOption[] {
	const a = assert.signedIn(actor);
	if (isAdmin(a)) {
		const members = db
			.select({ iso3: country.iso3 })
			.from(country)
			.where(eq(country.member, true))
			.all()
			.map((c) => c.iso3);
		const indicators = db
			.select({ code: indicator.code, name: indicator.name })
			.from(indicator)
			.orderBy(indicator.code)
			.all();
		return [
			{
				value: `framework:${FRAMEWORK_SLUG}`,
				type: 'framework',
				target: FRAMEWORK_SLUG,
				label: { kind: 'framework' }
			},
			...articles.map((ar) => ({
				value: `article:${ar.number}`,
				type: 'article' as const,
				target: String(ar.number),
				label: { kind: 'article' as const, number: ar.number, title: ar.title }
			})),
			...members
				.map((iso3) => ({ iso3, name: countryNames(iso3) }))
				.sort((x, y) => x.name.localeCompare(y.name))
				.map((c) => ({
					value: `country:${c.iso3}`,
					type: 'country' as const,
					target: c.iso3,
					label: { kind: 'country' as const, name: c.name }
				})),
			...indicators.map((i) => ({
				value: `indicator:${i.code}`,
				type: 'indicator' as const,
				target: i.code,
				label: { kind: 'indicator' as const, code: i.code, name: i.name }
			}))
		];
	}
	if (!canSeeShareLinks(a)) assert.share(a, null);
	return a.countries.map((iso3) => ({
		value: `country:${iso3}`,
		type: 'country' as const,
		target: iso3,
		label: { kind: 'country' as const, name: countryNames(iso3) }
	}));
}
