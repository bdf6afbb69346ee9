// Validation messages in the page's language. Zod schemas are shared by the API (English)
// and the forms (any language); the forms translate the issues at the edge:
//
//   const parsed = schema.safeParse(values);
//   if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
//
// How a message is chosen, for each issue:
//  1. an English message registered below (a schema's own wording, e.g. 'Enter your name.')
//     → the same message in the page's language;
//  2. one of Zod's built-in English messages ('Too small: …', 'Invalid input…') → a plain
//     message in the page's language made from the issue's code and limits;
//  3. anything else is kept: a schema that wants its own wording in every language passes a
//     function, `z.string().min(1, { error: () => m.my_key() })`, which Zod calls while
//     parsing, in the language of the request (English in the API).
import type { ZodError } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { toAppLocale, formatNumber, type AppLocale } from './format';

export interface LocalizedIssue {
	path: string;
	message: string;
}

type Message = (inputs: Record<string, never>, options: { locale: AppLocale }) => string;

/** Messages whose English text a schema may use as it is (the text must be identical). */
const REGISTERED: Message[] = [
	m.signin_required_email,
	m.signin_required_password,
	m.setup_required_name,
	m.setup_password_too_short,
	m.v_invalid_email,
	m.v_use_true_false,
	m.v_use_iso3,
	m.v_use_iso_date,
	m.v_share_scope,
	m.v_share_target,
	m.v_share_label
];

let byEnglish: Map<string, Message> | undefined;
function registered(text: string): Message | undefined {
	byEnglish ??= new Map(REGISTERED.map((fn) => [fn({}, { locale: 'en' }), fn]));
	return byEnglish.get(text);
}

const ZOD_DEFAULT =
	/^(Invalid input|Invalid option|Invalid string|Invalid number|Invalid key|Invalid value|Invalid discriminator|Invalid [A-Za-z0-9 ]+$|Too small: |Too big: |Unrecognized key)/;

type Issue = ZodError['issues'][number];

function num(value: unknown, locale: AppLocale): string {
	const n = typeof value === 'bigint' ? Number(value) : Number(value);
	return Number.isFinite(n) ? formatNumber(n, locale, 6) : String(value);
}

/** A message in `locale` made from the issue's code and limits (Zod's defaults replaced). */
export function genericIssueMessage(issue: Issue, locale: AppLocale): string {
	const o = { locale };
	const i = issue as Issue & Record<string, unknown>;
	switch (issue.code) {
		case 'invalid_type':
			// Zod's English default names what it received: 'undefined' is a missing field.
			if (/received undefined$/.test(issue.message)) return m.v_required({}, o);
			if (issue.expected === 'number' || issue.expected === 'bigint')
				return m.v_invalid_number({}, o);
			if (issue.expected === 'int') return m.v_invalid_integer({}, o);
			return m.v_invalid_value({}, o);
		case 'too_small': {
			const min = num(i.minimum, locale);
			const exclusive = i.inclusive === false;
			if (i.origin === 'string') {
				return Number(i.minimum) <= 1 ? m.v_required({}, o) : m.v_too_short({ minimum: min }, o);
			}
			if (i.origin === 'array' || i.origin === 'set') {
				return m.v_too_few_items({ minimum: min }, o);
			}
			if (i.origin === 'date') return m.v_date_too_early({}, o);
			return exclusive
				? m.v_number_greater_than({ minimum: min }, o)
				: m.v_number_at_least({ minimum: min }, o);
		}
		case 'too_big': {
			const max = num(i.maximum, locale);
			const exclusive = i.inclusive === false;
			if (i.origin === 'string') return m.v_too_long({ maximum: max }, o);
			if (i.origin === 'array' || i.origin === 'set') {
				return m.v_too_many_items({ maximum: max }, o);
			}
			if (i.origin === 'date') return m.v_date_too_late({}, o);
			return exclusive
				? m.v_number_less_than({ maximum: max }, o)
				: m.v_number_at_most({ maximum: max }, o);
		}
		case 'invalid_format':
			switch (i.format) {
				case 'email':
					return m.v_invalid_email({}, o);
				case 'url':
					return m.v_invalid_url({}, o);
				case 'date':
					return m.v_use_iso_date({}, o);
				case 'datetime':
					return m.v_invalid_datetime({}, o);
				default:
					return m.v_invalid_format({}, o);
			}
		case 'not_multiple_of':
			return m.v_not_multiple({ divisor: num(i.divisor, locale) }, o);
		case 'unrecognized_keys':
			return m.v_unrecognized_keys({ keys: (issue.keys ?? []).join(', ') }, o);
		case 'invalid_value':
			return m.v_invalid_option({}, o);
		default:
			return m.v_invalid_value({}, o);
	}
}

function currentLocale(): AppLocale {
	try {
		return toAppLocale(getLocale());
	} catch {
		return 'en';
	}
}

/** One issue's message in `locale` (see the rules at the top of this file). */
export function localizeIssueMessage(issue: Issue, locale: AppLocale = currentLocale()): string {
	const known = registered(issue.message);
	if (known) return known({}, { locale });
	if (ZOD_DEFAULT.test(issue.message)) return genericIssueMessage(issue, locale);
	return issue.message;
}

/** The issues of a Zod error with their messages in the page's language. */
export function localizedIssues(
	error: ZodError,
	locale: AppLocale = currentLocale()
): LocalizedIssue[] {
	return error.issues.map((issue) => ({
		path: issue.path.map(String).join('.') || '_form',
		message: localizeIssueMessage(issue, locale)
	}));
}

/**
 * The first message per field, keyed by its path ('title', 'articles', 'dates.due'; '_form'
 * for issues of the whole form), for `fail(400, { values, errors })`.
 */
export function fieldErrors(
	error: ZodError,
	locale: AppLocale = currentLocale()
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of localizedIssues(error, locale)) out[issue.path] ??= issue.message;
	return out;
}
