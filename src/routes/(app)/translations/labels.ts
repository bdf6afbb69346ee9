// Words for the translation pages, shared by the list and the editor.
import { m } from '$lib/paraglide/messages';
import type { TranslatableItem, TranslationStatus } from '$lib/server/translations/translations';
import type { TranslationField } from '$lib/schemas/translations';

export function fieldLabel(field: TranslationField): string {
	switch (field) {
		case 'title':
			return m.translations_field_title();
		case 'shortTitle':
			return m.translations_field_short_title();
		case 'text':
			return m.translations_field_text();
		case 'name':
			return m.translations_field_name();
		case 'description':
			return m.translations_field_description();
	}
}

export const languageName = (locale: string): string =>
	locale === 'es'
		? m.language_name_es()
		: locale === 'fr'
			? m.language_name_fr()
			: m.language_name_en();

/** 'Article 3', 'SDG target 10.7', 'GCM objective 11', or an indicator's code. */
export function itemCode(item: TranslatableItem): string {
	if (item.kind === 'articles') return m.article_number({ number: item.code });
	if (item.referenceKind === 'sdg_target')
		return `${m.translations_kind_sdg_target()} ${item.code}`;
	if (item.referenceKind === 'sdg_indicator')
		return `${m.translations_kind_sdg_indicator()} ${item.code}`;
	if (item.referenceKind === 'gcm_objective')
		return `${m.translations_kind_gcm_objective()} ${item.code}`;
	return item.code;
}

export const statusTone = { complete: 'ok', partial: 'warn', missing: 'bad' } as const;

export function statusWord(status: TranslationStatus): string {
	return status === 'complete'
		? m.translations_status_complete()
		: status === 'partial'
			? m.translations_status_partial()
			: m.translations_status_missing();
}
