import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from './csv-out';

describe('CSV writing', () => {
	it('quotes commas, quotes and new lines, and reads back to the same values', () => {
		const rows = [
			['id', 'title', 'note'],
			[1, 'Fees, "capped"', 'line one\nline two'],
			[2, ' padded ', 'Migración à la française'],
			[3, '', null]
		];
		const out = toCsv(rows, { bom: false });
		expect(out.split('\r\n')[1]).toBe('1,"Fees, ""capped""","line one\nline two"');
		const back = parse(out, { relax_column_count: false });
		expect(back).toEqual([
			['id', 'title', 'note'],
			['1', 'Fees, "capped"', 'line one\nline two'],
			['2', ' padded ', 'Migración à la française'],
			['3', '', '']
		]);
	});
	it('defuses spreadsheet formulas but keeps negative numbers', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('-12.5')).toBe('-12.5');
		expect(csvCell(-3)).toBe('-3');
	});
	it('starts with a byte-order mark by default', () => {
		expect(toCsv([['a']]).charCodeAt(0)).toBe(0xfeff);
	});
});
