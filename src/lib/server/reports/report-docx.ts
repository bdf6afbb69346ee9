// The edition's report as DOCX (issue 18): a cover line with the as-of banner, a table of
// contents, then each article (heading, text — marked when it is the original English — its
// actions by member state and its indicator table with ceilings and verdicts). Built with the
// `docx` package from an edition's snapshot or from a live snapshot of the validated data.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableOfContents } from 'docx';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { assert, type Actor } from '../auth/authz';
import { isoToday } from '../declaration/articles';
import { countryName } from '../declaration/countries';
import { editionArticle } from '../editions/views';
import { editionSnapshot } from '../editions/editions';
import { buildSnapshot } from '../editions/snapshot';
import type { EditionSnapshot, Lang } from '../editions/types';
import {
	actionStatusWords,
	ceilingWords,
	docxTable,
	latestWords,
	verdictWords
} from './docx-parts';

/** The whole report of a snapshot, in `lang`, as DOCX bytes. */
export async function reportDocx(s: EditionSnapshot, lang: Lang): Promise<Buffer> {
	const o = { locale: lang };
	const children: (Paragraph | Table | TableOfContents)[] = [
		new Paragraph({ text: s.framework.title, heading: HeadingLevel.TITLE }),
		new Paragraph({ text: m.editions_banner({ date: s.edition.asOf, name: s.edition.name }, o) }),
		new TableOfContents(m.editions_toc({}, o), { hyperlink: true, headingStyleRange: '1-2' })
	];
	for (const n of s.articles.map((a) => a.number)) {
		const a = editionArticle(s, n, lang);
		children.push(
			new Paragraph({
				text: `${m.editions_col_article({}, o)} ${n}. ${a.title}`,
				heading: HeadingLevel.HEADING_1
			})
		);
		children.push(new Paragraph({ text: a.text }));
		if (!a.translated.text)
			children.push(new Paragraph({ text: `(${m.editions_original_english({}, o)})` }));
		children.push(
			new Paragraph({ text: m.editions_actions({}, o), heading: HeadingLevel.HEADING_2 })
		);
		if (a.actions.length === 0) children.push(new Paragraph(m.editions_no_actions({}, o)));
		for (const x of a.actions)
			children.push(
				new Paragraph({
					text: `${x.title} — ${x.countryName ?? m.editions_region({}, o)} (${actionStatusWords(x.status, lang)})`,
					bullet: { level: 0 }
				})
			);
		if (a.indicators.length === 0) continue;
		children.push(
			new Paragraph({ text: m.editions_indicators({}, o), heading: HeadingLevel.HEADING_2 })
		);
		children.push(
			docxTable(
				[
					m.editions_indicators({}, o),
					m.editions_col_country({}, o),
					m.editions_col_latest({}, o),
					m.editions_col_ceiling({}, o),
					m.editions_col_verdict({}, o)
				],
				a.indicators.map((r) => [
					r.code,
					r.country ? countryName(r.country, lang) : m.editions_region({}, o),
					latestWords(r, lang),
					ceilingWords(r, lang),
					verdictWords(r, lang)
				])
			)
		);
	}
	const doc = new Document({
		creator: 'Avance',
		title: `${s.framework.title} · ${s.edition.name}`,
		features: { updateFields: true },
		sections: [{ children }]
	});
	return Packer.toBuffer(doc);
}

/** The report of an edition (`slug`) or of the live validated data (null), for a signed-in reader. */
export async function editionReport(
	db: Db,
	actor: Actor | null,
	slug: string | null,
	lang: Lang
): Promise<{ bytes: Buffer; fileName: string }> {
	assert.signedIn(actor);
	const today = isoToday();
	const s = slug
		? editionSnapshot(db, slug)
		: buildSnapshot(db, {
				slug: 'live',
				name: m.editions_live({}, { locale: lang }),
				asOf: today,
				createdAt: new Date().toISOString(),
				roundId: null
			});
	return {
		bytes: await reportDocx(s, lang),
		fileName: `avance-report-${slug ?? today}-${lang}.docx`
	};
}
