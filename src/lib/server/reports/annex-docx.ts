// The per-country annex as DOCX (issue 18), for the IMRF and regional GCM reviews: that
// country's actions grouped by article and by GCM objective, its indicator table with
// verdicts, ceilings and method notes, and its evidence links — built with the `docx`
// package (real headings, tables and a table of contents) from an edition's snapshot, or from
// a snapshot of the live validated data (never stored) for the live annex.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableOfContents } from 'docx';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { assert, type Actor } from '../auth/authz';
import { isoToday } from '../declaration/articles';
import { editionCountry } from '../editions/views';
import { editionSnapshot } from '../editions/editions';
import { buildSnapshot } from '../editions/snapshot';
import type { EditionSnapshot, Lang } from '../editions/types';
import {
	actionStatusWords,
	ceilingWords,
	docxTable,
	latestWords,
	methodName,
	verdictWords
} from './docx-parts';

/** The annex of one member state, in `lang`, as DOCX bytes. */
export async function annexDocx(s: EditionSnapshot, iso3: string, lang: Lang): Promise<Buffer> {
	const c = editionCountry(s, iso3, lang);
	const o = { locale: lang };
	const children: (Paragraph | Table | TableOfContents)[] = [
		new Paragraph({ text: c.name, heading: HeadingLevel.TITLE }),
		new Paragraph({
			text: m.editions_banner({ date: s.edition.asOf, name: s.edition.name }, o)
		}),
		new TableOfContents(m.editions_toc({}, o), { hyperlink: true, headingStyleRange: '1-2' }),
		new Paragraph({ text: m.editions_actions({}, o), heading: HeadingLevel.HEADING_1 })
	];
	if (c.byArticle.length === 0) children.push(new Paragraph(m.editions_no_actions({}, o)));
	for (const g of c.byArticle) {
		children.push(
			new Paragraph({
				text: `${m.editions_col_article({}, o)} ${g.number}. ${g.title}`,
				heading: HeadingLevel.HEADING_2
			})
		);
		for (const a of g.actions)
			children.push(
				new Paragraph({
					text: `${a.title} (${actionStatusWords(a.status, lang)}, ${a.percentComplete} %)`,
					bullet: { level: 0 }
				})
			);
	}
	children.push(
		new Paragraph({ text: m.editions_by_objective({}, o), heading: HeadingLevel.HEADING_1 })
	);
	for (const g of c.byObjective)
		children.push(
			new Paragraph({
				text: `${m.editions_objective({ n: g.objective }, o)}: ${g.actions.map((a) => a.title).join('; ')}`,
				bullet: { level: 0 }
			})
		);
	children.push(
		new Paragraph({ text: m.editions_indicators({}, o), heading: HeadingLevel.HEADING_1 })
	);
	children.push(
		docxTable(
			[
				m.editions_indicators({}, o),
				m.editions_col_latest({}, o),
				m.editions_col_ceiling({}, o),
				m.editions_col_verdict({}, o),
				m.editions_col_method({}, o)
			],
			c.indicators.map((r) => [
				`${r.code} ${r.name}`,
				latestWords(r, lang),
				ceilingWords(r, lang),
				verdictWords(r, lang, false),
				methodName(r.method, lang)
			])
		)
	);
	for (const r of c.indicators.filter((x) => x.methodNotes))
		children.push(new Paragraph({ text: `${r.code}: ${r.methodNotes}` }));
	children.push(
		new Paragraph({ text: m.editions_evidence({}, o), heading: HeadingLevel.HEADING_1 })
	);
	for (const e of c.evidence)
		children.push(new Paragraph({ text: `${e.title} — ${e.url}`, bullet: { level: 0 } }));
	const doc = new Document({
		creator: 'Avance',
		title: `${c.name} · ${s.edition.name}`,
		features: { updateFields: true },
		sections: [{ children }]
	});
	return Packer.toBuffer(doc);
}

/**
 * The annex of an edition (`slug`), or of the live validated data (`slug` null: a snapshot
 * built now and not stored), for a signed-in reader.
 */
export async function countryAnnex(
	db: Db,
	actor: Actor | null,
	slug: string | null,
	iso3: string,
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
	const bytes = await annexDocx(s, iso3, lang);
	return { bytes, fileName: `avance-annex-${iso3.toUpperCase()}-${slug ?? today}-${lang}.docx` };
}
