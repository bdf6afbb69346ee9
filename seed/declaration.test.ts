import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { DECLARATION_PATH, loadDeclaration, parseDeclaration } from './declaration';

const raw = readFileSync(new URL('./rcm-special-declaration-gcm.txt', import.meta.url), 'utf8');

/** Expected article texts, read independently from the raw file one line at a time. */
function expectedArticles(): Map<number, string> {
	const expected = new Map<number, string>();
	for (const line of raw.split('\n')) {
		const match = line.match(/^(\d+)\. (.*)$/);
		if (match) {
			expected.set(Number(match[1]), match[2].split('[bookmark: _GoBack]').join('').trim());
		}
	}
	return expected;
}

/** The raw file with its 17th article removed and the 18th renumbered as 17. */
function withSeventeenArticles(): string {
	return raw
		.split('\n')
		.filter((line) => !line.startsWith('17. '))
		.map((line) => (line.startsWith('18. ') ? '17. ' + line.slice(4) : line))
		.join('\n');
}

describe('parseDeclaration', () => {
	const parsed = parseDeclaration(raw);

	it('finds 18 articles numbered 1 to 18', () => {
		expect(parsed.articles).toHaveLength(18);
		expect(parsed.articles.map((article) => article.number)).toEqual(
			Array.from({ length: 18 }, (_, index) => index + 1)
		);
	});

	it('keeps each article text as written in the file', () => {
		const expected = expectedArticles();
		expect(expected.size).toBe(18);
		for (const article of parsed.articles) {
			expect(article.text).toBe(expected.get(article.number));
		}
	});

	it('reads article 1 exactly', () => {
		expect(parsed.articles[0].text).toBe(
			'We reaffirm that States, in exercising their sovereign rights to manage their borders, should promote, in accordance with international law, immigration control mechanisms that protect and safeguard the human rights of migrants.'
		);
	});

	it('keeps article 3 without a final full stop', () => {
		expect(parsed.articles[2].text).toMatch(/persons with different labor skills$/);
	});

	it('removes the bookmark artefact of article 17 and nothing else', () => {
		expect(parsed.articles[16].text).toBe(
			'We reaffirm that all migrants have the right to fair and equal process before competent authorities in accordance with the law, including in any judicial proceeding before a competent court.'
		);
		for (const article of parsed.articles) {
			expect(article.text).not.toContain('bookmark');
			expect(article.text).not.toContain('_GoBack');
		}
	});

	it('drops trailing spaces and non-breaking spaces', () => {
		expect(parsed.articles[17].text).toMatch(/are duly received\.$/);
		for (const article of parsed.articles) {
			expect(article.text).toBe(article.text.trim());
			expect(article.text).not.toMatch(/^\d+\./);
		}
	});

	it('reads the title', () => {
		expect(parsed.title).toBe(
			'SPECIAL DECLARATION OF THE REGIONAL CONFERENCE ON MIGRATION RELATED TO THE GLOBAL COMPACT FOR SAFE, ORDERLY AND REGULAR MIGRATION'
		);
	});

	it('reads the preamble as trimmed paragraphs', () => {
		expect(parsed.preamble.startsWith('The Member States’ Vice Ministers')).toBe(true);
		expect(
			parsed.preamble.endsWith('Global Compact for Safe, Orderly and Regular Migration:')
		).toBe(true);
		const paragraphs = parsed.preamble.split('\n\n');
		expect(paragraphs).toHaveLength(6);
		expect(paragraphs[2].startsWith('Taking into consideration')).toBe(true);
		expect(paragraphs[3].startsWith('Recognizing that the 2030 Agenda')).toBe(true);
		for (const paragraph of paragraphs) {
			expect(paragraph).toBe(paragraph.trim());
			expect(paragraph).not.toContain('\t');
		}
	});

	it('parses CRLF input with a byte-order mark the same way', () => {
		const windows = '\uFEFF' + raw.replace(/\r?\n/g, '\r\n');
		expect(windows).toContain('\r\n');
		expect(parseDeclaration(windows)).toEqual(parsed);
	});

	it('throws when there are only 17 articles', () => {
		expect(() => parseDeclaration(withSeventeenArticles())).toThrow(/exactly 18 articles/);
	});

	it('throws when the numbering skips', () => {
		const skipping = raw.replace(/^17\. /m, '19. ');
		expect(() => parseDeclaration(skipping)).toThrow(/exactly 18 articles/);
	});

	it('throws on empty input', () => {
		expect(() => parseDeclaration('  \n\n')).toThrow(Error);
	});
});

describe('loadDeclaration', () => {
	it('reads the seed file beside the module', () => {
		expect(DECLARATION_PATH).toMatch(/seed[\\/]rcm-special-declaration-gcm\.txt$/);
		expect(loadDeclaration()).toEqual(parseDeclaration(raw));
	});
});
