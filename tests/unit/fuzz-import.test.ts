// Hostile CSV at every import reader and at the import pipeline (property-based, fast-check):
// files grown from a real header of each format (cells mutated, quotes unbalanced, lines
// broken, columns dropped or repeated, BOMs, control characters) and plain garbage.
// - readCsv, each format and detection: answers or throws ImportFormatError, nothing else;
//   every row error carries a line number and a message.
// - runImport: an AppError (4xx) or a report; a file with rejected rows commits nothing; a
//   dry run never writes; an import that did not commit leaves the database as it was.
// - POST /imports through its handler (text/csv and multipart, generated options): never 500.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { freshDb, type TestDb } from '../helpers/db';
import { cast } from '../helpers/cast';
import { setDb } from '../../src/lib/server/db';
import { AppError } from '../../src/lib/server/http/errors';
import { IMPORT_FORMATS, ImportFormatError, readCsv } from '../../src/lib/server/import';
import { runImport } from '../../src/lib/server/import/pipeline';
import {
	RUNS,
	DbGuard,
	HOSTILE,
	callEndpoint,
	expectApiAnswer,
	queryOf,
	requestEvent
} from './fuzz-helpers';
import * as importsApi from '../../src/routes/api/v1/imports/+server';

/** The first lines of a file of each format, as the real files have them. */
const SEEDS: Record<string, string[]> = {
	template: [
		'indicator,country,period,disaggregation,value,status,source,note',
		'10.7.3,MEX,2023,,12,final,INM,',
		'10.7.3,GTM,2023-Q2,sex=female;age=15-24,3.5,provisional,"Survey, 2023","a ""quoted"" note"',
		'10.c.1,,2022,corridor=USA>MEX,4.1,,World Bank,',
		'RCM-11.1,CRI,2016/2021,,0,final,,'
	],
	opensdg: [
		'"Year","Country of origin","Value"',
		'"1980 to 1990","Canada",0',
		'"1991 to 2000","Canada",0.0977652174819851',
		'2023/I,,3.55445419',
		'2022/IV,Mexico,4.116474959'
	],
	'sdg-ddf': [
		'geo_area,migratory_status,nature,sex,units,year,sl_emp_ftlinjur',
		'12,t,c,bothsex,per_100000_emp,2000,27.28',
		'484,t,c,female,per_100000_emp,2001,23.24',
		'1,g,c,bothsex,number,2014,5290'
	],
	databank: [
		'\ufeffSending Countries Name,Sending Countries Code,Series Name,Series Code,Receiving Countries  Name,Receiving Countries  Code,2011Q1 [YR2011Q1],2011Q3 [YR2011Q3],2012Q1 [YR2012Q1]',
		'United States,USA,Average Total Cost to remit in corridor,ATCR.CORR,Mexico,MEX,5.1,..,4.9',
		'Angola,AGO,Average Total Cost to remit in corridor,ATCR.CORR,Albania,ALB,..,..,..',
		',,,,,,,,',
		'Data from database: Remittance Prices Worldwide (Corridors),,,,,,,,',
		'Last Updated: 12/07/2020,,,,,,,,'
	]
};

const cell = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...HOSTILE.filter((s) => s.length < 100)) },
	{ weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
	{
		weight: 3,
		arbitrary: fc.constantFrom(
			'MEX',
			'mex',
			'XKX',
			'ZZZ',
			'2023',
			'2023-Q5',
			'2023-13',
			'2016/2015',
			'1899',
			'2023/I',
			'10.7.3',
			'10.c.1',
			'RCM-11.1',
			'sex=female',
			'a=b=c',
			';;',
			'1,5',
			'1.5e3',
			'-0',
			'..',
			'NaN',
			'Infinity',
			'1e400',
			'"',
			'""',
			'"a,b"',
			'\r',
			'\n',
			'\t',
			'provisional',
			'P/2023'
		)
	},
	{ weight: 2, arbitrary: fc.double().map(String) }
);

type Edit =
	| { kind: 'cell'; line: number; col: number; value: string }
	| { kind: 'drop'; line: number }
	| { kind: 'dup'; line: number }
	| { kind: 'cut'; at: number }
	| { kind: 'insert'; at: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('cell' as const),
			line: fc.nat(8),
			col: fc.nat(10),
			value: cell
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), line: fc.nat(8) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('dup' as const), line: fc.nat(8) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat(400) }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('insert' as const),
			at: fc.nat(400),
			text: fc.oneof(cell, fc.constantFrom('\n', '\r\n', ',', '"', '\u0000', '\ufeff'))
		})
	}
);

function applyEdits(lines: string[], edits: Edit[], eol: string): string {
	let rows = lines.map((l) => l.split(','));
	for (const e of edits) {
		if (e.kind === 'cell' && rows.length) {
			const row = rows[e.line % rows.length];
			row[e.col % (row.length + 1)] = e.value.includes(',') ? `"${e.value}"` : e.value;
		} else if (e.kind === 'drop' && rows.length) {
			rows = rows.filter((_, i) => i !== e.line % rows.length);
		} else if (e.kind === 'dup' && rows.length) {
			rows.push([...rows[e.line % rows.length]]);
		}
	}
	let text = rows.map((r) => r.join(',')).join(eol);
	for (const e of edits) {
		if (e.kind === 'cut') text = text.slice(0, e.at % (text.length + 1));
		if (e.kind === 'insert') {
			const at = e.at % (text.length + 1);
			text = text.slice(0, at) + e.text + text.slice(at);
		}
	}
	return text;
}

/** A CSV grown from a format's seed lines, or garbage. */
const csvText: fc.Arbitrary<string> = fc.oneof(
	{
		weight: 8,
		arbitrary: fc
			.tuple(
				fc.constantFrom(...Object.keys(SEEDS)),
				fc.array(edit, { maxLength: 6 }),
				fc.constantFrom('\n', '\r\n', '\r'),
				fc.boolean()
			)
			.map(
				([format, edits, eol, bom]) => (bom ? '\ufeff' : '') + applyEdits(SEEDS[format], edits, eol)
			)
	},
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
	{
		weight: 1,
		arbitrary: fc
			.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 })
			.map((rows) => rows.map((r) => r.join(',')).join('\n'))
	}
);

const formatArb = fc.constantFrom(null, ...IMPORT_FORMATS);
const optsArb = fc.record(
	{
		indicator: fc.oneof(
			fc.constantFrom('10.7.3', '10.c.1', 'RCM-1', '10.7.4'),
			fc.string({ maxLength: 8 })
		),
		country: fc.oneof(fc.constantFrom('MEX', 'CAN', 'ZZZ'), fc.string({ maxLength: 4 }))
	},
	{ requiredKeys: [] }
);

describe('import readers under hostile CSV', () => {
	it('readCsv answers or throws ImportFormatError, for every format and for detection', () => {
		fc.assert(
			fc.property(csvText, formatArb, optsArb, (text, format, opts) => {
				let result;
				try {
					result = readCsv(text, format, opts);
				} catch (e) {
					expect(e, String(e instanceof Error ? e.stack : e)).toBeInstanceOf(ImportFormatError);
					expect((e as Error).message.length).toBeGreaterThan(0);
					return;
				}
				expect(Array.isArray(result.rows)).toBe(true);
				for (const err of result.errors) {
					expect(Number.isInteger(err.line) && err.line >= 1, JSON.stringify(err)).toBe(true);
					expect(typeof err.message === 'string' && err.message.length > 0).toBe(true);
				}
				for (const row of result.rows) {
					expect(Number.isFinite(row.value), JSON.stringify(row)).toBe(true);
					expect(typeof row.period).toBe('string');
				}
			}),
			{ numRuns: RUNS * 5 }
		);
	});
});

describe('the import pipeline and POST /imports under hostile CSV', () => {
	let t: TestDb;
	let who: ReturnType<typeof cast>;
	let guard: DbGuard;
	beforeAll(() => {
		t = freshDb();
		setDb(t.db);
		who = cast(t.db);
		guard = new DbGuard(t.db);
	});
	afterAll(() => {
		setDb(undefined);
		t.close();
	});

	it('runImport: a 4xx AppError or a report; rejected rows and dry runs write nothing', () => {
		const actor = fc.constantFrom(who.admin, who.admin, who.mex, who.viewer);
		fc.assert(
			fc.property(
				csvText,
				formatArb,
				optsArb,
				fc.boolean(),
				fc.boolean(),
				actor,
				(text, format, opts, dryRun, validOnly, a) => {
					let report;
					try {
						report = runImport(t.db, a, {
							text,
							format,
							...opts,
							dryRun,
							validOnly,
							fileName: 'f.csv'
						});
					} catch (e) {
						expect(e, String(e instanceof Error ? e.stack : e)).toBeInstanceOf(AppError);
						expect((e as AppError).status).toBeLessThan(500);
						guard.check(false, `rejected import ${JSON.stringify(text.slice(0, 200))}`);
						return;
					}
					if (dryRun) expect(report.committed).toBe(false);
					if (report.errors.length > 0 && !validOnly) expect(report.committed).toBe(false);
					guard.check(report.committed, `import ${JSON.stringify(text.slice(0, 200))}`);
				}
			),
			{ numRuns: RUNS * 2 }
		);
	});

	it('POST /imports (text/csv or multipart, generated options): never a 500', async () => {
		const query = queryOf(['format', 'indicator', 'country', 'dryRun', 'validOnly', 'fileName']);
		await fc.assert(
			fc.asyncProperty(
				csvText,
				query,
				fc.constantFrom('text/csv', 'multipart', 'text/plain; charset=utf-8', 'application/json'),
				fc.constantFrom(who.admin, who.mex, who.viewer, null),
				async (text, q, type, actor) => {
					let body;
					if (type === 'multipart') {
						const form = new FormData();
						form.append('file', new File([text], 'upload.csv', { type: 'text/csv' }));
						body = form;
					} else {
						body = { text, contentType: type };
					}
					const event = requestEvent({
						method: 'POST',
						path: '/api/v1/imports',
						query: q,
						actor,
						body
					});
					const answer = await callEndpoint(importsApi.POST, event);
					expectApiAnswer(
						answer,
						`POST /imports${q} ${type} ${JSON.stringify(text.slice(0, 200))}`
					);
					guard.check(answer.status === 201, 'POST /imports');
				}
			),
			{ numRuns: RUNS }
		);
	});
});
