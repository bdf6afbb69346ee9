// Form plumbing shared by the indicator, observation and import pages: form data → the input
// of the shared zod schemas, and validation issues → messages in the page's language.
import type { ZodError } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeIssueMessage } from '$lib/i18n/validation';
import type { FieldIssue } from '$lib/server/http/errors';

type Message = (inputs?: Record<string, never>, options?: { locale: 'en' | 'es' | 'fr' }) => string;

/** Schema messages (English) with their translations. */
const OWN: Message[] = [
	m.indicators_v_code,
	m.indicators_v_code_format,
	m.indicators_v_name,
	m.indicators_v_unit,
	m.indicators_v_direction,
	m.indicators_v_year,
	m.indicators_v_whole_year,
	m.indicators_v_year_range,
	m.indicators_v_number,
	m.indicators_v_articles,
	m.indicators_v_objectives,
	m.indicators_v_target_value,
	m.indicators_v_target_after_baseline,
	m.indicators_v_scale,
	m.observations_v_period,
	m.observations_v_period_format,
	m.observations_v_disagg_key,
	m.observations_v_disagg_value,
	m.observations_v_disagg_chars,
	m.observations_v_disagg_count,
	m.observations_v_url,
	m.observations_v_evidence_title,
	m.observations_v_status,
	m.observations_v_comment,
	m.observations_v_country
];

let byEnglish: Map<string, Message> | undefined;

/** A schema message in the page's language (unknown messages are kept). */
export function translateMessage(message: string): string {
	byEnglish ??= new Map(OWN.map((fn) => [fn({}, { locale: 'en' }), fn]));
	const fn = byEnglish.get(message);
	return fn ? fn() : message;
}

/** First message per field path ('name', 'observations.2.value'), translated. */
export function formErrors(error: ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const path = issue.path.map(String).join('.') || '_form';
		const own = translateMessage(issue.message);
		out[path] ??= own !== issue.message ? own : localizeIssueMessage(issue);
	}
	return out;
}

/** Service issues (422) keyed by path. */
export function issueErrors(issues: FieldIssue[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) out[i.path] ??= translateMessage(i.message);
	return out;
}

export const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();

/** '' → null; a number; anything else stays (the schema then says "Enter a number."). */
export function numberOrNull(raw: string): number | null | string {
	if (raw.trim() === '') return null;
	const n = Number(raw.replace(',', '.'));
	return Number.isFinite(n) ? n : raw;
}

/** The indicator form's fields as strings (kept when the form comes back with errors). */
export function indicatorValues(form: FormData) {
	return {
		code: text(form, 'code'),
		name: text(form, 'name'),
		description: text(form, 'description'),
		unit: text(form, 'unit'),
		direction: text(form, 'direction'),
		baselineYear: text(form, 'baselineYear'),
		baselineValue: text(form, 'baselineValue'),
		targetYear: text(form, 'targetYear'),
		targetValue: text(form, 'targetValue'),
		ceiling: text(form, 'ceiling'),
		ceilingKey: text(form, 'ceilingKey'),
		aggregation: text(form, 'aggregation'),
		kind: text(form, 'kind'),
		threshold: text(form, 'threshold'),
		defaultMethod: text(form, 'defaultMethod'),
		scaleMin: text(form, 'scaleMin'),
		scaleMax: text(form, 'scaleMax'),
		outlierMads: text(form, 'outlierMads'),
		outlierJumpPercent: text(form, 'outlierJumpPercent'),
		articles: form.getAll('articles').map(String),
		sdg: text(form, 'sdg'),
		gcm: text(form, 'gcm'),
		custodian: text(form, 'custodian'),
		source: text(form, 'source'),
		methodNotes: text(form, 'methodNotes'),
		nameEs: text(form, 'nameEs'),
		nameFr: text(form, 'nameFr'),
		version: text(form, 'version')
	};
}
export type IndicatorValues = ReturnType<typeof indicatorValues>;

/** The form's values → the input of indicatorCreateSchema / indicatorUpdateSchema. */
export function indicatorInput(v: IndicatorValues, mode: 'create' | 'update') {
	const list = (s: string) =>
		s
			.split(/[,;\s]+/)
			.map((x) => x.trim())
			.filter(Boolean);
	const input: Record<string, unknown> = {
		name: v.name,
		description: v.description,
		unit: v.unit || undefined,
		direction: v.direction || undefined,
		baselineYear: numberOrNull(v.baselineYear),
		baselineValue: numberOrNull(v.baselineValue),
		targetYear: numberOrNull(v.targetYear),
		targetValue: numberOrNull(v.targetValue),
		ceiling: numberOrNull(v.ceiling),
		ceilingKey: v.ceilingKey.trim() || null,
		aggregation: v.aggregation || null,
		kind: v.kind || 'continuous',
		threshold: numberOrNull(v.threshold),
		defaultMethod: v.defaultMethod || null,
		scaleMin: numberOrNull(v.scaleMin),
		scaleMax: numberOrNull(v.scaleMax),
		outlierMads: numberOrNull(v.outlierMads),
		outlierJumpPercent: numberOrNull(v.outlierJumpPercent),
		articles: v.articles.map(Number),
		sdg: list(v.sdg),
		gcm: list(v.gcm).map((x) => (/^\d+$/.test(x) ? Number(x) : x)),
		custodian: v.custodian,
		source: v.source,
		methodNotes: v.methodNotes,
		translations: { es: { name: v.nameEs }, fr: { name: v.nameFr } }
	};
	if (mode === 'create') input.code = v.code;
	else input.version = Number(v.version);
	return input;
}
