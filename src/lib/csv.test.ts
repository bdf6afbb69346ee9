import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from './csv';
import { writeTemplate } from './server/import';

describe('CSV writing', () => {
	it('quotes commas, quotes and new lines, and reads back to the same values', () => {
		const rows = [
			['id', 'title', 'note'],
			[1, 'Fees, "capped"', 'line one\nline two'],
			[2, ' padded ', 'Migración à la française'],
			[3, '', null]
		];
		const out = toCsv(rows);
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
	it('starts with a byte-order mark when asked', () => {
		expect(toCsv([['a']], { bom: true }).charCodeAt(0)).toBe(0xfeff);
		expect(toCsv([['a']]).charCodeAt(0)).toBe(0x61);
	});
	it('the observations export (GET …/observations?format=csv, the import template) defuses formulas', () => {
		const out = writeTemplate([
			{
				indicator: '10.c.1',
				country: 'MEX',
				period: '2020',
				disaggregation: {},
				value: -3.2,
				status: 'final',
				source: '=HYPERLINK("http://evil.example","click")',
				note: '@SUM(A1)'
			},
			{
				indicator: '10.c.1',
				country: 'GTM',
				period: '2021',
				disaggregation: {},
				value: 4,
				status: 'final',
				source: '+33 1 23',
				note: '-rm'
			}
		]);
		const lines = out.split('\n');
		expect(lines[1]).toBe(
			`10.c.1,MEX,2020,,-3.2,final,"'=HYPERLINK(""http://evil.example"",""click"")",'@SUM(A1)`
		);
		expect(lines[2]).toBe("10.c.1,GTM,2021,,4,final,'+33 1 23,'-rm");
		const back = parse(out, { columns: true }) as Record<string, string>[];
		expect(back[0].value).toBe('-3.2');
	});
});
