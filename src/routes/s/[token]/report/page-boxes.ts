// The printed report's page margin boxes (owns: the running header and the "page n of m" line
// of every printed page, issue 18 §3). CSS paged media: Chromium prints @page margin boxes;
// their text comes from the page's messages, written as CSS strings that can end neither the
// string nor the <style> element.
import { m } from '$lib/paraglide/messages';

/** A CSS string literal of any text (quotes, backslashes, line breaks and `<` `>` escaped). */
export function cssString(text: string): string {
	return `"${text.replace(/[\\"'<>\r\n\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const PAGE = '\uE000';
const PAGES = '\uE001';

/** "Page n of m" in the page language, as a CSS `content` value with the page counters. */
export function pageOfContent(): string {
	const text = m.report_page_of({ page: PAGE, pages: PAGES });
	return text
		.split(/([\uE000\uE001])/)
		.filter((part) => part !== '')
		.map((part) =>
			part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)
		)
		.join(' ');
}

/**
 * The @page rules of the report: the running header ("RCM · Avance · title") at the top left,
 * "Page n of m" at the top right; the cover page has neither.
 */
export function pageBoxesCss(title: string): string {
	const box = 'font-size: 8pt; color: #505a66; vertical-align: bottom;';
	return [
		'@page {',
		`@top-left { content: ${cssString(m.report_running_header({ title }))}; ${box} }`,
		`@top-right { content: ${pageOfContent()}; ${box} white-space: nowrap; }`,
		'}',
		'@page :first { @top-left { content: none; } @top-right { content: none; } }'
	].join('\n');
}
