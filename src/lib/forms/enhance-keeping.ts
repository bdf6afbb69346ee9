// The one progressive-enhancement wrapper for forms whose typed values must survive a refusal:
// a validation failure re-renders with the server's messages, a refusal that is not the form's
// own answer (403 from the same-origin check, 413, a dropped connection) keeps every field as
// typed and reports a message in the page language instead of emptying the form.
import type { SubmitFunction } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

export function enhanceKeeping(
	onRefused: (message: string | null) => void,
	onPending: (pending: boolean) => void = () => {}
): SubmitFunction {
	return () => {
		onRefused(null);
		onPending(true);
		return async ({ result, update }) => {
			onPending(false);
			if (result.type === 'error') {
				onRefused(m.form_refused());
				return;
			}
			await update({ reset: false });
		};
	};
}
