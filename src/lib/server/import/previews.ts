// Files waiting between a dry run and its commit on the import page: the CSV is kept in a
// temporary folder (never in the database: a dry run writes nothing there), under a random id
// bound to the user who uploaded it, for one hour (a workbook's sheet, read, with the options).
// Also the file's first rows, shown beside the report so the user sees which column is which.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notFound } from '../http/errors';
import { parseCsv } from './csv';
import type { ImportInput } from './pipeline';
import type { SpreadsheetInput } from './xlsx';

const MAX_AGE_MS = 60 * 60 * 1000;

function folder(): string {
	const dir = process.env.AVANCE_IMPORT_DIR || join(tmpdir(), 'avance-import-previews');
	mkdirSync(dir, { recursive: true });
	return dir;
}

function sweep(dir: string) {
	const now = Date.now();
	for (const name of readdirSync(dir)) {
		try {
			if (now - statSync(join(dir, name)).mtimeMs > MAX_AGE_MS)
				rmSync(join(dir, name), { force: true });
		} catch {
			/* another process removed it */
		}
	}
}

export type PreviewOptions = Omit<ImportInput, 'text' | 'dryRun' | 'validOnly'>;

/** Keeps an uploaded file for its commit; returns the preview id. */
export function savePreview(userId: string, text: string, options: PreviewOptions): string {
	const dir = folder();
	sweep(dir);
	const id = randomBytes(16).toString('hex');
	try {
		writeFileSync(join(dir, `${id}.csv`), text);
		writeFileSync(
			join(dir, `${id}.json`),
			JSON.stringify({ userId, options, savedAt: Date.now() })
		);
	} catch (e) {
		// A full disk (ENOSPC): no half-written preview is left behind.
		dropPreview(id);
		throw e;
	}
	return id;
}

/** The file and options of a preview of this user; 404 when unknown, expired or someone else's. */
export function loadPreview(userId: string, id: string): { text: string; options: PreviewOptions } {
	if (!/^[0-9a-f]{32}$/.test(id))
		throw notFound('This preview is no longer available; upload the file again.');
	const dir = folder();
	try {
		const meta = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as {
			userId: string;
			options: PreviewOptions;
			savedAt: number;
		};
		if (meta.userId !== userId || Date.now() - meta.savedAt > MAX_AGE_MS) throw new Error('stale');
		return { text: readFileSync(join(dir, `${id}.csv`), 'utf8'), options: meta.options };
	} catch {
		throw notFound('This preview is no longer available; upload the file again.');
	}
}

export function dropPreview(id: string): void {
	if (!/^[0-9a-f]{32}$/.test(id)) return;
	const dir = folder();
	rmSync(join(dir, `${id}.json`), { force: true });
	rmSync(join(dir, `${id}.csv`), { force: true });
}

/** The first rows of a file as read (header, rows, their line numbers); null when unreadable. */
export interface FileSample {
	header: string[];
	rows: string[][];
	lines: number[];
}

const MAX_COLUMNS = 30;

export function fileSample(
	text: string,
	spreadsheet: SpreadsheetInput | null | undefined,
	count = 10
): FileSample | null {
	try {
		const table = spreadsheet?.table ?? parseCsv(text);
		const rows: string[][] = [];
		const lines: number[] = [];
		for (let i = 0; i < table.records.length && rows.length < count; i++) {
			const r = table.records[i];
			if (r.every((c) => c.trim() === '')) continue;
			rows.push(table.header.slice(0, MAX_COLUMNS).map((_, c) => (r[c] ?? '').slice(0, 200)));
			lines.push(table.lines[i]);
		}
		return { header: table.header.slice(0, MAX_COLUMNS).map((h) => h.trim()), rows, lines };
	} catch {
		return null;
	}
}
