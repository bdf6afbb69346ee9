import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { createAction } from '../actions';
import { upsertObservations } from '../observations';
import { createEdition, editionSnapshot } from '../editions';
import { actionCreateSchema } from '$lib/schemas/actions';
import { observationInputSchema } from '$lib/schemas/observations';
import { annexDocx } from './annex-docx';
import { reportDocx } from './report-docx';

let t: TestDb;
let dir: string;

beforeAll(() => {
	t = freshDb();
	dir = mkdtempSync(join(tmpdir(), 'avance-docx-'));
	const admin = person(t.db, 'admin');
	createAction(
		t.db,
		admin,
		actionCreateSchema.parse({ title: 'Tope a comisiones', country: 'MEX', articles: [2] })
	);
	upsertObservations(t.db, admin, '10.c.1', [
		observationInputSchema.parse({ country: 'MEX', period: '2015', value: 6 }),
		observationInputSchema.parse({ country: 'MEX', period: '2023', value: 5 })
	]);
	createEdition(t.db, admin, { name: 'Reunion 2026' });
});
afterAll(() => {
	t.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the DOCX annex', () => {
	it('opens in LibreOffice with the article headings and the indicator table (Mexico, Spanish)', async () => {
		const bytes = await annexDocx(editionSnapshot(t.db, 'reunion-2026'), 'MEX', 'es');
		expect(bytes.subarray(0, 2).toString()).toBe('PK');
		const file = join(dir, 'annex.docx');
		writeFileSync(file, bytes);
		// soffice converts to PDF (the document opens cleanly) and to text, whose content we read.
		execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
			timeout: 120_000,
			env: { ...process.env, HOME: dir }
		});
		expect(existsSync(join(dir, 'annex.pdf'))).toBe(true);
		execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, file], {
			timeout: 120_000,
			env: { ...process.env, HOME: dir }
		});
		const text = readFileSync(join(dir, 'annex.txt'), 'utf8');
		expect(text).toContain('México');
		expect(text).toMatch(/Artículo 2\. /);
		expect(text).toContain('Tope a comisiones');
		expect(text).toContain('Indicadores');
		expect(text).toContain('Último valor');
		expect(text).toContain('10.c.1');
		expect(text).toContain('Veredicto');
		// Statuses, verdicts and methods in Spanish words, never raw codes; numbers in Spanish.
		expect(text).toContain('Tope a comisiones (Planificada, 0 %)');
		expect(text).not.toMatch(/\bplanned\b|in_progress|on_track|insufficient_data|_trend|\bcagr\b/);
		expect(text).toMatch(/5\s?% \(2023\)/);
	}, 240_000);

	it('builds the whole report with every article heading (Spanish)', async () => {
		const bytes = await reportDocx(editionSnapshot(t.db, 'reunion-2026'), 'es');
		const file = join(dir, 'report.docx');
		writeFileSync(file, bytes);
		execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, file], {
			timeout: 120_000,
			env: { ...process.env, HOME: dir }
		});
		const text = readFileSync(join(dir, 'report.txt'), 'utf8');
		for (let n = 1; n <= 18; n++) expect(text).toMatch(new RegExp(`Artículo ${n}\\. `));
		expect(text).toContain('Tope a comisiones');
		expect(text).toContain('Techo');
		expect(text).toContain('Tope a comisiones — México (Planificada)');
		// (The declaration's own English text may say "planned": only codes are checked here.)
		expect(text).not.toMatch(/in_progress|on_track|insufficient_data|_trend|\(planned\)/);
	}, 240_000);
});
