// The 23 objectives of the Global Compact for Migration, as references of the declaration's
// articles: their titles in the reader's language (English when a translation is missing).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { reference, referenceTranslation, type Locale } from '../db/schema';

/** GCM objective number → its short title (or title) in `locale`. */
export function gcmObjectiveTitles(db: Db, locale: Locale): Record<number, string> {
	const rows = db
		.select({
			code: reference.code,
			title: reference.title,
			shortTitle: reference.shortTitle,
			trTitle: referenceTranslation.title,
			trShort: referenceTranslation.shortTitle
		})
		.from(reference)
		.leftJoin(
			referenceTranslation,
			and(
				eq(referenceTranslation.referenceId, reference.id),
				eq(referenceTranslation.locale, locale)
			)
		)
		.where(eq(reference.kind, 'gcm_objective'))
		.orderBy(asc(reference.sortKey))
		.all();
	return Object.fromEntries(
		rows.map((r) => [
			Number(r.code),
			(locale !== 'en' && (r.trShort || r.trTitle)) || r.shortTitle || r.title
		])
	);
}
