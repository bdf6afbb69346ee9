import { fail, redirect } from '@sveltejs/kit';
import { appErrorMessage } from '$lib/i18n/errors';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { requireActor } from '$lib/server/auth/authz';
import { getIndicator } from '$lib/server/indicators/catalogue';
import { entryChoices, upsertObservations } from '$lib/server/observations';
import { flagsOfEntry } from '$lib/server/observations/outliers';
import { normalisePeriod } from '$lib/server/import';
import { requestLocale } from '$lib/server/http/locale';
import { isAppError } from '$lib/server/http/errors';
import { pageError } from '$lib/server/http/pages';
import {
	observationInputSchema,
	parseDisaggregationText,
	type ObservationInput
} from '$lib/schemas/observations';
import { formErrors, numberOrNull, text, translateMessage } from '../../forms';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = [
	'country',
	'period',
	'disaggregation',
	'value',
	'status',
	'source',
	'note'
] as const;
type RowValues = Record<(typeof FIELDS)[number], string>;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDb();
	const locale = requestLocale();
	try {
		const actor = requireActor(locals.actor);
		const indicator = getIndicator(db, actor, params.code, { locale });
		const { choices, country } = entryChoices(
			db,
			actor,
			url.searchParams.get('country') ?? '',
			locale
		);
		const rows = Math.min(40, Math.max(1, Number(url.searchParams.get('rows')) || 6));
		return {
			indicator: {
				code: indicator.code,
				name: indicator.name,
				unit: indicator.unit,
				scaleMin: indicator.scaleMin,
				scaleMax: indicator.scaleMax
			},
			choices,
			country,
			rows,
			locale
		};
	} catch (e) {
		pageError(e);
	}
};

function rowValues(form: FormData, prefix = ''): RowValues {
	const out = {} as RowValues;
	for (const f of FIELDS) out[f] = text(form, prefix + f);
	return out;
}

/** One row of the form → the input of observationInputSchema, or a field error. */
function toInput(
	v: RowValues,
	extra: Record<string, unknown> = {}
): { input?: ObservationInput; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	let disaggregation: Record<string, string> = {};
	try {
		disaggregation = parseDisaggregationText(v.disaggregation);
	} catch {
		errors.disaggregation = m.observations_v_disagg_text();
	}
	const period = normalisePeriod(v.period);
	const parsed = observationInputSchema.safeParse({
		country: v.country === 'REGION' || v.country === '' ? null : v.country,
		period: period ? period.period : v.period,
		disaggregation,
		value: numberOrNull(v.value) ?? undefined,
		status: v.status || (period?.provisional ? 'provisional' : 'final'),
		source: v.source || null,
		note: v.note || null,
		...extra
	});
	if (!parsed.success) Object.assign(errors, formErrors(parsed.error), errors);
	return parsed.success && Object.keys(errors).length === 0
		? { input: parsed.data, errors }
		: { errors };
}

function done(code: string, country: string): never {
	redirect(
		303,
		localizeHref(
			`/indicators/${encodeURIComponent(code)}?country=${encodeURIComponent(country || 'REGION')}&done=saved#values`
		)
	);
}

export const actions: Actions = {
	one: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = {
			...rowValues(form),
			evidenceUrl: text(form, 'evidenceUrl'),
			evidenceTitle: text(form, 'evidenceTitle')
		};
		const evidence =
			values.evidenceUrl || values.evidenceTitle
				? {
						evidence: { url: values.evidenceUrl, title: values.evidenceTitle || values.evidenceUrl }
					}
				: {};
		const { input, errors } = toInput(values, evidence);
		if (!input) {
			for (const k of Object.keys(errors)) {
				if (k.startsWith('evidence.url')) errors.evidenceUrl = errors[k];
				if (k.startsWith('evidence.title')) errors.evidenceTitle = errors[k];
			}
			return fail(422, { form: 'one', values, errors, message: null });
		}
		// Outliers (issue 15 §7): a value far from its series is saved once the user confirms it.
		const outliers = flagsOfEntry(getDb(), params.code, input);
		if (outliers.length > 0 && form.get('confirmOutliers') !== 'on') {
			return fail(422, {
				form: 'one',
				values,
				errors: {} as Record<string, string>,
				message: null,
				outliers
			});
		}
		try {
			upsertObservations(getDb(), locals.actor, params.code, [input], { origin: 'form' });
		} catch (e) {
			if (isAppError(e)) {
				const errs: Record<string, string> = {};
				for (const i of e.issues)
					errs[i.path.replace(/^observations\.0\.?/, '') || 'value'] = translateMessage(i.message);
				return fail(e.status, { form: 'one', values, errors: errs, message: appErrorMessage(e) });
			}
			throw e;
		}
		done(params.code, values.country);
	},
	table: async ({ request, locals, params }) => {
		const form = await request.formData();
		const count = Math.min(40, Number(form.get('rows')) || 0);
		const rows: RowValues[] = [];
		for (let i = 0; i < count; i++) rows.push(rowValues(form, `rows.${i}.`));
		const errors: Record<string, string> = {};
		const inputs: ObservationInput[] = [];
		const index: number[] = [];
		rows.forEach((row, i) => {
			if (!row.period && !row.value && !row.disaggregation) return;
			const r = toInput(row);
			if (r.input) {
				inputs.push(r.input);
				index.push(i);
			} else for (const [k, msg] of Object.entries(r.errors)) errors[`rows.${i}.${k}`] = msg;
		});
		if (Object.keys(errors).length === 0 && inputs.length === 0) {
			errors._form = m.observations_table_empty();
		}
		if (Object.keys(errors).length > 0)
			return fail(422, { form: 'table', rows, errors, message: null });
		try {
			upsertObservations(getDb(), locals.actor, params.code, inputs, { origin: 'form' });
		} catch (e) {
			if (isAppError(e)) {
				const errs: Record<string, string> = {};
				for (const issue of e.issues) {
					const m1 = /^observations\.(\d+)\.?(.*)$/.exec(issue.path);
					if (m1)
						errs[`rows.${index[Number(m1[1])]}.${m1[2] || 'value'}`] = translateMessage(
							issue.message
						);
				}
				return fail(e.status, { form: 'table', rows, errors: errs, message: appErrorMessage(e) });
			}
			throw e;
		}
		done(params.code, rows.find((r) => r.country)?.country ?? '');
	}
};
