import { describe, it, expect } from 'vitest';
import { localizeImportMessage } from './imports';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('import problems in the page language', () => {
	it('translates the row problems and skip reasons the readers report', () => {
		expect(localizeImportMessage("'abc' is not a number.", 'es')).toEqual({
			text: "'abc' no es un número.",
			translated: true
		});
		expect(plain(localizeImportMessage("Unknown country 'ATL'.", 'fr').text)).toBe(
			"Pays inconnu : 'ATL'."
		);
		expect(localizeImportMessage("Unknown country or area code '999'.", 'es').text).toBe(
			"País desconocido: '999'."
		);
		expect(
			localizeImportMessage(
				"'2023-Q9' is not a period (expected e.g. 2023, 2023-Q1, 2023/I, 2016 to 2021).",
				'es'
			).text
		).toMatch(/^'2023-Q9' no es un periodo/);
		expect(
			localizeImportMessage(
				'Repeats line 4 (same indicator, country, period and disaggregation).',
				'fr'
			).text
		).toBe('Répète la ligne 4 (même indicateur, pays, période et ventilation).');
		expect(localizeImportMessage('missing value', 'es').text).toBe('valor faltante');
		expect(
			localizeImportMessage('regional aggregate (M49 419 Latin America and the Caribbean)', 'fr')
				.text
		).toBe('agrégat régional (M49 419 Latin America and the Caribbean)');
	});

	it('keeps what it does not know in English, marked as such', () => {
		expect(localizeImportMessage('Something new went wrong.', 'es')).toEqual({
			text: 'Something new went wrong.',
			translated: false
		});
		expect(localizeImportMessage('Something new went wrong.', 'en').translated).toBe(true);
	});
});
