// The HTTP edge of imports: reads a CSV or XLSX upload (a text/csv or xlsx body, or multipart
// field `file`) with its options, within the import size limit, decoding UTF-8 (or Windows-1252
// when the bytes are not UTF-8, as spreadsheet exports sometimes are); a workbook is recognised
// by its bytes (a zip), whatever its name or content type, and its sheet read (xlsx.ts).
import { AppError, badRequest } from '../http/errors';
import { readJson, tooLarge, zodIssues } from '../http/json';
import { importOptionsSchema, MAX_IMPORT_BYTES } from '$lib/schemas/imports';
import type { ZodType } from 'zod';
import type { ImportInput } from './pipeline';
import { isXlsx, readXlsx, type SpreadsheetInput } from './xlsx';

const CSV_TYPES =
	/^(text\/csv|application\/csv|text\/plain|application\/vnd\.ms-excel|text\/comma-separated-values|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/octet-stream)\b/i;

/** An upload's bytes: a workbook's chosen sheet, or the CSV's text. */
export async function readUpload(
	bytes: Uint8Array,
	sheet?: string | null
): Promise<{ text: string; spreadsheet: SpreadsheetInput | null }> {
	if (isXlsx(bytes)) return { text: '', spreadsheet: await readXlsx(bytes, sheet) };
	return { text: decodeCsv(bytes), spreadsheet: null };
}

export const importTooLarge = () =>
	new AppError(
		413,
		'payload_too_large',
		`The file is too large: imports take files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
	);

/** Bytes → text: UTF-8, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > limit) throw importTooLarge();
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (e) {
			// The server's own body limit (BODY_SIZE_LIMIT) answers 413 too.
			if ((e as { status?: number }).status === 413) throw importTooLarge();
			throw badRequest('The request body could not be read.');
		}
		const { done, value } = chunk;
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			throw importTooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

function fileNameFromDisposition(header: string | null): string | undefined {
	if (!header) return undefined;
	const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header);
	if (star) {
		try {
			return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
		} catch {
			/* fall through */
		}
	}
	const plain = /filename="?([^";]+)"?/i.exec(header);
	return plain?.[1];
}

function parseOptions(raw: Record<string, string>) {
	const parsed = importOptionsSchema.safeParse(raw);
	if (!parsed.success) {
		throw new AppError(
			400,
			'bad_request',
			'Some import options are not valid.',
			zodIssues(parsed.error)
		);
	}
	return parsed.data;
}

/** Reads `POST /imports`: 415 for other content types, 413 over the limit, 400 without a file. */
export async function readImportRequest(request: Request, url: URL): Promise<ImportInput> {
	const type = request.headers.get('content-type') ?? '';
	const raw: Record<string, string> = {};
	for (const [k, v] of url.searchParams) raw[k] = v;
	let bytes: Uint8Array;
	if (/^multipart\/form-data\b/i.test(type)) {
		const body = await readBytes(request, MAX_IMPORT_BYTES + 64 * 1024);
		let form: FormData;
		try {
			form = await new Response(body as unknown as BodyInit, {
				headers: { 'content-type': type }
			}).formData();
		} catch {
			throw badRequest('The multipart body could not be read.');
		}
		const file = form.get('file');
		if (!file || typeof file === 'string') {
			throw badRequest('Send the CSV in the form field "file".', [
				{ path: 'file', message: 'Choose a CSV file.' }
			]);
		}
		if (file.size > MAX_IMPORT_BYTES) throw importTooLarge();
		for (const key of [
			'format',
			'indicator',
			'country',
			'dryRun',
			'validOnly',
			'existing',
			'series',
			'sheet',
			'profile',
			'fileName'
		]) {
			const v = form.get(key);
			if (typeof v === 'string' && raw[key] === undefined) raw[key] = v;
		}
		raw.fileName ??= file.name;
		bytes = new Uint8Array(await file.arrayBuffer());
	} else if (CSV_TYPES.test(type)) {
		bytes = await readBytes(request, MAX_IMPORT_BYTES);
		raw.fileName ??= fileNameFromDisposition(request.headers.get('content-disposition')) ?? '';
	} else {
		throw new AppError(
			415,
			'unsupported_media_type',
			'Send the CSV as text/csv (an Excel workbook as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), or as multipart/form-data with the field "file".'
		);
	}
	if (bytes.length === 0 || (!isXlsx(bytes) && decodeCsv(bytes).trim() === '')) {
		throw badRequest('The file is empty.', [{ path: 'file', message: 'The file is empty.' }]);
	}
	const opts = parseOptions(raw);
	const { text, spreadsheet } = await readUpload(bytes, opts.sheet);
	return {
		text,
		spreadsheet,
		series: (opts.series ?? null) as ImportInput['series'],
		fileName: opts.fileName ?? null,
		format: (opts.format ?? null) as ImportInput['format'],
		indicator: opts.indicator ?? null,
		country: opts.country ?? null,
		dryRun: opts.dryRun,
		validOnly: opts.validOnly,
		existing: (opts.existing ?? null) as ImportInput['existing'],
		profileId: opts.profile ? Number(opts.profile) : null
	};
}

/** A path id: a positive whole number, else 404. */
export function observationId(raw: string | undefined): number {
	const n = Number(raw);
	if (!raw || !/^\d{1,12}$/.test(raw) || !Number.isSafeInteger(n) || n < 1) {
		throw new AppError(404, 'not_found', 'Not found.');
	}
	return n;
}

/** A JSON body that may be absent (submit, validate). */
export async function readOptionalBody<T>(request: Request, schema: ZodType<T>): Promise<T | null> {
	const length = request.headers.get('content-length');
	const type = request.headers.get('content-type');
	if (!type && (length === null || length === '0')) return null;
	const body = await readJson(request);
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		throw new AppError(422, 'invalid', 'Some fields are not valid.', zodIssues(parsed.error));
	}
	return parsed.data;
}

export { tooLarge };
