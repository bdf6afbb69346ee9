// The form actions of the import-profile editor (new and edit pages, issue 15 §4): `upload`
// keeps the file for the next steps (import/previews.ts) and answers its first rows; `check`
// tries the unsaved mapping on it (a dry run, nothing written); `save` saves it through the
// profiles service; `sheets` lists a workbook's sheets for the file field. Every answer carries
// the whole state of the page (file, values, errors, preview), so plain forms work without JS.
import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { appErrorMessage } from '$lib/i18n/errors';
import { localizeImportMessage } from '$lib/i18n/imports';
import { getDb } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/authz';
import { isAppError } from '$lib/server/http/errors';
import { storageFault } from '$lib/server/health/faults';
import { requestLocale } from '$lib/server/http/locale';
import { readUpload } from '$lib/server/import/http';
import { listSheets } from '$lib/server/import/xlsx';
import { fileSample, loadPreview, savePreview, type FileSample } from '$lib/server/import/previews';
import {
	previewProfileDraft,
	saveProfileDraft,
	type DraftFile,
	type ProfileDraftPreview
} from '$lib/server/import/profile-draft';
import type { ImportReport } from '$lib/server/import/pipeline';
import { profileSpecSchema, profileUpdateSchema } from '$lib/schemas/import-profiles';
import { MAX_IMPORT_BYTES } from '$lib/schemas/imports';
import { listIndicators } from '$lib/server/indicators/catalogue';
import { listCountries } from '$lib/server/declaration/countries';
import {
	bodyOf,
	emptyValues,
	profileErrors,
	valuesOfForm,
	type ProfileValues
} from './profile-form';

/** Changes of a preview listed on the page. */
const CHANGES_SHOWN = 200;

/** The uploaded file as the page shows it. */
export interface KeptFile {
	previewId: string;
	fileName: string | null;
	sheet: string | null;
	sheets: string[];
	sample: FileSample | null;
}

function keptFile(actor: Actor, previewId: string): { kept: KeptFile; file: DraftFile } | null {
	if (!previewId) return null;
	try {
		const { text, options } = loadPreview(actor.id, previewId);
		const spreadsheet = options.spreadsheet ?? null;
		return {
			kept: {
				previewId,
				fileName: options.fileName ?? null,
				sheet: spreadsheet?.sheet ?? null,
				sheets: spreadsheet?.sheets ?? [],
				sample: fileSample(text, spreadsheet)
			},
			file: { text, fileName: options.fileName ?? null, spreadsheet }
		};
	} catch {
		return null;
	}
}

function forPage(report: ImportReport) {
	return {
		...report,
		changes: report.changes.slice(0, CHANGES_SHOWN),
		changesTotal: report.changes.length
	};
}

function previewForPage(p: ProfileDraftPreview) {
	return { ...p, report: forPage(p.report) };
}

/** A refusal's message in the page's language; null for an error that is not ours. */
function messageOf(e: unknown): { status: number; message: string } | null {
	const fault = storageFault(e);
	if (fault) return { status: fault.status, message: appErrorMessage(fault) };
	if (!isAppError(e)) return null;
	if (e.status === 409) return { status: 409, message: m.profiles_conflict() };
	if (e.code === 'invalid' && e.message.startsWith('There is no indicator'))
		return { status: 422, message: m.profiles_err_indicator() };
	if (e.status === 422 || e.status === 404)
		return { status: e.status, message: localizeImportMessage(e.message).text };
	return { status: e.status, message: appErrorMessage(e) };
}

/** Keeps the uploaded file and answers its first rows; the mapping starts from `start`. */
export async function upload(actor: Actor, request: Request, start: ProfileValues | null) {
	const form = await request.formData();
	const file = form.get('file');
	const values = { ...(start ?? emptyValues()) };
	const indicator = String(form.get('indicator') ?? '');
	if (indicator) values.indicator = indicator;
	const refuse = (status: number, message: string) =>
		fail(status, { stage: 'upload', file: null, values, message });
	if (!file || typeof file === 'string' || file.size === 0)
		return refuse(400, m.imports_choose_file());
	if (file.size > MAX_IMPORT_BYTES)
		return refuse(413, m.imports_too_large({ size: String(MAX_IMPORT_BYTES / 1024 / 1024) }));
	const sheet = String(form.get('sheet') ?? '').trim() || null;
	try {
		const { text, spreadsheet } = await readUpload(new Uint8Array(await file.arrayBuffer()), sheet);
		const previewId = savePreview(actor.id, text, { fileName: file.name, spreadsheet });
		return { stage: 'upload', file: keptFile(actor, previewId)?.kept ?? null, values };
	} catch (e) {
		const refusal = messageOf(e);
		if (refusal) return refuse(refusal.status, refusal.message);
		throw e;
	}
}

/** The dry run of the mapping as filled in, on the kept file: nothing is written. */
export async function check(actor: Actor, request: Request) {
	const form = await request.formData();
	const values = valuesOfForm(form);
	const kept = keptFile(actor, String(form.get('previewId') ?? ''));
	const state = { stage: 'check', file: kept?.kept ?? null, values };
	if (!kept) return fail(404, { ...state, message: m.profiles_file_gone() });
	const parsed = profileSpecSchema.safeParse(
		bodyOf({ ...values, version: '' }, m.profiles_draft())
	);
	if (!parsed.success) {
		const errors = profileErrors(parsed.error);
		return fail(422, { ...state, errors, message: m.profiles_fix_fields() });
	}
	try {
		const preview = previewProfileDraft(getDb(), actor, kept.file, parsed.data, {
			locale: requestLocale()
		});
		return { ...state, preview: previewForPage(preview) };
	} catch (e) {
		const refusal = messageOf(e);
		if (refusal) return fail(refusal.status, { ...state, message: refusal.message });
		throw e;
	}
}

/** Saves the mapping (a new profile, or a new version of `id`), then lists the profiles. */
export async function save(actor: Actor, request: Request, id: number | null) {
	const form = await request.formData();
	const values = valuesOfForm(form);
	const kept = keptFile(actor, String(form.get('previewId') ?? ''));
	const state = { stage: 'save', file: kept?.kept ?? null, values };
	const parsed =
		id === null
			? profileSpecSchema.safeParse(bodyOf({ ...values, version: '' }))
			: profileUpdateSchema.safeParse(bodyOf(values));
	if (!parsed.success) {
		const errors = profileErrors(parsed.error);
		return fail(422, { ...state, errors, message: m.profiles_fix_fields() });
	}
	let savedId: number;
	try {
		savedId = saveProfileDraft(getDb(), actor, parsed.data, { id, file: kept?.file ?? null }).id;
	} catch (e) {
		const refusal = messageOf(e);
		if (!refusal) throw e;
		const report =
			isAppError(e) && e.status === 422 ? (e.details as ImportReport | undefined) : null;
		return fail(refusal.status, {
			...state,
			message: report ? m.profiles_not_saved_file({ problem: refusal.message }) : refusal.message,
			preview: report
				? { report: forPage(report), series: [], seriesTotal: 0, geographies: 0, periods: 0 }
				: null
		});
	}
	redirect(303, localizeHref(`/imports/profiles?saved=${savedId}`));
}

/** The sheets of a workbook just chosen (the file field's sheet chooser). */
export async function sheets(request: Request) {
	const file = (await request.formData()).get('file');
	if (!file || typeof file === 'string' || file.size > MAX_IMPORT_BYTES) return { sheets: [] };
	return { sheets: await listSheets(new Uint8Array(await file.arrayBuffer())) };
}

/** What the editor offers (indicators, countries, the file limit), in the page language. */
export function editorChoices(actor: Actor | null) {
	const locale = requestLocale();
	return {
		locale,
		indicators: listIndicators(getDb(), actor, { locale }).map((i) => ({
			code: i.code,
			name: i.name
		})),
		countries: listCountries(getDb(), { locale }).map((c) => ({ iso3: c.iso3, name: c.name })),
		maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024
	};
}
