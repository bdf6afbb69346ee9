import { describe, expect, it } from 'vitest';
import { cssString, pageBoxesCss, pageOfContent } from './page-boxes';

describe('the printed report’s page margin boxes', () => {
	it('writes any text as a CSS string that ends neither the string nor the style element', () => {
		const s = cssString('Art. 2 "x" \\ </style><script>\n');
		expect(s.startsWith('"') && s.endsWith('"')).toBe(true);
		const inner = s.slice(1, -1);
		expect(inner).not.toMatch(/[<>"\n]/);
		expect(inner).toContain('\\22 x\\22 ');
		expect(inner).toContain('\\5c ');
		expect(inner).toContain('\\3c /style\\3e ');
		expect(cssString('Artículo 2: Contribuciones')).toBe('"Artículo 2: Contribuciones"');
	});

	it('numbers the pages "Page n of m" with the page counters', () => {
		expect(pageOfContent()).toBe('"Page " counter(page) " of " counter(pages)');
		const css = pageBoxesCss('Article 2: Migrants’ contributions');
		expect(css).toContain(
			'@top-left { content: "RCM · Avance · Article 2: Migrants’ contributions"'
		);
		expect(css).toContain('@top-right { content: "Page " counter(page) " of " counter(pages)');
		expect(css).toContain('@page :first');
	});
});
