/**
 * Parser for the RCM Special Declaration related to the Global Compact for Safe, Orderly and
 * Regular Migration (seed/rcm-special-declaration-gcm.txt).
 *
 * Pure: `parseDeclaration` takes the raw text and returns the title, the preamble and the 18
 * articles. `loadDeclaration` reads the seed file beside this module.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ParsedDeclaration {
	title: string;
	preamble: string;
	articles: { number: number; text: string }[];
}

/** Number of articles in the declaration. */
const ARTICLE_COUNT = 18;

/** Absolute path of the declaration text shipped beside this module. */
export const DECLARATION_PATH = fileURLToPath(
	new URL('./rcm-special-declaration-gcm.txt', import.meta.url)
);

/** A line that opens an article: optional indentation, the number, a full stop, whitespace. */
const ARTICLE_START = /^[ \t]*(\d{1,3})\.[ \t\u00a0]+(.*)$/;

/** Word-processor artefacts left in the export, e.g. `[bookmark: _GoBack]` in article 17. */
const BOOKMARK_ARTEFACT = /\[bookmark: [^\]]*\]/g;

/** Trims a paragraph: leading tabs, trailing spaces and non-breaking spaces all go. */
function clean(paragraph: string): string {
	return paragraph.trim();
}

/**
 * Parses the declaration text.
 *
 * - title: the first non-blank line, trimmed.
 * - preamble: the non-blank lines between the title and article 1, each trimmed, joined by a
 *   blank line (`\n\n`).
 * - articles: the text after each `N. ` prefix, trimmed, with bookmark artefacts removed.
 *   A non-blank line that does not open a new article continues the current one as a new
 *   paragraph.
 *
 * Accepts LF or CRLF line endings and an optional byte-order mark. Throws an Error unless it
 * finds exactly 18 articles numbered 1 to 18 in order.
 */
export function parseDeclaration(text: string): ParsedDeclaration {
	const lines = text
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.split('\n');

	const titleIndex = lines.findIndex((line) => line.trim() !== '');
	if (titleIndex === -1) {
		throw new Error('Declaration text is empty: no title line found.');
	}
	const title = lines[titleIndex].trim();

	const preambleParagraphs: string[] = [];
	const articles: { number: number; paragraphs: string[] }[] = [];

	for (const line of lines.slice(titleIndex + 1)) {
		if (line.trim() === '') continue;
		const match = ARTICLE_START.exec(line);
		// Article 1 opens the operative part; after that every numbered line opens an article.
		if (match && (articles.length > 0 || Number(match[1]) === 1)) {
			articles.push({ number: Number(match[1]), paragraphs: [match[2]] });
		} else if (articles.length > 0) {
			articles[articles.length - 1].paragraphs.push(line);
		} else {
			preambleParagraphs.push(clean(line));
		}
	}

	const numbers = articles.map((article) => article.number);
	const consecutive = numbers.every((number, index) => number === index + 1);
	if (articles.length !== ARTICLE_COUNT || !consecutive) {
		throw new Error(
			`Expected exactly ${ARTICLE_COUNT} articles numbered 1 to ${ARTICLE_COUNT}, ` +
				`found ${articles.length}` +
				(articles.length > 0 ? ` numbered [${numbers.join(', ')}]` : '') +
				'.'
		);
	}

	return {
		title,
		preamble: preambleParagraphs.join('\n\n'),
		articles: articles.map((article) => ({
			number: article.number,
			text: article.paragraphs
				.map((paragraph) => clean(paragraph.replace(BOOKMARK_ARTEFACT, '')))
				.filter((paragraph) => paragraph !== '')
				.join('\n\n')
		}))
	};
}

/** Reads and parses the declaration text beside this module. */
export function loadDeclaration(): ParsedDeclaration {
	return parseDeclaration(readFileSync(DECLARATION_PATH, 'utf8'));
}
