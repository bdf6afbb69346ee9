// The API documentation page speaks the reader's language around the reference (Redoc itself
// has no translations; the page says so in Spanish and French).
import { describe, expect, it } from 'vitest';
import { docsPage } from './docs-page';

describe('/api/docs in the page language', () => {
	it.each([
		['en', 'Back to Avance', 'Authorization: Bearer &lt;key&gt;'],
		['es', 'Volver a Avance', 'Redoc'],
		['fr', 'Retour à Avance', 'Redoc']
	] as const)('%s', (locale, back, note) => {
		const html = docsPage(locale);
		expect(html).toContain(`<html lang="${locale}">`);
		expect(html).toContain(back);
		expect(html).toContain(note);
		expect(html).toContain('href="' + (locale === 'en' ? '/' : `/${locale}/`) + '"');
	});
});
