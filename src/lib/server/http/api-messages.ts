// Validation messages of the API, written for the developer of a script: they name the field
// and the value (`version` is required; `status` must be one of: …), where the forms say the
// same thing to a person in their language (lib/i18n/validation.ts).
import type { ZodError } from 'zod';
import type { FieldIssue } from './errors';

type Issue = ZodError['issues'][number] & { input?: unknown };

const FORMATS: Record<string, string> = {
	date: 'a date as YYYY-MM-DD',
	datetime: 'a date and time in ISO 8601',
	email: 'an email address',
	url: 'a web address',
	uuid: 'a UUID'
};

function shown(value: unknown): string {
	const text = JSON.stringify(value);
	if (text === undefined) return String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function unit(origin: unknown, n: number | bigint): string {
	if (origin === 'string') return ` character${n === 1 ? '' : 's'}`;
	if (origin === 'array' || origin === 'set') return ` item${n === 1 ? '' : 's'}`;
	return '';
}

/** One issue as a sentence about its field and value. */
export function apiIssueMessage(issue: Issue): string {
	const path = issue.path.map(String).join('.');
	const field = path ? `\`${path}\`` : 'The body';
	const got = 'input' in issue && issue.input !== undefined ? ` (got ${shown(issue.input)})` : '';
	const own = issue.message;
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return `${field} is required.`;
			return `${field} must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, not ${kindOf(issue.input)}.`;
		case 'too_small': {
			const origin = (issue as { origin?: string }).origin;
			if (origin === 'string' && Number(issue.minimum) === 1) return `${field} must not be empty.`;
			return `${field} must be at least ${issue.minimum}${unit(origin, issue.minimum)}${got}.`;
		}
		case 'too_big': {
			const origin = (issue as { origin?: string }).origin;
			return `${field} must be at most ${issue.maximum}${unit(origin, issue.maximum)}${got}.`;
		}
		case 'invalid_value':
			return `${field} must be one of: ${issue.values.map((v) => String(v)).join(', ')}${got}.`;
		case 'invalid_format': {
			const format = FORMATS[issue.format];
			return format ? `${field} must be ${format}${got}.` : `${field}: ${own}${got}`;
		}
		case 'unrecognized_keys':
			return `${issue.keys.map((k) => `\`${path ? `${path}.` : ''}${k}\``).join(', ')} ${
				issue.keys.length === 1 ? 'is not a known field' : 'are not known fields'
			}.`;
		default:
			return `${field}: ${own}${got}`;
	}
}

export function apiIssues(error: ZodError): FieldIssue[] {
	return error.issues.map((i) => ({
		path: i.path.map(String).join('.') || '(body)',
		message: apiIssueMessage(i as Issue)
	}));
}

/** A service's own field issue, made to name its field as the schema's issues do. */
export function namedIssue(issue: FieldIssue): FieldIssue {
	if (issue.path === '(body)' || issue.message.includes('`')) return issue;
	return { path: issue.path, message: `\`${issue.path}\`: ${issue.message}` };
}
