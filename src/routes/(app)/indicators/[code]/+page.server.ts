import { fail, redirect } from '@sveltejs/kit';
import { appErrorMessage } from '$lib/i18n/errors';
import { getDb } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import {
	canEdit,
	canSubmit,
	canValidate,
	canImport,
	canManageIndicators
} from '$lib/server/auth/authz';
import { getIndicator } from '$lib/server/indicators/catalogue';
import { countryName, listCountries } from '$lib/server/declaration/countries';
import {
	allMethodVerdicts,
	countryVerdict,
	disaggregateRanking,
	siteDefaultMethod,
	indicatorChartData,
	indicatorVerdicts,
	memberScopes,
	ownAndRegional
} from '$lib/server/progress';
import {
	listObservations,
	observationHistory,
	returnObservation,
	submitDrafts,
	submitObservation,
	validateObservation,
	validateSubmitted
} from '$lib/server/observations';
import { requestLocale } from '$lib/server/http/locale';
import { isAppError } from '$lib/server/http/errors';
import { pageError } from '$lib/server/http/pages';
import { returnSchema } from '$lib/schemas/observations';
import { commentCreateSchema } from '$lib/schemas/desk';
import { observationGroupTarget, postComment, threadFor } from '$lib/server/desk/comments';
import { METHODS, type Method } from '$lib/progress';
import { formErrors } from '../forms';
import { readThrough } from '$lib/server/cache';
import { verdictsRegionMap } from '$lib/server/maps/entries';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** Most series drawn at once for one country; the rest are in the table and the CSV. */
const MAX_SERIES = 10;

// Computed once per data version, reader and address (see $lib/server/cache).
export const load = (event: Parameters<PageServerLoad>[0]) =>
	readThrough(
		getDb(),
		event.locals.actor,
		`indicator|${event.params.code}|${event.url.search}|${requestLocale()}`,
		() => loadIndicatorPage(event)
	);

async function loadIndicatorPage({ locals, params, url }: Parameters<PageServerLoad>[0]) {
	const db = getDb();
	const actor = locals.actor;
	const locale = requestLocale();
	const asked = url.searchParams.get('method');
	const requested = (METHODS as readonly string[]).includes(asked ?? '') ? (asked as Method) : null;
	const allCorridors = url.searchParams.get('corridors') === 'all';
	const raw = (url.searchParams.get('country') ?? '').trim().toUpperCase();
	try {
		const indicator = getIndicator(db, actor, params.code, { locale });
		const method = requested ?? indicator.defaultMethod ?? siteDefaultMethod(db);
		const verdicts = indicatorVerdicts(db, actor, indicator.code, method, { locale });
		const members = listCountries(db, { member: true, locale });
		const memberSet = new Set(members.map((c) => c.iso3));
		const withData = new Set(verdicts.map((v) => v.country ?? 'REGION'));
		const options = [
			...members.map((c) => ({ value: c.iso3, name: c.name, hasData: withData.has(c.iso3) })),
			...(withData.has('REGION') ? [{ value: 'REGION', name: '', hasData: true }] : []),
			...verdicts
				.filter((v) => v.country && !memberSet.has(v.country))
				.map((v) => ({ value: v.country!, name: countryName(v.country!, locale), hasData: true }))
				.sort((a, b) => a.name.localeCompare(b.name, locale))
		];
		const selected =
			raw === 'REGION' || /^[A-Z]{3}$/.test(raw)
				? options.some((o) => o.value === raw)
					? raw
					: null
				: null;
		const base = {
			indicator: { ...indicator, actions: ownAndRegional(indicator.actions, selected) },
			method,
			defaultMethod: indicator.defaultMethod ?? siteDefaultMethod(db),
			allCorridors,
			locale,
			options,
			selected,
			selectedName:
				selected === null ? null : selected === 'REGION' ? '' : countryName(selected, locale),
			map: verdictsRegionMap(db, verdicts, locale, (iso3) =>
				localizeHref(`/indicators/${encodeURIComponent(indicator.code)}?country=${iso3}`)
			),
			can: {
				manage: canManageIndicators(actor),
				import: canImport(actor),
				edit: selected === null ? false : canEdit(actor, selected === 'REGION' ? null : selected),
				submit:
					selected === null ? false : canSubmit(actor, selected === 'REGION' ? null : selected),
				validate: canValidate(actor)
			}
		};
		const target =
			indicator.targetValue !== null
				? { value: indicator.targetValue, year: indicator.targetYear ?? 2030 }
				: null;

		if (selected === null) {
			const scopes = memberScopes(db);
			const chart = indicatorChartData(db, actor, indicator.code, { locale });
			return {
				...base,
				target,
				overview: {
					verdicts: verdicts
						.filter((v) => scopes.includes(v.country ?? ''))
						.map((v) => ({
							...v,
							name: v.country ? countryName(v.country, locale) : ''
						}))
						.sort((a, b) =>
							a.country === null
								? 1
								: b.country === null
									? -1
									: a.name.localeCompare(b.name, locale)
						),
					chart,
					ranking:
						indicator.ceiling !== null
							? disaggregateRanking(db, actor, indicator.code, {
									locale,
									allCountries: allCorridors
								})
							: []
				},
				country: null
			};
		}

		const scope = selected === 'REGION' ? null : selected;
		const verdict =
			verdicts.find((v) => (v.country ?? 'REGION') === selected) ??
			countryVerdict(db, actor, indicator.code, scope, method, { locale });
		const comparison = allMethodVerdicts(db, actor, indicator.code, scope, { locale });
		const chart = indicatorChartData(db, actor, indicator.code, {
			country: selected,
			locale
		});
		let series = chart.series;
		const total = series.length;
		if (series.length > MAX_SERIES) {
			const latest = (s: (typeof series)[number]) => s.points[s.points.length - 1]?.value ?? 0;
			const sign = indicator.direction === 'decrease' ? -1 : 1;
			const headline = series.filter((s) => s.kind === 'headline');
			const rest = series
				.filter((s) => s.kind !== 'headline')
				.sort((a, b) => sign * (latest(a) - latest(b)))
				.slice(0, MAX_SERIES - headline.length);
			series = [...headline, ...rest];
		}
		return {
			...base,
			target,
			overview: null,
			country: {
				verdict,
				comparison,
				series,
				totalSeries: total,
				ranking:
					indicator.ceiling !== null
						? disaggregateRanking(db, actor, indicator.code, { country: selected, locale })
						: [],
				observations: listObservations(db, actor, indicator.code, { country: selected, locale }),
				history: historyOf(db, actor, indicator.code, url.searchParams.get('history')),
				comments: threadFor(db, actor, observationGroupTarget(db, indicator.code, scope))
			}
		};
	} catch (e) {
		pageError(e);
	}
}

/** The history of one value asked for by ?history= (the disclosure without JavaScript). */
function historyOf(
	db: ReturnType<typeof getDb>,
	actor: Parameters<typeof observationHistory>[1],
	code: string,
	raw: string | null
) {
	const id = Number(raw);
	if (!raw || !Number.isSafeInteger(id) || id < 1 || !actor) return null;
	try {
		return { id, items: observationHistory(db, actor, code, id).items };
	} catch (e) {
		if (isAppError(e)) return null;
		throw e;
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
		back(url, 'validated');
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
		back(url, 'validated');
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
