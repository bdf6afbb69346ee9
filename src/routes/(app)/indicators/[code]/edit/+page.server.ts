import { fail, redirect } from '@sveltejs/kit';
import { appErrorMessage } from '$lib/i18n/errors';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import { assert } from '$lib/server/auth/authz';
import {
	getIndicator,
	updateIndicator,
	type IndicatorDetail
} from '$lib/server/indicators/catalogue';
import { listArticles } from '$lib/server/declaration/articles';
import { requestLocale } from '$lib/server/http/locale';
import { isAppError } from '$lib/server/http/errors';
import { pageError } from '$lib/server/http/pages';
import { indicatorUpdateSchema } from '$lib/schemas/indicators';
import {
	formErrors,
	indicatorInput,
	indicatorValues,
	issueErrors,
	type IndicatorValues
} from '../../forms';
import type { Actions, PageServerLoad } from './$types';

function valuesOf(i: IndicatorDetail): IndicatorValues {
	const s = (v: number | null) => (v === null ? '' : String(v));
	return {
		code: i.code,
		name: i.name,
		description: i.description,
		unit: i.unit,
		direction: i.direction,
		baselineYear: s(i.baselineYear),
		baselineValue: s(i.baselineValue),
		targetYear: s(i.targetYear),
		targetValue: s(i.targetValue),
		ceiling: s(i.ceiling),
		ceilingKey: i.ceilingKey ?? '',
		aggregation: i.aggregationSetting ?? '',
		kind: i.kind,
		threshold: s(i.threshold),
		defaultMethod: i.defaultMethod ?? '',
		scaleMin: s(i.scaleMin),
		scaleMax: s(i.scaleMax),
		outlierMads: s(i.outlierMads),
		outlierJumpPercent: s(i.outlierJumpPercent),
		articles: i.articles.map(String),
		sdg: i.sdg.join(', '),
		gcm: i.gcm.join(', '),
		custodian: i.custodian,
		source: i.source,
		methodNotes: i.methodNotes,
		nameEs: i.translations.es?.name ?? '',
		nameFr: i.translations.fr?.name ?? '',
		version: String(i.version)
	};
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const locale = requestLocale();
	try {
		assert.manageIndicators(locals.actor);
		// English name and description: the form edits the catalogue's own text.
		const indicator = getIndicator(getDb(), locals.actor, params.code, { locale: 'en' });
		return {
			locale,
			code: indicator.code,
			values: valuesOf(indicator),
			articleTitles: Object.fromEntries(
				listArticles(getDb(), locale).map((a) => [a.number, a.title])
			)
		};
	} catch (e) {
		pageError(e);
	}
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = indicatorValues(await request.formData());
		const parsed = indicatorUpdateSchema.safeParse(indicatorInput(values, 'update'));
		if (!parsed.success)
			return fail(422, { values, errors: formErrors(parsed.error), message: null });
		let code: string;
		try {
			code = updateIndicator(getDb(), locals.actor, params.code, parsed.data).code;
		} catch (e) {
			if (isAppError(e)) {
				if (e.status === 409) {
					const current = (e.details as { current?: IndicatorDetail } | undefined)?.current;
					return fail(409, {
						values: current ? { ...values, version: String(current.version) } : values,
						errors: {},
						message: m.indicators_conflict()
					});
				}
				return fail(e.status, {
					values,
					errors: issueErrors(e.issues),
					message: appErrorMessage(e)
				});
			}
			throw e;
		}
		redirect(303, localizeHref(`/indicators/${encodeURIComponent(code)}?saved=1`));
	}
};
