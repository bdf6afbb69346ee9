// What an import does with stored values the file would change (issue 15 §6): the choices of
// `existing=` (its schema, $lib/schemas/imports) in the page's words.
import { m } from '$lib/paraglide/messages';
import { EXISTING_CHOICES } from '$lib/schemas/imports';

export { EXISTING_CHOICES };
export type ExistingChoice = (typeof EXISTING_CHOICES)[number];

export function existingLabel(choice: ExistingChoice): string {
	if (choice === 'keep') return m.existing_keep();
	if (choice === 'replace') return m.existing_replace();
	return m.existing_prefer_ranked();
}

export function existingHint(choice: ExistingChoice): string {
	if (choice === 'keep') return m.existing_keep_hint();
	if (choice === 'replace') return m.existing_replace_hint();
	return m.existing_prefer_ranked_hint();
}
