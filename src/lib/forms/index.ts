// The form helpers every route shares: the error map out of an action's answer, and the
// label/hint/error wiring (`aria-invalid`, `aria-describedby`) that `Field` and `FieldSet`
// put on a control. The progressive-enhancement wrapper lives in `enhance-keeping.ts`.
import type { SubmitFunction } from '@sveltejs/kit';
export { enhanceKeeping } from './enhance-keeping';

/** The attributes a control receives from `Field` so its label, hint and error point at it. */
export interface FieldAttrs {
	id: string;
	name?: string;
	'aria-invalid': 'true' | undefined;
	'aria-describedby': string | undefined;
}

/** The ids of the hint and error paragraphs that belong to the control `id`. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** What a control shows beside it: a hint (under its own id when `hintId` names one), an error. */
export interface FieldParts {
	hint?: boolean;
	hintId?: string;
	error?: unknown;
}

/**
 * The `aria-describedby` of the control `id`: its hint (when it has one) then its error (when
 * there is one), or undefined when neither is shown.
 */
export function describedBy(id: string, opts: FieldParts): string | undefined {
	const ids = [opts.hint ? (opts.hintId ?? hintId(id)) : '', opts.error ? errorId(id) : ''].filter(
		Boolean
	);
	return ids.length ? ids.join(' ') : undefined;
}

/** The wiring attributes of the control `id`, given whether it shows a hint and an error. */
export function fieldAttrs(id: string, opts: FieldParts & { name?: string } = {}): FieldAttrs {
	const attrs: FieldAttrs = {
		id,
		'aria-invalid': opts.error ? 'true' : undefined,
		'aria-describedby': describedBy(id, opts)
	};
	if (opts.name !== undefined) attrs.name = opts.name;
	return attrs;
}

/** The field → message map of a form action's answer (`fail(400, { errors })`), empty when none. */
export function formErrors(form: unknown, key = 'errors'): Record<string, string> {
	if (!form || typeof form !== 'object') return {};
	const errors = (form as Record<string, unknown>)[key];
	return errors && typeof errors === 'object' ? (errors as Record<string, string>) : {};
}

/**
 * use:enhance for a form that adds a record on the same page: a save (the action redirects)
 * empties the form, a refusal re-renders with the server's messages and keeps what was typed.
 */
export function enhanceSaving(onPending: (pending: boolean) => void): SubmitFunction {
	return ({ formElement }) => {
		onPending(true);
		return async ({ result, update }) => {
			if (result.type === 'redirect') formElement.reset();
			await update({ reset: false });
			onPending(false);
		};
	};
}
