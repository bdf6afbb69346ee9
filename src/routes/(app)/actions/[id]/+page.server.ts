import { validatedBy } from '$lib/server/desk/queue';
import { nationallyApprovedBy, reviewStepsOf } from '$lib/server/review/national';
import { actionTarget, postComment, threadFor } from '$lib/server/desk/comments';
import { commentCreateSchema } from '$lib/schemas/desk';
import { appErrorMessage } from '$lib/i18n/errors';
import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { canEdit, canReadDrafts, canSubmit, canSeeDeleted } from '$lib/server/auth/authz';
import {
	actionHistoryEntries,
	deleteAction,
	getAction,
	indicatorChoices,
	restoreAction
} from '$lib/server/actions';
import { listUpdates, postUpdate } from '$lib/server/actions/updates';
import {
	addEvidence,
	deleteEvidence,
	evidenceBelongsToAction,
	evidenceOfAction
} from '$lib/server/evidence';
import { returnAction, submitAction, validateAction } from '$lib/server/review/actions';
import { listArticles, isoToday } from '$lib/server/declaration/articles';
import { countryName } from '$lib/server/declaration/countries';
import { requestLocale } from '$lib/server/http/locale';
import { pageError } from '$lib/server/http/pages';
import {
	formFailure,
	numberOrUndefined,
	orNull,
	text,
	updateForm
} from '$lib/server/actions/forms';
import { returnSchema } from '$lib/schemas/actions';
import { evidenceCreateSchema } from '$lib/schemas/evidence';
import { AppError } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';

function actionId(raw: string): number {
	if (!/^\d{1,9}$/.test(raw)) error(404, { message: 'Not found' });
	return Number(raw);
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = getDb();
	const actor = locals.actor!;
	const locale = requestLocale();
	const id = actionId(params.id);
	let action;
	try {
		action = getAction(db, actor, id);
	} catch (e) {
		pageError(e);
	}
	const readDrafts = canReadDrafts(actor, action.country) && !action.showingValidated;
	const steps = reviewStepsOf(db, actor, {
		entity: 'action',
		id,
		version: action.version,
		country: action.country,
		reviewState: action.reviewState
	});
	const editable = canEdit(actor, action.country) && !action.deletedAt;
	const articleTitles = new Map(listArticles(db, locale).map((a) => [a.number, a.title]));
	const indicatorNames = new Map(indicatorChoices(db).map((i) => [i.code, i.name]));
	return {
		action: {
			...action,
			countryName: action.country ? countryName(action.country, locale) : null
		},
		articles: action.articles.map((n) => ({ number: n, title: articleTitles.get(n) ?? '' })),
		indicators: action.indicators.map((c) => ({ code: c, name: indicatorNames.get(c) ?? '' })),
		// Issue 17: "Validated by … on …" (from the audit trail).
		validatedBy: validatedBy(db, 'action', id, action.validatedAt),
		nationallyApproved: readDrafts ? nationallyApprovedBy(db, 'action', id) : null,
		updates: readDrafts ? listUpdates(db, actor, id) : [],
		evidence: readDrafts ? evidenceOfAction(db, actor, id) : [],
		history: readDrafts ? actionHistoryEntries(db, actor, id) : [],
		comments: readDrafts && !action.deletedAt ? threadFor(db, actor, actionTarget(db, id)) : null,
		can: {
			readDrafts,
			edit: editable,
			restore: !!action.deletedAt && canSeeDeleted(actor, action.country),
			submit: editable && canSubmit(actor, action.country) && action.reviewState === 'draft',
			validate: !action.deletedAt && steps.validate,
			return: !action.deletedAt && steps.return,
			// Issue 17 §6: it waits for national approval by a focal point of its country.
			national: steps.national
		},
		today: isoToday()
	};
};

const reviewConflict = (e: AppError) => (e.details ? m.review_err_stale() : m.review_err_state());

const at = (id: number, saved: string, hash = '') =>
	localizeHref(`/actions/${id}?saved=${saved}${hash ? `#${hash}` : ''}`);

export const actions: Actions = {
	comment: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const body = String((await request.formData()).get('body') ?? '');
		const parsed = commentCreateSchema.safeParse({ body });
		if (!parsed.success)
			return fail(422, {
				form: 'comment',
				commentBody: body,
				commentError: m.desk_comments_required()
			});
		try {
			postComment(getDb(), locals.actor, actionTarget(getDb(), id), parsed.data.body);
		} catch (e) {
			if (e instanceof AppError)
				return fail(e.status, {
					form: 'comment',
					commentBody: body,
					commentError: appErrorMessage(e)
				});
			throw e;
		}
		redirect(303, at(id, 'comment', 'comments'));
	},
	update: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const { values, parse } = updateForm(await request.formData(), requestLocale());
		try {
			postUpdate(getDb(), locals.actor, id, parse());
		} catch (e) {
			return formFailure('update', e, values, {
				conflict: (e) => (e.details ? m.review_err_stale() : m.actions_err_deleted())
			});
		}
		redirect(303, at(id, 'update', 'timeline'));
	},

	evidence: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const form = await request.formData();
		const values = {
			url: text(form, 'url'),
			title: text(form, 'title'),
			kind: text(form, 'kind'),
			publishedOn: text(form, 'publishedOn'),
			note: text(form, 'note'),
			target: text(form, 'target')
		};
		try {
			const update = /^update:(\d{1,9})$/.exec(values.target);
			const input = evidenceCreateSchema.parse({
				url: values.url,
				title: values.title,
				kind: values.kind || undefined,
				publishedOn: orNull(values.publishedOn),
				note: orNull(values.note),
				target: update ? { type: 'action_update', id: Number(update[1]) } : { type: 'action', id }
			});
			if (input.target.type === 'action_update') {
				const own = listUpdates(getDb(), locals.actor, id).some((u) => u.id === input.target.id);
				if (!own)
					throw new AppError(422, 'invalid', 'Unknown update.', [
						{ path: 'target', message: m.evidence_err_target() }
					]);
			}
			addEvidence(getDb(), locals.actor, input);
		} catch (e) {
			return formFailure('evidence', e, values, {
				fields: { target: () => m.evidence_err_target() },
				conflict: (err) =>
					m.evidence_err_duplicate({
						title:
							(err.details as { duplicateOf?: { title?: string } } | undefined)?.duplicateOf
								?.title ?? ''
					})
			});
		}
		redirect(303, at(id, 'evidence', 'evidence'));
	},

	removeEvidence: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const form = await request.formData();
		const evidenceId = Number(text(form, 'evidenceId'));
		try {
			if (!Number.isInteger(evidenceId) || evidenceId < 1)
				throw new AppError(404, 'not_found', 'No evidence.');
			if (!evidenceBelongsToAction(getDb(), evidenceId, id)) {
				throw new AppError(404, 'not_found', 'No evidence.');
			}
			deleteEvidence(getDb(), locals.actor, evidenceId);
		} catch (e) {
			return formFailure('removeEvidence', e, { evidenceId: String(evidenceId) });
		}
		redirect(303, at(id, 'evidence-removed', 'evidence'));
	},

	delete: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const version = numberOrUndefined(text(await request.formData(), 'version'));
		try {
			deleteAction(getDb(), locals.actor, id, version);
		} catch (e) {
			return formFailure('delete', e, {}, { conflict: (err) => err.message });
		}
		redirect(303, at(id, 'deleted'));
	},

	restore: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const version = numberOrUndefined(text(await request.formData(), 'version'));
		try {
			restoreAction(getDb(), locals.actor, id, version);
		} catch (e) {
			return formFailure('restore', e, {}, { conflict: (err) => err.message });
		}
		redirect(303, at(id, 'restored'));
	},

	submit: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const version = numberOrUndefined(text(await request.formData(), 'version'));
		try {
			submitAction(getDb(), locals.actor, id, { version });
		} catch (e) {
			return formFailure('review', e, {}, { conflict: reviewConflict });
		}
		redirect(303, at(id, 'submitted'));
	},

	validate: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const version = numberOrUndefined(text(await request.formData(), 'version'));
		let state: string;
		try {
			state = validateAction(getDb(), locals.actor, id, { version }).reviewState;
		} catch (e) {
			return formFailure('review', e, {}, { conflict: reviewConflict });
		}
		// a focal point's validate approves nationally: it still waits for the secretariat
		redirect(303, at(id, state === 'validated' ? 'validated' : 'approved'));
	},

	return: async ({ request, params, locals }) => {
		const id = actionId(params.id);
		const form = await request.formData();
		const values = { comment: text(form, 'comment') };
		try {
			const input = returnSchema.parse({
				comment: values.comment,
				version: numberOrUndefined(text(form, 'version'))
			});
			returnAction(getDb(), locals.actor, id, input);
		} catch (e) {
			return formFailure('return', e, values, { conflict: reviewConflict });
		}
		redirect(303, at(id, 'returned'));
	}
};
