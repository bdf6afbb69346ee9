import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import {
	detectFormat,
	ImportFormatError,
	readCsv,
	TEMPLATE_HEADER,
	writeTemplate,
	type ParsedObservation
} from './index';

const HEADER = 'indicator,country,period,disaggregation,value,status,source,note';

describe('template', () => {
	it('has the documented header', () => {
		expect(TEMPLATE_HEADER).toBe(HEADER);
		expect(detectFormat(HEADER + '\n')).toBe('template');
	});

	it('reads rows: regional, disaggregated, provisional, quoted commas, CRLF, BOM', () => {
		const text =
			'\ufeff' +
			[
				HEADER,
				'10.c.1,MEX,2013Q1,corridor=USA>MEX,5.3,,"World Bank, RPW",',
				'10.C.1,,2023,,4.1,provisional,,regional mean',
				'RCM-11.1,slv,2022/I P/,sex=female; migratory_status=migrant,-2,,,',
				',,,,,,,',
				'10.7.3,USA,2019,,..,,,'
			].join('\r\n') +
			'\r\n';
		const result = readCsv(text, null, {});
		expect(result.format).toBe('template');
		expect(result.errors).toEqual([]);
		expect(result.rowsRead).toBe(4);
		expect(result.skipped).toEqual([{ line: 6, reason: 'missing value' }]);
		expect(result.rows).toEqual([
			{
				line: 2,
				indicator: '10.c.1',
				country: 'MEX',
				period: '2013-Q1',
				disaggregation: { corridor: 'USA>MEX' },
				value: 5.3,
				status: 'final',
				source: 'World Bank, RPW',
				note: null
			},
			{
				line: 3,
				indicator: '10.c.1',
				country: null,
				period: '2023',
				disaggregation: {},
				value: 4.1,
				status: 'provisional',
				source: null,
				note: 'regional mean'
			},
			{
				line: 4,
				indicator: 'RCM-11.1',
				country: 'SLV',
				period: '2022-Q1',
				disaggregation: { migratory_status: 'migrant', sex: 'female' },
				value: -2,
				status: 'provisional',
				source: null,
				note: null
			}
		]);
	});

	it('round-trips through writeTemplate', () => {
		const rows: Omit<ParsedObservation, 'line'>[] = [
			{
				indicator: '10.c.1',
				country: 'MEX',
				period: '2013-Q1',
				disaggregation: { corridor: 'USA>MEX' },
				value: 5.00611114501953,
				status: 'final',
				source: 'World Bank, Remittance Prices Worldwide (ATCR.CORR)',
				note: 'said "hello", then left\nnext line'
			},
			{
				indicator: '10.7.4',
				country: null,
				period: '2016/2021',
				disaggregation: { sex: 'female', country_of_origin: 'Korea, Rep.' },
				value: -4.5462498664856,
				status: 'provisional',
				source: null,
				note: null
			},
			{
				indicator: 'RCM-11.1',
				country: 'BLZ',
				period: '2023-05',
				disaggregation: {},
				value: 1e-7,
				status: 'final',
				source: null,
				note: ' padded '
			}
		];
		const text = writeTemplate(rows, { bom: true });
		const result = readCsv(text, null, {});
		expect(result.errors).toEqual([]);
		expect(result.rows.map(({ line: _line, ...rest }) => rest)).toEqual(
			rows.map((r) => ({
				...r,
				note: r.note?.trim() ?? null,
				disaggregation: sortKeys(r.disaggregation)
			}))
		);
		expect(result.rows.map((r) => r.line)).toEqual([2, 4, 5]);
	});

	it('reports row errors with line and column and keeps the other rows', () => {
		const text = [
			HEADER,
			'10.c.1,MEX,2013-Q1,,abc,,,',
			'10.c.1,XYZ,2013-Q1,,5,,,',
			'10.c.1,MEX,2013-Q9,,5,,,',
			'10.c.1,MEX,2014,,5,,,',
			'not a code,MEX,2014,,5,,,',
			'10.c.1,MEX,2015,,5,done,,',
			'10.c.1,MEX,2016,corridor,5,,,',
			'10.c.1,World,2016,,5,,,',
			'10.c.1,GTM,2014,,6,,,',
			'10.c.1,MEX,2014,,7,,,'
		].join('\n');
		const result = readCsv(text, 'template', {});
		expect(result.rowsRead).toBe(10);
		expect(result.rows.map((r) => [r.line, r.country, r.period, r.value])).toEqual([
			[5, 'MEX', '2014', 5],
			[10, 'GTM', '2014', 6]
		]);
		expect(result.errors.map((e) => [e.line, e.column])).toEqual([
			[2, 'value'],
			[3, 'country'],
			[4, 'period'],
			[6, 'indicator'],
			[7, 'status'],
			[8, 'disaggregation'],
			[9, 'country'],
			[11, null]
		]);
		expect(result.errors[0].message).toContain("'abc'");
		expect(result.errors[1].message).toContain("'XYZ'");
		expect(result.errors[7].message).toContain('line 5');
	});

	it('uses the caller’s indicator when the cell is empty', () => {
		const result = readCsv(`${HEADER}\n,MEX,2020,,1,,,\n`, 'template', { indicator: '10.7.2' });
		expect(result.rows[0].indicator).toBe('10.7.2');
		const missing = readCsv(`${HEADER}\n,MEX,2020,,1,,,\n`, 'template', {});
		expect(missing.errors).toEqual([{ line: 2, column: 'indicator', message: expect.any(String) }]);
	});

	it('reads a 100,000-row file quickly', () => {
		const lines = [HEADER];
		const countries = ['MEX', 'GTM', 'HND', 'SLV', 'USA'];
		for (let i = 0; i < 100_000; i++) {
			const year = 1950 + (i % 100);
			lines.push(
				`10.c.1,${countries[i % 5]},${year}-Q${(i % 4) + 1},corridor=C${Math.floor(i / 100)},${(i / 7).toFixed(4)},final,"World Bank, RPW",`
			);
		}
		const text = lines.join('\n') + '\n';
		const t0 = performance.now();
		const result = readCsv(text, null, {});
		const ms = performance.now() - t0;
		console.log(`template: 100,000 rows read in ${ms.toFixed(0)} ms`);
		expect(result.errors).toEqual([]);
		expect(result.rows).toHaveLength(100_000);
	});
});

describe('file-level problems', () => {
	it('an unrecognised header throws ImportFormatError', () => {
		expect(() => readCsv('foo,bar\n1,2\n', null, {})).toThrow(ImportFormatError);
		expect(() => readCsv('', null, {})).toThrow(/empty/);
		expect(detectFormat('foo,bar\n')).toBeNull();
	});

	it('a template header lacking columns names them', () => {
		try {
			readCsv('indicator,country,period,disaggregation,amount\n10.c.1,MEX,2020,,1\n', null, {});
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(ImportFormatError);
			expect((err as ImportFormatError).missingColumns).toEqual(['value']);
			expect((err as Error).message).toContain('value');
			expect((err as Error).message).toContain("'amount'");
		}
	});

	it.each([
		['opensdg', 'Year,Sex\n2020,female\n', ['Value']],
		['sdg-ddf', 'nature,units,year,sm_dth_migr\ng,number,2019,3\n', ['geo_area']],
		['databank', 'Sending Countries Code,2013Q1 [YR2013Q1]\nUSA,5\n', ['Receiving Countries Code']],
		['template', 'country,period,value\nMEX,2020,1\n', ['indicator']]
	] as const)('a %s file with the wrong columns throws', (format, text, missing) => {
		try {
			readCsv(text, format, {});
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(ImportFormatError);
			expect((err as ImportFormatError).missingColumns).toEqual(missing);
			for (const column of missing) expect((err as Error).message).toContain(column);
		}
	});
});

describe('databank edge cases', () => {
	it('skips aggregates, reports unknown codes and text values, tolerates header whitespace', () => {
		const text = [
			'Sending Countries Name,Sending Countries Code,Series Name,Series Code,Receiving Countries  Name,Receiving Countries  Code,2013Q1 [YR2013Q1],2013Q2 [YR2013Q2]',
			'United States of America,USA,x,ATCR.CORR,Mexico,MEX,5,..',
			'World,WLD,x,ATCR.CORR,Mexico,MEX,5,6',
			'United States of America,USA,x,ATCR.CORR,Atlantis,ATL,5,6',
			'United States of America,USA,x,ATCR.CORR,Guatemala,GTM,abc,4',
			',,,,,,,',
			'Data from database: Remittance Prices Worldwide (Corridors),,,,,,,',
			'Last Updated: 12/07/2020,,,,,,,'
		].join('\n');
		const result = readCsv(text, null, {});
		expect(result.format).toBe('databank');
		expect(result.rowsRead).toBe(4);
		expect(result.rows.map((r) => [r.line, r.disaggregation.corridor, r.period, r.value])).toEqual([
			[2, 'USA>MEX', '2013-Q1', 5],
			[5, 'USA>GTM', '2013-Q2', 4]
		]);
		expect(result.skipped).toEqual([{ line: 3, reason: 'regional aggregate (WLD World)' }]);
		expect(result.errors).toEqual([
			{ line: 4, column: 'Receiving Countries  Code', message: "Unknown country 'ATL'." },
			{ line: 5, column: '2013Q1 [YR2013Q1]', message: "'abc' is not a number." }
		]);
	});

	it('reads a 100,000-row file quickly', () => {
		const periods = Array.from({ length: 10 }, (_, i) => `${2011 + i}Q1 [YR${2011 + i}Q1]`);
		const lines = [
			`Sending Countries Name,Sending Countries Code,Series Name,Series Code,Receiving Countries  Name,Receiving Countries  Code,${periods.join(',')}`
		];
		const codes = Object.keys(countries.getAlpha3Codes());
		const n = codes.length;
		for (let i = 0; i < 100_000; i++) {
			// Every sender × receiver pair once with values; the rest of the rows are empty, as
			// most of the real file's rows are.
			const empty = i >= n * n;
			const cells = periods.map((_, k) =>
				empty || (i + k) % 3 === 0 ? '..' : ((i % 97) / 10 + k).toFixed(3)
			);
			lines.push(
				`"Sender, A",${codes[Math.floor(i / n) % n]},Average Total Cost to remit in corridor,ATCR.CORR,Receiver,${codes[i % n]},${cells.join(',')}`
			);
		}
		const text = lines.join('\n');
		const t0 = performance.now();
		const result = readCsv(text, 'databank', {});
		const ms = performance.now() - t0;
		console.log(
			`databank: 100,000 rows (${result.rows.length} observations) read in ${ms.toFixed(0)} ms`
		);
		expect(result.rowsRead).toBe(100_000);
		expect(result.errors).toEqual([]);
		expect(result.rows.length).toBeGreaterThan(n * n * 6);
	});
});

function sortKeys(d: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(d).sort(([a], [b]) => (a < b ? -1 : 1)));
}
