// Form actions of the actions, evidence, users, account and review pages: reading form
// fields, and turning a refusal (zod or a service's AppError) into `fail()` with field
// errors in the page's language and the values kept.
import { fail, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { localizeHref } from '$lib/paraglide/runtime';
import { ZodError } from 'zod';
import { actionUpdateSchema } from '$lib/schemas/actions';
import { m } from '$lib/paraglide/messages';
import { AppError } from '../http/errors';
import { storageFault } from '../health/faults';
import { appErrorMessage } from '$lib/i18n/errors';

export type FieldErrors = Record<string, string>;

function currentUrl(): URL | null {
	try {
		return getRequestEvent().url;
	} catch {
		return null;
	}
}

export interface FormFailure<V> {
	/** Which form of the page failed (pages with several forms show errors in the right one). */
	form: string;
	values: V;
	errors: FieldErrors;
	message: string;
	conflict?: unknown;
}

export function text(form: FormData, key: string): string {
	const v = form.get(key);
	return typeof v === 'string' ? v : '';
}

export function texts(form: FormData, key: string): string[] {
	return form.getAll(key).filter((v): v is string => typeof v === 'string');
}

/** '' → null (an empty date or select), else the text. */
export function orNull(v: string): string | null {
	return v.trim() === '' ? null : v.trim();
}

/**
 * A date as a form's date field shows it, as YYYY-MM-DD: the ISO form browsers send, or the
 * day/month/year a person types where the field is plain text (month/day/year in English).
 * Anything else is returned as typed, for the schema to refuse.
 */
export function formDate(v: string, locale: string): string {
	const t = v.trim();
	const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
	if (!m) return t;
	const [a, b] = [Number(m[1]), Number(m[2])];
	const [day, month] = locale === 'en' ? [b, a] : [a, b];
	if (month < 1 || month > 12 || day < 1 || day > 31) return t;
	return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The progress-update form: what was typed (to show again) and the input for postUpdate. */
export function updateForm(form: FormData, locale: string) {
	const values = {
		date: text(form, 'date'),
		note: text(form, 'note'),
		status: text(form, 'status'),
		percentComplete: text(form, 'percentComplete'),
		version: text(form, 'version')
	};
	const parse = () =>
		actionUpdateSchema.parse({
			date: formDate(values.date, locale),
			note: values.note,
			status: orNull(values.status),
			percentComplete: numberOrUndefined(values.percentComplete) ?? null,
			version: numberOrUndefined(values.version)
		});
	return { values, parse };
}

/** A whole number typed in a form ('' → undefined; anything else → a number, NaN if not one). */
export function numberOrUndefined(v: string): number | undefined {
	return v.trim() === '' ? undefined : Number(v.trim());
}

export function fieldErrors(
	issues: { path: string | PropertyKey[]; message: string }[]
): FieldErrors {
	const errors: FieldErrors = {};
	for (const i of issues) {
		const key = (Array.isArray(i.path) ? String(i.path[0] ?? '') : i.path.split('.')[0]) || 'form';
		errors[key] ??= i.message;
	}
	return errors;
}

export interface FailureOptions {
	/** Messages for field issues a service raised (its own are in English for the API). */
	fields?: Record<string, () => string>;
	/** The message for a 409 (stale version, duplicate, review state). */
	conflict?: (e: AppError) => string;
}

/** Turns a refusal into `fail(status, {form, values, errors, message})`; rethrows anything else. */
export function formFailure<V>(form: string, e: unknown, values: V, opts: FailureOptions = {}) {
	if (e instanceof ZodError) {
		return fail(422, {
			form,
			values,
			errors: fieldErrors(e.issues),
			message: m.actions_form_invalid()
		} satisfies FormFailure<V>);
	}
	// A full disk or a locked database: 507 / 503 with the values kept and what happened.
	const fault = storageFault(e);
	if (fault) {
		return fail(fault.status, {
			form,
			values,
			errors: {},
			message: appErrorMessage(fault),
			conflict: null
		} satisfies FormFailure<V>);
	}
	if (!(e instanceof AppError)) throw e;
	if (e.status === 401) {
		// Signed out meanwhile (or never signed in): the sign-in page, then back here.
		const url = currentUrl();
		redirect(
			303,
			localizeHref(`/signin?redirectTo=${encodeURIComponent(url ? url.pathname : '/')}`)
		);
	}
	if (e.status === 422 || e.status === 400) {
		const errors = fieldErrors(e.issues);
		for (const key of Object.keys(errors)) {
			const local = opts.fields?.[key];
			if (local) errors[key] = local();
		}
		return fail(422, {
			form,
			values,
			errors,
			message: m.actions_form_invalid()
		} satisfies FormFailure<V>);
	}
	const message =
		e.status === 403
			? m.actions_err_forbidden()
			: e.status === 404
				? m.actions_err_not_found()
				: e.status === 409
					? (opts.conflict?.(e) ?? m.review_err_state())
					: m.actions_err_generic();
	return fail(e.status, {
		form,
		values,
		errors: {},
		message,
		conflict: e.status === 409 ? (e.details ?? null) : null
	} satisfies FormFailure<V>);
}

/**
 * Query parameters of a list page, parsed leniently: empty fields are left out, and a
 * parameter that does not fit is dropped (a page never fails on a hand-edited URL).
 */
export function lenientQuery<T>(
	url: URL,
	schema: {
		safeParse: (
			v: unknown
		) =>
			| { success: true; data: T }
			| { success: false; error: { issues: { path: PropertyKey[]; keys?: string[] }[] } };
	},
	ignore: string[] = []
): T {
	const raw: Record<string, string> = {};
	for (const [k, v] of url.searchParams) if (v.trim() !== '' && !ignore.includes(k)) raw[k] = v;
	for (let attempt = 0; attempt < 5; attempt++) {
		const r = schema.safeParse(raw);
		if (r.success) return r.data;
		for (const i of r.error.issues) {
			for (const k of i.keys ?? []) delete raw[k];
			if (i.path.length) delete raw[String(i.path[0])];
		}
	}
	const r = schema.safeParse({});
	return r.success ? r.data : ({} as T);
}

/** The action form as typed (strings), kept to show it again after a refusal. */
export interface ActionFormValues {
	title: string;
	description: string;
	/** '' (not chosen), 'regional', or an ISO3 code. */
	country: string;
	articles: string[];
	leadAgency: string;
	status: string;
	percentComplete: string;
	startDate: string;
	dueDate: string;
	completedOn: string;
	indicators: string[];
	language: string;
	version: string;
}

export function actionFormValues(form: FormData): ActionFormValues {
	return {
		title: text(form, 'title'),
		description: text(form, 'description'),
		country: text(form, 'country'),
		articles: texts(form, 'articles'),
		leadAgency: text(form, 'leadAgency'),
		status: text(form, 'status'),
		percentComplete: text(form, 'percentComplete'),
		startDate: text(form, 'startDate'),
		dueDate: text(form, 'dueDate'),
		completedOn: text(form, 'completedOn'),
		indicators: texts(form, 'indicators'),
		language: text(form, 'language'),
		version: text(form, 'version')
	};
}

/** The typed object the zod schemas check, from the form's strings. */
export function actionInputFrom(v: ActionFormValues, opts: { withVersion?: boolean } = {}) {
	const input: Record<string, unknown> = {
		title: v.title,
		description: v.description,
		country: v.country === '' ? undefined : v.country === 'regional' ? null : v.country,
		articles: v.articles.map((a) => Number(a)),
		leadAgency: v.leadAgency,
		status: v.status || undefined,
		percentComplete: numberOrUndefined(v.percentComplete),
		startDate: orNull(v.startDate),
		dueDate: orNull(v.dueDate),
		completedOn: orNull(v.completedOn),
		indicators: v.indicators,
		language: v.language || undefined
	};
	if (opts.withVersion) input.version = numberOrUndefined(v.version);
	return input;
}

export function actionValuesOf(a: {
	title: string;
	description: string;
	country: string | null;
	articles: number[];
	leadAgency: string;
	status: string;
	percentComplete: number;
	startDate: string | null;
	dueDate: string | null;
	completedOn: string | null;
	indicators: string[];
	language: string;
	version?: number;
}): ActionFormValues {
	return {
		title: a.title,
		description: a.description,
		country: a.country ?? 'regional',
		articles: a.articles.map(String),
		leadAgency: a.leadAgency,
		status: a.status,
		percentComplete: String(a.percentComplete),
		startDate: a.startDate ?? '',
		dueDate: a.dueDate ?? '',
		completedOn: a.completedOn ?? '',
		indicators: a.indicators,
		language: a.language,
		version: a.version ? String(a.version) : ''
	};
}

/** Localised messages for the issues the actions service raises itself. */
export const ACTION_FIELD_MESSAGES: Record<string, () => string> = {
	country: () => m.actions_err_country_member(),
	articles: () => m.actions_err_article(),
	indicators: () => m.actions_err_indicator()
};

/** Localised messages for the issues the users service raises itself. */
export const USER_FIELD_MESSAGES: Record<string, () => string> = {
	countries: () => m.users_err_countries(),
	email: () => m.users_err_email(),
	active: () => m.users_err_self(),
	role: () => m.users_err_self(),
	currentPassword: () => m.account_err_wrong()
};
