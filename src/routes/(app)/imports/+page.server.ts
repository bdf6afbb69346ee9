import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeImportMessage } from '$lib/i18n/imports';
import { appErrorMessage } from '$lib/i18n/errors';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { assert, canRevertImport, isAdmin, type Actor } from '$lib/server/auth/authz';
import { listDimensionMappings } from '$lib/server/import/mappings';
import { listImportProfiles, withSavedProfile } from '$lib/server/import/profiles';
import { addMapping, deleteMapping } from './mapping-actions';
import { listIndicators } from '$lib/server/indicators/catalogue';
import { listCountries } from '$lib/server/declaration/countries';
import { runImport, type ImportReport } from '$lib/server/import/pipeline';
import type { ExistingPolicy } from '$lib/server/import/ranking';
import { listImportRuns, revertImportRun, type RevertConflictRow } from '$lib/server/import/runs';
import { readUpload } from '$lib/server/import/http';
import { listSheets } from '$lib/server/import/xlsx';
import { dropPreview, fileSample, loadPreview, savePreview } from '$lib/server/import/previews';
import { requestLocale } from '$lib/server/http/locale';
import { isAppError } from '$lib/server/http/errors';
import { storageFault } from '$lib/server/health/faults';
import { pageError } from '$lib/server/http/pages';
import { importOptionsSchema, MAX_IMPORT_BYTES } from '$lib/schemas/imports';
import type { Actions, PageServerLoad } from './$types';

/** Changes of a preview listed on the page. */
const CHANGES_SHOWN = 200;
/** Flagged values and removals listed on the page (the API lists them all). */
const CHECKS_SHOWN = 100;

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const locale = requestLocale();
	try {
		assert.import(locals.actor);
		const runs = listImportRuns(db, locals.actor, 15);
		const doneId = Number(url.searchParams.get('done'));
		const undoneId = Number(url.searchParams.get('undone'));
		return {
			locale,
			runs,
			canRevert: canRevertImport(locals.actor),
			mappings: isAdmin(locals.actor) ? listDimensionMappings(db, locals.actor) : null,
			profiles: listImportProfiles(db, locals.actor).map((p) => ({
				id: p.id,
				name: p.name,
				indicator: p.indicator
			})),
			/** `/imports?profile={id}` (from the profiles page): that profile chosen. */
			profileChosen: (url.searchParams.get('profile') ?? '').replace(/\D/g, '').slice(0, 9),
			done: runs.find((r) => r.id === doneId) ?? null,
			undone: runs.find((r) => r.id === undoneId && r.revertedAt) ?? null,
			indicators: listIndicators(db, locals.actor, { locale }).map((i) => ({
				code: i.code,
				name: i.name
			})),
			countries: listCountries(db, { locale }).map((c) => ({
				iso3: c.iso3,
				name: c.name,
				member: c.member
			})),
			maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024
		};
	} catch (e) {
		pageError(e);
	}
};

/** The first changes of a report, for the page (the API gives them all), with their total. */
function forPage(report: ImportReport) {
	return {
		...report,
		changes: report.changes.slice(0, CHANGES_SHOWN),
		changesTotal: report.changes.length,
		outliers: report.outliers.slice(0, CHECKS_SHOWN),
		outliersTotal: report.outliers.length,
		removals: report.removals.slice(0, CHECKS_SHOWN),
		removalsTotal: report.removals.length
	};
}

/** Signed out meanwhile (or never signed in): the sign-in page, then back here — not a 500. */
function signedIn(actor: Actor | null): Actor {
	if (!actor) redirect(303, localizeHref(`/signin?redirectTo=${encodeURIComponent('/imports')}`));
	return actor;
}

export const actions: Actions = {
	/** Dry run: reads and checks the file, keeps it for the commit, answers the report. */
	preview: async ({ request, locals }) => {
		const actor = signedIn(locals.actor);
		const form = await request.formData();
		const file = form.get('file');
		const options = {
			format: String(form.get('format') ?? ''),
			indicator: String(form.get('indicator') ?? ''),
			country: String(form.get('country') ?? ''),
			sheet: String(form.get('sheet') ?? ''),
			profile: String(form.get('profile') ?? ''),
			series: form.get('series') === 'replace' ? 'replace' : '',
			existing: String(form.get('existing') ?? '')
		};
		if (!file || typeof file === 'string' || file.size === 0) {
			return fail(400, {
				stage: 'preview',
				options,
				message: m.imports_choose_file(),
				report: null
			});
		}
		if (file.size > MAX_IMPORT_BYTES) {
			return fail(413, {
				stage: 'preview',
				options,
				message: m.imports_too_large({ size: String(MAX_IMPORT_BYTES / 1024 / 1024) }),
				report: null
			});
		}
		const parsed = importOptionsSchema.safeParse({ ...options, fileName: file.name });
		if (!parsed.success) {
			return fail(400, {
				stage: 'preview',
				options,
				message: m.imports_bad_options(),
				report: null
			});
		}
		const bytes = new Uint8Array(await file.arrayBuffer());
		try {
			const { text, spreadsheet } = await readUpload(bytes, parsed.data.sheet);
			const input = withSavedProfile(getDb(), actor, {
				text: '',
				profileId: parsed.data.profile ? Number(parsed.data.profile) : null,
				fileName: file.name,
				format: (parsed.data.format ?? null) as ImportReport['format'],
				indicator: parsed.data.indicator ?? null,
				country: parsed.data.country ?? null,
				series: parsed.data.series === 'replace' ? ('replace' as const) : null,
				existing: (parsed.data.existing ?? null) as ExistingPolicy | null,
				spreadsheet
			});
			const report = runImport(getDb(), actor, { ...input, text, dryRun: true });
			const previewId = savePreview(actor.id, text, input);
			return {
				stage: 'preview',
				options,
				report: forPage(report),
				sample: fileSample(text, spreadsheet),
				previewId,
				message: null
			};
		} catch (e) {
			const fault = storageFault(e);
			if (fault)
				return fail(fault.status, {
					stage: 'preview',
					options,
					message: appErrorMessage(fault),
					report: null
				});
			if (isAppError(e))
				return fail(e.status, {
					stage: 'preview',
					options,
					message: localizeImportMessage(e.message).text,
					report: null
				});
			throw e;
		}
	},

	/** The sheets of a workbook just chosen (the sheet chooser appears when it has several). */
	sheets: async ({ request, locals }) => {
		signedIn(locals.actor);
		const file = (await request.formData()).get('file');
		if (!file || typeof file === 'string' || file.size > MAX_IMPORT_BYTES) return { sheets: [] };
		return { sheets: await listSheets(new Uint8Array(await file.arrayBuffer())) };
	},

	/** Commit of a previewed file: all rows, or the valid rows only when asked. */
	commit: async ({ request, locals }) => {
		const actor = signedIn(locals.actor);
		const form = await request.formData();
		const previewId = String(form.get('previewId') ?? '');
		const validOnly = form.get('validOnly') === 'on' || form.get('validOnly') === 'true';
		const confirmed = form.get('confirmOutliers') === 'on';
		let runId: number | null;
		try {
			const { text, options } = loadPreview(actor.id, previewId);
			if (!confirmed) {
				// Outliers (issue 15 §7): flagged values import once the user has looked at them.
				const check = runImport(getDb(), actor, { ...options, text, dryRun: true, validOnly });
				if (check.outliers.length > 0) {
					return fail(422, {
						stage: 'commit',
						options: null,
						report: forPage(check),
						previewId,
						message: m.intake_confirm_outliers_needed()
					});
				}
			}
			const report = runImport(getDb(), actor, { ...options, text, dryRun: false, validOnly });
			dropPreview(previewId);
			runId = report.importRunId;
		} catch (e) {
			// A full disk or a locked database: nothing was written; the preview and its commit
			// button stay, to try again once the administrator has made room.
			const fault = storageFault(e);
			if (fault) {
				return fail(fault.status, {
					stage: 'commit',
					options: null,
					report: previewReport(actor, previewId),
					previewId,
					message: appErrorMessage(fault)
				});
			}
			if (isAppError(e)) {
				const report = e.code === 'import_rejected' ? (e.details as ImportReport) : null;
				return fail(e.status, {
					stage: 'commit',
					options: null,
					report: report ? { ...forPage(report), dryRun: true } : null,
					previewId: report ? previewId : null,
					message: report
						? m.imports_rejected({ count: String(report.errors.length) })
						: localizeImportMessage(e.message).text
				});
			}
			throw e;
		}
		redirect(303, localizeHref(`/imports?done=${runId}`));
	},

	/** Admins: adds a dimension mapping (the next import uses it). */
	addMapping: async ({ request, locals }) => addMapping(signedIn(locals.actor), request),

	/** Admins: deletes a mapping they added, after the confirmation step of its row. */
	deleteMapping: async ({ request, locals }) => deleteMapping(signedIn(locals.actor), request),

	/** Undo of a run (admins), after the confirmation step of the runs table. */
	revert: async ({ request, locals }) => {
		const actor = signedIn(locals.actor);
		const form = await request.formData();
		const id = Number(form.get('id'));
		try {
			revertImportRun(getDb(), actor, id);
		} catch (e) {
			if (isAppError(e)) {
				const rows = (e.details as { rows?: RevertConflictRow[] } | undefined)?.rows ?? [];
				return fail(e.status, {
					stage: 'revert',
					options: null,
					report: null,
					revertId: id,
					revertRows: rows,
					message:
						e.status === 409 && rows.length > 0
							? m.history_undo_conflict({ count: String(rows.length) })
							: appErrorMessage(e)
				});
			}
			throw e;
		}
		redirect(303, localizeHref(`/imports?undone=${id}`));
	}
};

/** The dry-run report of a kept preview again (reads only), or null when it is gone. */
function previewReport(actor: Actor, previewId: string): ReturnType<typeof forPage> | null {
	try {
		const { text, options } = loadPreview(actor.id, previewId);
		return forPage(runImport(getDb(), actor, { ...options, text, dryRun: true }));
	} catch {
		return null;
	}
}
