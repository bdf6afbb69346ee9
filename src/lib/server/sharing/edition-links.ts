// Share links to an edition (issue 18): the edition a link names, and its target checked
// against that edition's snapshot (an indicator removed since still opens in the edition).
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { edition } from '../db/schema';
import { invalid } from '../http/errors';
import { editionSnapshot } from '../editions/editions';
import type { ShareScope } from './share-links';

export interface LinkEdition {
	id: number;
	slug: string;
	/** The scope's target in its canonical form. */
	target: string;
}

function unknownTarget(message: string, hint: string): never {
	throw invalid(message, [{ path: 'scopeTarget', message: hint }]);
}

/** The edition a new link points to, with its target checked against the snapshot. */
export function editionForLink(
	db: Db,
	slug: string,
	scope: ShareScope,
	asOf: string | null | undefined
): LinkEdition {
	if (asOf) {
		throw invalid('A link to an edition shows the data as of the edition.', [
			{ path: 'asOf', message: 'Leave the as-of date empty for an edition.' }
		]);
	}
	const row = db
		.select({ id: edition.id, slug: edition.slug })
		.from(edition)
		.where(eq(edition.slug, slug.trim().toLowerCase()))
		.get();
	if (!row) {
		throw invalid('Unknown edition.', [{ path: 'edition', message: 'Choose an edition.' }]);
	}
	const s = editionSnapshot(db, row.slug);
	const t = scope.target.trim();
	let target: string;
	switch (scope.type) {
		case 'framework':
			if (t !== s.framework.slug) unknownTarget('Unknown framework.', `Use ${s.framework.slug}.`);
			target = t;
			break;
		case 'article':
			if (!s.articles.some((a) => String(a.number) === t))
				unknownTarget('Unknown article.', 'Choose an article of the edition.');
			target = t;
			break;
		case 'country':
			target = t.toUpperCase();
			if (!s.members.includes(target))
				unknownTarget('Unknown country.', 'Choose a member state of the edition.');
			break;
		case 'indicator':
			if (!s.indicators.some((i) => i.code === t))
				unknownTarget('Unknown indicator.', 'Choose an indicator of the edition.');
			target = t;
	}
	return { id: row.id, slug: row.slug, target };
}
