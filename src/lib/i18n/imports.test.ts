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

	it('translates the problems of an import profile and the reasons rows were kept or left out', () => {
		expect(
			localizeImportMessage(
				"The profile 'IOM' names column the file does not have: Deaths (the file has A, B).",
				'es'
			).text
		).toBe('El perfil nombra columnas que el archivo no tiene: Deaths.');
		expect(
			localizeImportMessage("No cell of Reported Month matches the period pattern '{yyyy}'.", 'es')
				.text
		).toBe("Ninguna celda de Reported Month coincide con el patrón del periodo '{yyyy}'.");
		expect(
			localizeImportMessage(
				"'Mixed or unknown' is not a number, so it cannot be aggregated (sum).",
				'fr'
			).text
		).toBe("'Mixed or unknown' n'est pas un nombre : il ne peut pas être agrégé (sum).");
		expect(
			localizeImportMessage("unknown geography 'Unknown' in Country of Origin", 'es').text
		).toBe("geografía desconocida 'Unknown' en Country of Origin");
		expect(localizeImportMessage("filtered out (Region = 'Europe')", 'es').text).toBe(
			"excluida por el filtro (Region = 'Europe')"
		);
		expect(localizeImportMessage('kept the value from INEGI', 'es').text).toBe(
			'se conservó el valor de INEGI'
		);
		expect(
			localizeImportMessage(
				'kept the stored value (existing=keep) (GTM 2015, not in the file)',
				'es'
			).text
		).toBe(
			'se conservó el valor almacenado (valores ya almacenados: conservar) (GTM 2015, no está en el archivo)'
		);
	});

	it('keeps what it does not know in English, marked as such', () => {
		expect(localizeImportMessage('Something new went wrong.', 'es')).toEqual({
			text: 'Something new went wrong.',
			translated: false
		});
		expect(localizeImportMessage('Something new went wrong.', 'en').translated).toBe(true);
	});
});
