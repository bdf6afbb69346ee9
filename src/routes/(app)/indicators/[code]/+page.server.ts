import { fail, redirect } from '@sveltejs/kit';
import { appErrorMessage } from '$lib/i18n/errors';
import { getDb } from '$lib/server/db';
import { indicatorPage } from '$lib/server/progress/indicator-page';
import {
	returnObservation,
	submitDrafts,
	submitObservation,
	validateObservation,
	validateSubmitted
} from '$lib/server/observations';
import { requestLocale } from '$lib/server/http/locale';
import { reviewQueueStage } from '$lib/server/auth/authz';
import { isAppError } from '$lib/server/http/errors';
import { pageError } from '$lib/server/http/pages';
import { returnSchema } from '$lib/schemas/observations';
import { commentCreateSchema } from '$lib/schemas/desk';
import { observationGroupTarget, postComment } from '$lib/server/desk/comments';
import { m } from '$lib/paraglide/messages';
import { METHODS, type Method } from '$lib/progress';
import { formErrors } from '../forms';
import { readThrough } from '$lib/server/cache';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// Computed once per data version, reader and address (see $lib/server/cache).
export const load = (event: Parameters<PageServerLoad>[0]) =>
	readThrough(
		getDb(),
		event.locals.actor,
		`indicator|${event.params.code}|${event.url.search}|${requestLocale()}`,
		() => loadIndicatorPage(event)
	);

async function loadIndicatorPage({ locals, params, url }: Parameters<PageServerLoad>[0]) {
	const asked = url.searchParams.get('method');
	try {
		return indicatorPage(getDb(), locals.actor, params.code, {
			method: (METHODS as readonly string[]).includes(asked ?? '') ? (asked as Method) : null,
			country: url.searchParams.get('country') ?? '',
			allCorridors: url.searchParams.get('corridors') === 'all',
			history: url.searchParams.get('history'),
			periodsPage: Number(url.searchParams.get('periods') ?? 1),
			locale: requestLocale(),
			countryHref: (iso3) =>
				localizeHref(`/indicators/${encodeURIComponent(params.code)}?country=${iso3}`)
		});
	} catch (e) {
		pageError(e);
	}
}

function back(url: URL, done: string): never {
	const next = new URL(url);
	next.search = '';
	for (const key of ['country', 'method']) {
		const v = url.searchParams.get(key);
		if (v) next.searchParams.set(key, v);
	}
	next.searchParams.set('done', done);
	redirect(303, next.pathname + next.search + '#values');
}

/** A focal point's validate is a national approval (issue 17 §6): it still waits for the secretariat. */
const validatedOrApproved = (actor: App.Locals['actor']) =>
	reviewQueueStage(actor) === 'national' ? 'approved' : 'validated';

async function reviewAction(
	request: Request,
	run: (id: number, form: FormData) => void
): Promise<{ failed: ReturnType<typeof fail> } | null> {
	const form = await request.formData();
	const id = Number(form.get('id'));
	try {
		run(id, form);
		return null;
	} catch (e) {
		if (isAppError(e))
			return { failed: fail(e.status, { id, message: appErrorMessage(e), errors: {} }) };
		throw e;
	}
}

export const actions: Actions = {
	submit: async ({ request, locals, params, url }) => {
		const r = await reviewAction(request, (id) =>
			submitObservation(getDb(), locals.actor, params.code, id)
		);
		if (r) return r.failed;
		back(url, 'submitted');
	},
	validate: async ({ request, locals, params, url }) => {
		const r = await reviewAction(request, (id) =>
			validateObservation(getDb(), locals.actor, params.code, id)
		);
		if (r) return r.failed;
		back(url, validatedOrApproved(locals.actor));
	},
	return: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const id = Number(form.get('id'));
		const parsed = returnSchema.safeParse({ comment: String(form.get('comment') ?? '') });
		if (!parsed.success) return fail(422, { id, message: null, errors: formErrors(parsed.error) });
		try {
			returnObservation(getDb(), locals.actor, params.code, id, parsed.data.comment);
		} catch (e) {
			if (isAppError(e)) return fail(e.status, { id, message: appErrorMessage(e), errors: {} });
			throw e;
		}
		back(url, 'returned');
	},
	validateAll: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const country = String(form.get('country') ?? '');
		try {
			validateSubmitted(getDb(), locals.actor, params.code, country === 'REGION' ? null : country);
		} catch (e) {
			if (isAppError(e))
				return fail(e.status, { id: null, message: appErrorMessage(e), errors: {} });
			throw e;
		}
		back(url, validatedOrApproved(locals.actor));
	},
	comment: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const body = String(form.get('body') ?? '');
		const parsed = commentCreateSchema.safeParse({ body });
		if (!parsed.success)
			return fail(422, { commentBody: body, commentError: m.desk_comments_required() });
		const raw = (url.searchParams.get('country') ?? '').toUpperCase();
		try {
			const db = getDb();
			const target = observationGroupTarget(db, params.code, raw === 'REGION' ? null : raw);
			postComment(db, locals.actor, target, parsed.data.body);
		} catch (e) {
			if (isAppError(e))
				return fail(e.status, { commentBody: body, commentError: appErrorMessage(e) });
			throw e;
		}
		redirect(303, `${url.pathname}?country=${encodeURIComponent(raw || 'REGION')}#comments`);
	},
	submitAll: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const country = String(form.get('country') ?? '');
		try {
			submitDrafts(getDb(), locals.actor, params.code, country === 'REGION' ? null : country);
		} catch (e) {
			if (isAppError(e))
				return fail(e.status, { id: null, message: appErrorMessage(e), errors: {} });
			throw e;
		}
		back(url, 'submitted');
	}
};
